// The links between the files of a project, as the cross-file rules (rules/project/) judge them:
// - per compose service (in its merged view): the Dockerfile it builds, the build context, the `.dockerignore` that
//   applies (`<Dockerfile>.dockerignore` first), the target stage, the build args, and every path it refers to (env
//   files, secret and config files, bind mounts), each with the place that wrote it;
// - per Dockerfile: the services that build it, its build contexts, the sources its COPY/ADD take from the context,
//   the stage a build ends in, base images, installed packages and the effective user of a stage.
// Existence of referenced paths is probed once while the project loads (`probeReferencedPaths`, bounded, never outside
// the repository) and recorded in `project.exists` / `project.listings`: rules stay pure and synchronous.
import path from 'node:path';
import type { Arg, Instruction, JSONInstruction } from 'dockerfile-ast';
import { rangeAt } from '../parse/compose.js';
import {
  expandAt, runInstructions, shellOf, stageAncestry, stageInstructions, targetStage,
  type DockerfileFile, type DockerfileStage,
} from '../parse/dockerfile.js';
import type { DockerignoreFile } from '../parse/dockerignore.js';
import type { ImageRef } from '../parse/image.js';
import { argsNoFlags, type ShellCommand } from '../parse/shell.js';
import { normalizeRelative, type Workspace } from '../workspace/workspace.js';
import { asMap, buildOf, interpolate, scalarText, splitOutsideVariables, type BuildInfo } from './compose-build.js';
import { allServices, type Place, type ServiceView } from './compose-project.js';
import type { Project } from './project.js';

// ─── Paths a service refers to ───────────────────────────────────────────────────────────────────────────────────

export type PathRole = 'build.context' | 'build.dockerfile' | 'env_file' | 'secret' | 'config' | 'bind';

/** Where a written path points. */
export type PathLocation =
  /** inside the repository: `repoPath` is set */
  | 'inside'
  /** a relative path that climbs out of the repository (`../../x`) */
  | 'outside'
  /** an absolute host path (`/srv/app`) */
  | 'absolute'
  /** a home-relative path (`~/x`) */
  | 'home'
  /** a URL or git remote (build contexts) */
  | 'remote'
  /** a variable without value, or the path it is relative to is itself unknown */
  | 'unknown';

export interface PathRef {
  role: PathRole;
  service: ServiceView;
  /** The value as written, before interpolation. */
  written: string;
  /** After Compose interpolation (with the project's `.env`). */
  value: string;
  location: PathLocation;
  /** Repository path ('' for the root) when `location` is 'inside'. */
  repoPath: string | null;
  /** What must be there: a folder (build context), a file, or either (a long-syntax bind mount). */
  expect: 'file' | 'dir' | 'any';
  /**
   * False when a missing path is not an error: a short-syntax bind mount of a folder (Docker creates it), an env file
   * marked `required: false`.
   */
  mustExist: boolean;
  /** Where the path was written (in whichever file or anchor). */
  place: Place;
  /** Path of the value inside the service (`['build', 'context']`, `['env_file', 0]`, `['volumes', 2]`). */
  yamlPath: (string | number)[];
  /** The secret or config name, for `secret` and `config`. */
  name?: string;
}

/** A `build.args` entry of a service. */
export interface BuildArgRef {
  name: string;
  /** As written (before interpolation); null when the entry only passes a variable through (`- NAME`). */
  value: string | null;
  place: Place;
  yamlPath: (string | number)[];
}

export interface BuildLink {
  service: ServiceView;
  info: BuildInfo;
  /** The Dockerfile in the project, or null (missing, not reviewed, inline, remote). */
  dockerfile: DockerfileFile | null;
  /** Its repository path, when it could be computed. */
  dockerfilePath: string | null;
  /** The context's repository path ('' for the root), or null (remote, outside the repository, unknown). */
  context: string | null;
  /** The `.dockerignore` the build uses, or null. */
  dockerignore: DockerignoreFile | null;
  /** `build.target` as written (interpolated), or null. */
  target: string | null;
  /** The stage the build ends in: the target, or the last one; null when the target names no stage. */
  stage: DockerfileStage | null;
  args: BuildArgRef[];
}

export interface ServiceLinks {
  service: ServiceView;
  build: BuildLink | null;
  /** Every path the service refers to: build context and Dockerfile, env files, secret/config files, bind mounts. */
  paths: PathRef[];
}

export interface DockerfileLinks {
  file: DockerfileFile;
  /** The compose builds of this Dockerfile (any view). */
  builtBy: BuildLink[];
  /**
   * Contexts it is built with: the compose ones when some service builds it (`known`), else the Dockerfile's folder
   * and the repository root (the two a `docker build` is usually run with).
   */
  contexts: string[];
  /** True when the contexts come from compose. */
  known: boolean;
}

export interface ProjectLinks {
  services: ServiceLinks[];
  dockerfiles: Map<string, DockerfileLinks>;
  service(service: ServiceView): ServiceLinks | undefined;
}

const cache = new WeakMap<Project, ProjectLinks>();

/** The links of the whole project, computed once. */
export function linksOf(project: Project): ProjectLinks {
  let links = cache.get(project);
  if (!links) {
    links = computeLinks(project);
    cache.set(project, links);
  }
  return links;
}

/** The links of one service. */
export function serviceLinks(project: Project, service: ServiceView): ServiceLinks {
  return linksOf(project).service(service) ?? linkService(project, service);
}

/** The links of one Dockerfile. */
export function dockerfileLinks(project: Project, file: DockerfileFile): DockerfileLinks {
  return linksOf(project).dockerfiles.get(file.path) ?? { file, builtBy: [], contexts: defaultContexts(file.path), known: false };
}

function computeLinks(project: Project): ProjectLinks {
  const services = allServices(project).map((s) => linkService(project, s));
  const byService = new Map(services.map((s) => [s.service, s]));
  const dockerfiles = new Map<string, DockerfileLinks>();
  for (const file of project.files) {
    if (file.kind !== 'dockerfile') continue;
    const builtBy = services.flatMap((s) => (s.build && s.build.dockerfilePath === file.path ? [s.build] : []));
    const contexts = [...new Set(builtBy.flatMap((b) => (b.context === null ? [] : [b.context])))];
    dockerfiles.set(file.path, contexts.length ? { file, builtBy, contexts, known: true } : { file, builtBy, contexts: defaultContexts(file.path), known: false });
  }
  return { services, dockerfiles, service: (s) => byService.get(s) };
}

function defaultContexts(dockerfilePath: string): string[] {
  const dir = normalizeRelative(path.posix.dirname(dockerfilePath)) ?? '';
  return dir === '' ? [''] : [dir, ''];
}

function linkService(project: Project, service: ServiceView): ServiceLinks {
  const paths: PathRef[] = [];
  const build = linkBuild(project, service, paths);
  envFileRefs(service, paths);
  mountRefs(service, paths);
  topLevelFileRefs(service, 'secrets', 'secret', paths);
  topLevelFileRefs(service, 'configs', 'config', paths);
  return { service, build, paths };
}

/** Classifies a written path relative to `base` (a repository folder, '' for the root). */
export function locatePath(base: string, value: string): { location: PathLocation; repoPath: string | null } {
  const v = value.trim();
  if (v === '') return { location: 'unknown', repoPath: null };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^git@/.test(v)) return { location: 'remote', repoPath: null };
  if (v.startsWith('~')) return { location: 'home', repoPath: null };
  if (v.startsWith('/') || v.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(v)) return { location: 'absolute', repoPath: null };
  const rel = normalizeRelative(path.posix.join(base || '.', v.replace(/\\/g, '/')));
  return rel === null ? { location: 'outside', repoPath: null } : { location: 'inside', repoPath: rel };
}

/**
 * A `build:` string (`build: ./api`) in an earlier file of the view that a later file's `build:` mapping merges over
 * (`build: { target: dev }`): Compose reads the string as `{ context: ./api }` before merging, so the context stays.
 */
function contextFromShortSyntax(service: ServiceView): { context: string; place: Place } | null {
  const map = asMap(service.data.build);
  if (!map || map.context !== undefined) return null;
  let found: { context: string; place: Place } | null = null;
  for (const file of service.view.files) {
    const build = asMap(asMap(file.data.services)?.[service.name])?.build;
    const text = scalarText(build);
    if (text !== null) found = { context: text, place: { in: file.path, range: rangeAt(file, ['services', service.name, 'build']) } };
    else if (asMap(build)?.context !== undefined) found = null;
  }
  return found;
}

function linkBuild(project: Project, service: ServiceView, paths: PathRef[]): BuildLink | null {
  const short = contextFromShortSyntax(service);
  const data = short ? { ...service.data, build: { ...asMap(service.data.build), context: short.context } } : service.data;
  const info = buildOf(service.dir, project, data, service.env);
  if (!info) return null;
  const raw = data.build;
  const map = asMap(raw);
  const contextWritten = map ? scalarText(map.context) ?? '.' : scalarText(raw) ?? '.';
  const contextPath = map ? (map.context !== undefined ? ['build', 'context'] : ['build']) : ['build'];
  const contextPlace = short ? short.place : service.at(...contextPath);
  const dockerfileWritten = map ? scalarText(map.dockerfile) : null;
  const inline = map?.dockerfile_inline !== undefined && map?.dockerfile_inline !== null;
  const ctx = interpolate(contextWritten, service.env);
  const ctxLoc = ctx.unresolved ? { location: 'unknown' as const, repoPath: null } : locatePath(service.dir, ctx.value);
  if (map || scalarText(raw) !== null) {
    paths.push({
      role: 'build.context', service, written: contextWritten, value: ctx.value, ...ctxLoc, expect: 'dir', mustExist: true,
      place: contextPlace, yamlPath: contextPath,
    });
  }
  if (!inline && ctxLoc.location !== 'remote') {
    const df = interpolate(dockerfileWritten ?? 'Dockerfile', service.env);
    const dfPath = dockerfileWritten !== null ? ['build', 'dockerfile'] : contextPath;
    const dfPlace = dockerfileWritten !== null ? service.at(...dfPath) : contextPlace;
    let loc: { location: PathLocation; repoPath: string | null };
    if (df.unresolved) loc = { location: 'unknown', repoPath: null };
    else if (/^(\/|\\|[A-Za-z]:[\\/])/.test(df.value)) loc = { location: 'absolute', repoPath: null };
    else if (ctxLoc.location !== 'inside') loc = { location: ctxLoc.location === 'outside' ? 'outside' : 'unknown', repoPath: null };
    else loc = locatePath(ctxLoc.repoPath!, df.value);
    paths.push({
      role: 'build.dockerfile', service, written: dockerfileWritten ?? 'Dockerfile', value: df.value, ...loc, expect: 'file', mustExist: true,
      place: dfPlace, yamlPath: dfPath,
    });
  }
  const dockerfile = info.dockerfile;
  const target = info.target === null ? null : interpolate(info.target, service.env).value.trim() || null;
  const stage = dockerfile ? targetStage(dockerfile, target) : null;
  return {
    service,
    info,
    dockerfile,
    dockerfilePath: info.dockerfilePath,
    context: info.context,
    dockerignore: dockerfile ? dockerignoreOf(project, dockerfile.path, info.context) : info.dockerfilePath ? dockerignoreOf(project, info.dockerfilePath, info.context) : null,
    target,
    stage,
    args: buildArgs(service),
  };
}

/** The .dockerignore Docker applies to `dockerfilePath` built with `context`: `<Dockerfile>.dockerignore`, else the context's. */
export function dockerignoreOf(project: Project, dockerfilePath: string, context: string | null): DockerignoreFile | null {
  const specific = project.byPath.get(`${dockerfilePath}.dockerignore`);
  if (specific?.kind === 'dockerignore') return specific;
  const dir = context ?? (normalizeRelative(path.posix.dirname(dockerfilePath)) ?? '');
  const general = project.byPath.get(dir === '' ? '.dockerignore' : `${dir}/.dockerignore`);
  return general?.kind === 'dockerignore' ? general : null;
}

function buildArgs(service: ServiceView): BuildArgRef[] {
  const args = asMap(service.data.build)?.args;
  const out: BuildArgRef[] = [];
  if (Array.isArray(args)) {
    args.forEach((item, i) => {
      const text = scalarText(item);
      if (text === null) return;
      const eq = text.indexOf('=');
      const name = (eq >= 0 ? text.slice(0, eq) : text).trim();
      if (name) out.push({ name, value: eq >= 0 ? text.slice(eq + 1) : null, place: service.at('build', 'args', i), yamlPath: ['build', 'args', i] });
    });
  } else {
    for (const [name, value] of Object.entries(asMap(args) ?? {})) {
      out.push({ name, value: value === null || value === undefined ? null : scalarText(value), place: service.at('build', 'args', name), yamlPath: ['build', 'args', name] });
    }
  }
  return out;
}

function envFileRefs(service: ServiceView, paths: PathRef[]): void {
  const raw = service.data.env_file;
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  list.forEach((entry, i) => {
    const map = asMap(entry);
    const written = map ? scalarText(map.path) : scalarText(entry);
    if (written === null) return;
    const required = map ? !(map.required === false || (typeof map.required === 'string' && /^false$/i.test(map.required))) : true;
    const yamlPath = Array.isArray(raw) ? (map ? ['env_file', i, 'path'] : ['env_file', i]) : ['env_file'];
    const v = interpolate(written, service.env);
    const loc = v.unresolved ? { location: 'unknown' as const, repoPath: null } : locatePath(service.dir, v.value);
    paths.push({ role: 'env_file', service, written, value: v.value, ...loc, expect: 'file', mustExist: required, place: service.at(...yamlPath), yamlPath });
  });
}


function dirOf(p: string): string {
  const dir = path.posix.dirname(p);
  return dir === '.' ? '' : dir;
}

/** File-like names: `nginx.conf`, `init.sql`, `.env`, `.htpasswd` — mounting a missing one creates a folder in its place. */
export function looksLikeFile(p: string): boolean {
  const base = path.posix.basename(p.replace(/\/+$/, ''));
  if (p.endsWith('/')) return false;
  if (/^\.(env|htpasswd|npmrc|pgpass|netrc|gitconfig|bashrc|profile|yarnrc|pypirc)([.-].*)?$/i.test(base)) return true;
  return /^[^.].*\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(base);
}

function mountRefs(service: ServiceView, paths: PathRef[]): void {
  const list = service.data.volumes;
  if (!Array.isArray(list)) return;
  list.forEach((entry, i) => {
    const text = scalarText(entry);
    let written: string | null = null;
    let target: string | null = null;
    let long = false;
    let create = false;
    let yamlPath: (string | number)[] = ['volumes', i];
    if (text !== null) {
      const parts = splitOutsideVariables(text.trim(), ':');
      if (parts.length < 2) return;
      written = parts[0];
      target = parts[1];
    } else {
      const map = asMap(entry);
      if (!map || scalarText(map.type) !== 'bind') return;
      written = scalarText(map.source);
      target = scalarText(map.target);
      long = true;
      create = asMap(map.bind)?.create_host_path === true;
      yamlPath = ['volumes', i, 'source'];
    }
    if (written === null) return;
    const v = interpolate(written, service.env);
    if (!long && !/^(\.|\/|~|\$)/.test(written.trim())) return; // a named volume
    // A mount inherited with `extends` from a file in another folder is relative to that file (Compose rebases it).
    const origin = service.origin('volumes', i);
    const base = origin && !service.view.files.includes(origin.file) && origin.file !== service.file ? dirOf(origin.file.path) : service.dir;
    const loc = v.unresolved ? { location: 'unknown' as const, repoPath: null } : locatePath(base, v.value);
    const fileLike = looksLikeFile(v.value) || (target !== null && looksLikeFile(interpolate(target, service.env).value) && !v.value.endsWith('/'));
    paths.push({
      role: 'bind', service, written, value: v.value, ...loc,
      expect: long ? 'any' : fileLike ? 'file' : 'any',
      // Short syntax creates a missing source as a folder: only a file-like source is then broken. Long syntax refuses.
      mustExist: long ? !create : fileLike,
      place: service.at(...yamlPath), yamlPath,
    });
  });
}

function topLevelFileRefs(service: ServiceView, key: 'secrets' | 'configs', role: 'secret' | 'config', paths: PathRef[]): void {
  const used = service.data[key];
  if (!Array.isArray(used)) return;
  const defs = asMap(service.view.data[key]) ?? {};
  for (const entry of used) {
    const name = scalarText(entry) ?? scalarText(asMap(entry)?.source);
    if (name === null) continue;
    const def = asMap(defs[name]);
    const written = def ? scalarText(def.file) : null;
    if (written === null) continue;
    const v = interpolate(written, service.view.env);
    const loc = v.unresolved ? { location: 'unknown' as const, repoPath: null } : locatePath(service.view.dir, v.value);
    paths.push({
      role, service, written, value: v.value, ...loc, expect: 'any', mustExist: true,
      place: service.view.at(key, name, 'file'), yamlPath: [key, name, 'file'], name,
    });
  }
}

// ─── COPY / ADD sources, as the probe and the rules see them ─────────────────────────────────────────────────────

export interface CopySourceRef {
  instruction: Instruction;
  stage: DockerfileStage;
  keyword: 'COPY' | 'ADD';
  /** As written (quotes removed). */
  written: string;
  /** With ARG/ENV values expanded; null when a variable has no known value. */
  value: string | null;
  /** Relative to the context root (`./src/` → `src`, `/etc/x` → `etc/x`, `.` → ''). */
  inContext: string | null;
  glob: boolean;
}

const GLOB = /[*?[]/;

/** `./src/` → `src`, `/etc/app.conf` → `etc/app.conf`, `.` → '' (COPY sources are relative to the context root). */
export function contextRelative(source: string): string {
  const clean = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
  return clean === '.' ? '' : clean.replace(/^\.\//, '');
}

/**
 * The context sources of every COPY/ADD (not `--from`, not ONBUILD, no heredocs or URLs), from the instruction's own
 * arguments (exec form included). Rules needing exact word positions use rules/dockerfile/lib `copies()`.
 */
export function contextCopySources(file: DockerfileFile): CopySourceRef[] {
  const out: CopySourceRef[] = [];
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const flags = (instruction as Partial<Pick<JSONInstruction, 'getFlags'>>).getFlags?.() ?? [];
      if (flags.some((f) => f.getName().toLowerCase() === 'from')) continue;
      const json = (instruction as Partial<JSONInstruction>).getJSONStrings?.() ?? [];
      const words = json.length ? json.map((s) => s.getJSONValue()) : instruction.getArguments().map((a) => a.getValue());
      if (words.some((w) => w.startsWith('<<'))) continue;
      if (words.length < 2) continue;
      for (const raw of words.slice(0, -1)) {
        const written = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] ? raw.slice(1, -1) : raw;
        if (keyword === 'ADD' && /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(written)) continue;
        let value: string | null = written;
        if (written.includes('$')) {
          const expanded = expandAt(file, stage, instruction, written);
          value = expanded.unresolved ? null : expanded.value;
        }
        const inContext = value === null ? null : contextRelative(value);
        out.push({ instruction, stage, keyword, written, value, inContext, glob: value !== null && GLOB.test(value) });
      }
    }
  }
  return out;
}

/** For a glob source: the folder to list (relative to the context) and the pattern of the last segment; null when the glob is elsewhere. */
export function globParts(inContext: string): { dir: string; pattern: string } | null {
  const segments = inContext.split('/');
  const last = segments[segments.length - 1];
  if (segments.slice(0, -1).some((s) => GLOB.test(s)) || !GLOB.test(last) || last.includes('**')) return null;
  return { dir: segments.slice(0, -1).join('/'), pattern: last };
}

export function joinRepo(dir: string, rel: string): string {
  return normalizeRelative(path.posix.join(dir || '.', rel || '.')) ?? '';
}

// ─── Existence probe (run once, while the project loads) ─────────────────────────────────────────────────────────

export type PathKind = 'file' | 'dir' | null;
export type Listing = { name: string; type: 'file' | 'dir' }[] | null;

/** Bounds: a hostile compose file cannot make the review walk the disk. */
export const MAX_PROBES = 4000;
export const MAX_LISTINGS = 400;

/**
 * Records whether every path the stack refers to exists: build contexts and Dockerfiles, env files, secret and config
 * files, bind-mount sources, and the context sources of COPY/ADD (listing the folder of a glob source, and of a missing
 * source for "did you mean"). Only paths inside the repository; bounded in count.
 */
export async function probeReferencedPaths(ws: Workspace, project: Project): Promise<{ exists: Map<string, PathKind>; listings: Map<string, Listing> }> {
  const exists = new Map<string, PathKind>();
  const listings = new Map<string, Listing>();
  for (const f of project.files) exists.set(f.path, 'file');
  for (const u of project.unread) exists.set(u.path, 'file');
  let probes = 0;
  const probe = async (p: string): Promise<PathKind | undefined> => {
    if (exists.has(p)) return exists.get(p);
    if (probes >= MAX_PROBES) return undefined;
    probes++;
    const kind = await ws.exists(p);
    exists.set(p, kind);
    return kind;
  };
  const list = async (dir: string): Promise<void> => {
    if (listings.has(dir) || listings.size >= MAX_LISTINGS) return;
    const entries = await ws.list(dir);
    listings.set(dir, entries);
    exists.set(dir, entries ? 'dir' : exists.get(dir) ?? null);
    if (entries) for (const e of entries) if (!exists.has(joinRepo(dir, e.name))) exists.set(joinRepo(dir, e.name), e.type);
  };
  const missingParent = async (p: string) => {
    const parent = normalizeRelative(path.posix.dirname(p)) ?? '';
    if ((await probe(parent)) === 'dir') await list(parent);
  };

  const links = linksOf(project);
  for (const s of links.services) {
    for (const ref of s.paths) {
      if (ref.location !== 'inside' || ref.repoPath === null) continue;
      const kind = await probe(ref.repoPath);
      if (kind === null && (ref.role === 'build.dockerfile' || ref.role === 'build.context')) await missingParent(ref.repoPath);
      if (kind === null && ref.role === 'env_file') await missingParent(ref.repoPath);
    }
  }
  for (const df of links.dockerfiles.values()) {
    const sources = contextCopySources(df.file);
    if (!sources.length) continue;
    for (const context of df.contexts) {
      if ((await probe(context)) !== 'dir') continue;
      for (const source of sources) {
        if (source.inContext === null || source.inContext === '') continue;
        if (source.glob) {
          const parts = globParts(source.inContext);
          if (parts && (await probe(joinRepo(context, parts.dir))) === 'dir') await list(joinRepo(context, parts.dir));
          continue;
        }
        const at = joinRepo(context, source.inContext);
        if ((await probe(at)) === null) await missingParent(at);
      }
    }
  }
  return { exists, listings };
}

/** What the project knows of `repoPath`: 'file', 'dir', null (absent), or undefined (never probed: unknown). */
export function pathKind(project: Project, repoPath: string): PathKind | undefined {
  const f = project.byPath.get(repoPath);
  if (f) return 'file';
  const known = (project as { exists?: Map<string, PathKind> }).exists;
  return known?.get(repoPath);
}

/** The listing of a folder, when it was fetched. */
export function listingOf(project: Project, repoDir: string): Listing | undefined {
  return (project as { listings?: Map<string, Listing> }).listings?.get(repoDir);
}

// ─── Users ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Users that are root: `root`, UID 0 (`0`, `00`), and Windows' `ContainerAdministrator`. A group after `:` does not matter. */
export function isRootUser(spec: string): boolean {
  const user = spec.trim().split(':')[0];
  if (user === 'root' || user.toLowerCase() === 'containeradministrator') return true;
  return user !== '' && [...user].every((c) => c >= '0' && c <= '9') && Number(user) === 0;
}

/**
 * Base images whose default user is not root (documented in rules/dockerfile/user-root.md). Anything else is assumed
 * to run as root, as official images do.
 */
export function defaultsToNonRoot(ref: ImageRef): boolean {
  const name = ref.name.toLowerCase();
  const registry = (ref.registry ?? 'docker.io').toLowerCase();
  const tagParts = (ref.tag ?? 'latest').toLowerCase().split('-');
  // distroless `:nonroot` / `:debug-nonroot` / `:nonroot-amd64`, and vendors' `-nonroot` variants.
  if (tagParts.includes('nonroot')) return true;
  // Chainguard images run as UID 65532, except the `-dev` variants (not assumed) and wolfi-base (root).
  if ((registry === 'cgr.dev' && name.startsWith('chainguard/')) || (registry === 'docker.io' && name.startsWith('chainguard/'))) {
    return !tagParts.includes('dev') && name !== 'chainguard/wolfi-base';
  }
  if (name === 'nginxinc/nginx-unprivileged') return true;
  if (registry === 'mcr.microsoft.com') {
    // .NET chiseled images run as `app` (UID 1654); Nano Server runs as ContainerUser.
    if (name.startsWith('dotnet/') && tagParts.some((p) => p.startsWith('chiseled'))) return true;
    if (name === 'windows/nanoserver' || (name.startsWith('dotnet/') && tagParts.some((p) => p.startsWith('nanoserver')))) return true;
  }
  return false;
}

export interface EffectiveUser {
  /** 'user': a USER decides (`instruction`, in `stage`); 'base': the base image's default; 'unknown': a variable. */
  source: 'user' | 'base' | 'unknown';
  /** The user after ARG/ENV expansion, when a USER decides. */
  user: string | null;
  /** True / false when known; null when a variable decides. */
  root: boolean | null;
  instruction: Instruction | null;
  /** The stage whose USER decides (the stage itself or one it builds on). */
  stage: DockerfileStage | null;
  /** The first stage of the chain (whose FROM names the base image). */
  rootStage: DockerfileStage;
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/** Who a container of `stage` runs as: the last USER of the stage or the stages it builds on, else the base's default. */
export function effectiveUser(file: DockerfileFile, stage: DockerfileStage): EffectiveUser {
  const chain = stageAncestry(stage);
  const rootStage = chain[chain.length - 1];
  for (const s of chain) {
    const users = stageInstructions(s, 'USER');
    if (!users.length) continue;
    const instruction = users[users.length - 1];
    const written = unquote(instruction.getArguments()[0]?.getValue() ?? '');
    const { value, unresolved } = expandAt(file, s, instruction, written);
    if (unresolved) return { source: 'unknown', user: null, root: null, instruction, stage: s, rootStage: rootStage };
    return { source: 'user', user: value, root: isRootUser(value), instruction, stage: s, rootStage: rootStage };
  }
  const base = rootStage.base;
  const root = base.isScratch ? true : base.ref ? !defaultsToNonRoot(base.ref) : base.unresolved ? null : true;
  return { source: 'base', user: null, root, instruction: null, stage: null, rootStage: rootStage };
}

// ─── Base images and installed packages ──────────────────────────────────────────────────────────────────────────

/** The base images of a stage's chain, nearest last (`FROM python:3.12-slim AS base` … `FROM base`). */
export function baseImages(stage: DockerfileStage): ImageRef[] {
  return stageAncestry(stage).flatMap((s) => (s.base.ref ? [s.base.ref] : [])).reverse();
}

const INSTALLERS: Record<string, { sub: string[]; valueFlags: string[] }> = {
  'apt-get': { sub: ['install'], valueFlags: ['-o', '-c', '-t', '--option', '--target-release', '--default-release'] },
  apt: { sub: ['install'], valueFlags: ['-o', '-c', '-t', '--option', '--target-release', '--default-release'] },
  apk: { sub: ['add'], valueFlags: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir'] },
  yum: { sub: ['install'], valueFlags: ['--setopt', '--enablerepo', '--disablerepo', '-c', '--config', '--installroot'] },
  dnf: { sub: ['install'], valueFlags: ['--setopt', '--enablerepo', '--disablerepo', '-c', '--config', '--installroot'] },
  microdnf: { sub: ['install'], valueFlags: ['--setopt', '--enablerepo', '--disablerepo', '--config', '--installroot'] },
  zypper: { sub: ['install', 'in'], valueFlags: ['-r', '--repo', '--from'] },
};

/**
 * Packages the RUNs of a stage and the stages it builds on install with the system package manager (`apt-get install
 * curl`, `apk add --no-cache wget`), by name without version (`curl=8.5.0-2` → `curl`). Needs the shell parser to be
 * ready (rules run after it is).
 */
export function installedPackages(file: DockerfileFile, stage: DockerfileStage): Set<string> {
  const chain = new Set(stageAncestry(stage));
  const out = new Set<string>();
  for (const run of runInstructions(file)) {
    if (run.onbuild || !run.stage || !chain.has(run.stage)) continue;
    const script = shellOf(file, run.instruction);
    if (!script) continue;
    for (const command of script.commands) {
      for (const pkg of packagesOf(command)) out.add(pkg);
    }
  }
  return out;
}

function packagesOf(command: ShellCommand): string[] {
  const installer = INSTALLERS[command.name];
  if (!installer) return [];
  const positional = argsNoFlags(command, installer.valueFlags);
  if (!positional.length || !installer.sub.includes(positional[0].value)) return [];
  // A `--virtual .build-deps` group is removed again later in most Dockerfiles: its packages still count here.
  return positional.slice(1).filter((w) => !w.dynamic).map((w) => w.value.split(/[=<>~]/)[0].replace(/:(amd64|arm64|i386)$/, '')).filter(Boolean);
}

/** ARGs a Dockerfile declares (global and in any stage), with whether they have a default. */
export function declaredArgs(file: DockerfileFile): Map<string, { hasDefault: boolean; instruction: Instruction; global: boolean }> {
  const out = new Map<string, { hasDefault: boolean; instruction: Instruction; global: boolean }>();
  let global = true;
  for (const instruction of file.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') global = false;
    if (keyword !== 'ARG') continue;
    for (const property of (instruction as Arg).getProperties()) {
      const name = property.getName();
      const prev = out.get(name);
      const hasDefault = property.getValue() !== null;
      if (!prev) out.set(name, { hasDefault, instruction, global });
      else if (hasDefault && !prev.hasDefault && prev.global === global) out.set(name, { hasDefault, instruction, global });
    }
  }
  return out;
}

