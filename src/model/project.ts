// The project: every reviewed file parsed once, plus the links between them that rules need.
import path from 'node:path';
import type { FileKind } from '../engine/types.js';
import { parseCompose, type ComposeFile } from '../parse/compose.js';
import { asMap, buildOf, scalarText } from './compose-build.js';
import { copyEntries, traceToContext } from './copies.js';
import { BASE_COMPOSE_NAMES, DEFAULT_OVERRIDE_NAMES, includesOf } from './compose-project.js';
import { parseDockerfile, stageAncestry, type DockerfileFile, type DockerfileStage } from '../parse/dockerfile.js';
import { parseImageRef } from '../parse/image.js';
import { parseDockerignore, type DockerignoreFile } from '../parse/dockerignore.js';
import { splitLines, type ParseProblem, type SourceFile } from '../parse/source.js';
import { probeReferencedPaths } from './links.js';
import type { DiscoveredFile } from '../workspace/discover.js';
import { normalizeRelative, type Workspace } from '../workspace/workspace.js';

export interface NginxFile extends SourceFile {
  kind: 'nginx';
}

export interface EnvFile extends SourceFile {
  kind: 'env';
}

/** nginx configs and env files: kept as text (their parsers run on demand: src/parse/nginx.ts, src/parse/dotenv.ts). */
export type PlainFile = NginxFile | EnvFile;

export type ParsedFile = DockerfileFile | ComposeFile | DockerignoreFile | PlainFile;

export type FileOfKind<K extends FileKind> = Extract<ParsedFile, { kind: K }>;

/** A file that was found but not reviewed, and why (binary, too large, unreadable). */
export interface UnreadFile {
  path: string;
  kind: FileKind;
  reason: string;
}

export interface Project {
  files: ParsedFile[];
  byPath: Map<string, ParsedFile>;
  unread: UnreadFile[];
  problems: ParseProblem[];
  /**
   * Files loaded only as context for others (the base compose file of an override the review was pointed at):
   * rules see them, the report does not list them or their findings.
   */
  context?: Set<string>;
  /**
   * What the load step found of the paths the stack refers to (build contexts, Dockerfiles, env/secret/config files,
   * bind-mount sources, COPY/ADD sources): 'file', 'dir' or null (absent). A path not in the map was never probed
   * (unknown). Only paths inside the repository; see `probeReferencedPaths` / `pathKind` in src/model/links.ts.
   */
  exists?: Map<string, 'file' | 'dir' | null>;
  /** Folder listings fetched by that probe (glob COPY sources, "did you mean" for missing paths). */
  listings?: Map<string, { name: string; type: 'file' | 'dir' }[] | null>;
}

export function filesOfKind<K extends FileKind>(project: Project, kind: K): FileOfKind<K>[] {
  return project.files.filter((f): f is FileOfKind<K> => f.kind === kind);
}

/** The .dockerignore Docker applies to a Dockerfile built with `context` (default: the Dockerfile's folder). */
export function dockerignoreFor(project: Project, dockerfile: DockerfileFile, context?: string): DockerignoreFile | null {
  const specific = project.byPath.get(`${dockerfile.path}.dockerignore`);
  if (specific?.kind === 'dockerignore') return specific;
  const dir = context ?? path.posix.dirname(dockerfile.path);
  const general = project.byPath.get(dir === '.' || dir === '' ? '.dockerignore' : `${dir}/.dockerignore`);
  return general?.kind === 'dockerignore' ? general : null;
}

function parseFile(file: DiscoveredFile, text: string): { parsed: ParsedFile; problems: ParseProblem[] } {
  switch (file.kind) {
    case 'dockerfile': {
      const { file: parsed, problems } = parseDockerfile(file.path, text);
      return { parsed, problems };
    }
    case 'compose': {
      const { file: parsed, problems } = parseCompose(file.path, text);
      return { parsed, problems };
    }
    case 'dockerignore':
      return { parsed: parseDockerignore(file.path, text), problems: [] };
    default:
      return { parsed: { path: file.path, kind: file.kind, text, lines: splitLines(text) } as PlainFile, problems: [] };
  }
}

/** Reads at most this many files at once: enough to hide I/O latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export async function loadProject(ws: Workspace, discovered: DiscoveredFile[]): Promise<Project> {
  const project: Project = { files: [], byPath: new Map(), unread: [], problems: [], context: new Set() };
  const seen = new Set<string>();
  const loadAll = async (batch: DiscoveredFile[]) => {
    const todo = batch.filter((f) => !seen.has(f.path) && seen.add(f.path));
    const reads = await mapLimit(todo, READ_CONCURRENCY, (f) => ws.read(f.path));
    // Parsing stays sequential and in discovery order, so results never depend on I/O timing.
    todo.forEach((file, i) => {
      const read = reads[i];
      if (!read.ok) {
        project.unread.push({ path: file.path, kind: file.kind, reason: read.reason });
        return;
      }
      const { parsed, problems } = parseFile(file, read.text);
      project.files.push(parsed);
      project.byPath.set(parsed.path, parsed);
      project.problems.push(...problems);
    });
  };
  await loadAll(discovered);
  // Files the stack pulls in by reference: compose files it includes or extends (and those, in turn), the `.env`
  // Compose interpolates from, env files, and nginx configs mounted or copied into images. Bounded rounds.
  for (let round = 0; round < 4; round++) {
    const refs = dedupe(referencedFiles(project).filter((r) => !seen.has(r.path)));
    if (!refs.length) break;
    const present = await mapLimit(refs, READ_CONCURRENCY, async (r) => (await ws.exists(r.path)) === 'file');
    await loadAll(refs.filter((_, i) => present[i]));
    refs.forEach((r) => seen.add(r.path));
  }
  // An override or a `compose.<env>.yaml` is judged with the base beside it (src/model/compose-project.ts): when the
  // review was pointed at the override alone, the base and the default override are loaded as context only.
  const siblings = dedupe(composeSiblings(project).filter((r) => !seen.has(r.path)));
  const presentSiblings = await mapLimit(siblings, READ_CONCURRENCY, async (r) => (await ws.exists(r.path)) === 'file');
  const context = siblings.filter((_, i) => presentSiblings[i]);
  await loadAll(context);
  for (const c of context) if (project.byPath.has(c.path)) project.context!.add(c.path);
  project.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  project.unread.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Existence of every path the stack refers to, for the cross-file rules (bounded; never outside the repository).
  Object.assign(project, await probeReferencedPaths(ws, project));
  return project;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function composeSiblings(project: Project): DiscoveredFile[] {
  const out: DiscoveredFile[] = [];
  for (const file of project.files) {
    if (file.kind !== 'compose' || BASE_COMPOSE_NAMES.includes(path.posix.basename(file.path).toLowerCase())) continue;
    const dir = path.posix.dirname(file.path);
    for (const name of [...BASE_COMPOSE_NAMES, ...DEFAULT_OVERRIDE_NAMES]) {
      const rel = normalizeRelative(path.posix.join(dir, name));
      if (rel) out.push({ path: rel, kind: 'compose' });
    }
  }
  return out;
}

function dedupe(files: DiscoveredFile[]): DiscoveredFile[] {
  const byPath = new Map<string, DiscoveredFile>();
  for (const f of files) if (!byPath.has(f.path)) byPath.set(f.path, f);
  return [...byPath.values()];
}

function referencedFiles(project: Project): DiscoveredFile[] {
  const refs: DiscoveredFile[] = [];
  const add = (base: string, target: string, kind: FileKind) => {
    // Absolute and home paths point outside the repository: never read.
    if (target.startsWith('/') || target.startsWith('~') || target.includes('$')) return;
    const rel = normalizeRelative(path.posix.join(base, target));
    if (rel) refs.push({ path: rel, kind });
  };
  for (const file of project.files) {
    const dir = path.posix.dirname(file.path);
    if (file.kind === 'compose') {
      add(dir, '.env', 'env');
      for (const inc of includesOf(file)) refs.push({ path: inc.path, kind: 'compose' });
      for (const service of file.services) {
        const ext = asMap(service.data.extends);
        const extFile = ext ? scalarText(ext.file) : null;
        if (extFile !== null) add(dir, extFile, 'compose');
        for (const envFile of asList(service.data.env_file)) {
          const p = typeof envFile === 'string' ? envFile : (envFile as { path?: unknown })?.path;
          if (typeof p === 'string') add(dir, p, 'env');
        }
        const build = buildOf(file, project, service.data);
        // A Dockerfile with a name discovery does not know (`Dockerfile-dev`, `docker/api.df`) is reviewed too.
        if (build?.dockerfilePath && !build.dockerfile) refs.push({ path: build.dockerfilePath, kind: 'dockerfile' });
        const nginxService = isNginxImage(service.data.image) || isNginxDockerfile(build?.dockerfile ?? null);
        for (const volume of asList(service.data.volumes)) {
          const bind = bindMount(volume);
          if (bind && (bind.target.startsWith('/etc/nginx') || (nginxService && isNginxConfigName(bind.source)))) add(dir, bind.source, 'nginx');
        }
      }
    } else if (file.kind === 'dockerfile') {
      for (const source of nginxConfigsCopied(file)) add(dir, source, 'nginx');
    }
  }
  return refs;
}

function isNginxImage(image: unknown): boolean {
  if (typeof image !== 'string') return false;
  const ref = parseImageRef(image);
  return Boolean(ref && path.posix.basename(ref.name).includes('nginx'));
}

function isNginxConfigName(p: string): boolean {
  return /\.(conf|conf\.template|template)$/.test(p);
}

function isNginxDockerfile(file: DockerfileFile | null): boolean {
  if (!file) return false;
  const final = file.stages[file.stages.length - 1];
  return Boolean(final && stageAncestry(final).some((s) => s.base.ref && path.posix.basename(s.base.ref.name).includes('nginx')));
}

/**
 * Context paths of nginx configs a Dockerfile copies into an nginx image or under /etc/nginx, following
 * `COPY --from=<stage>` back to the context file the earlier stage copied (e.g. `COPY . .` then `--from=build`).
 */
function nginxConfigsCopied(file: DockerfileFile): string[] {
  const out: string[] = [];
  for (const stage of file.stages) {
    const nginxStage = stageAncestry(stage).some((s) => s.base.ref && path.posix.basename(s.base.ref.name).includes('nginx'));
    for (const { from, sources, dest } of copyEntries(file, stage)) {
      if (dest === null) continue;
      for (const src of sources) {
        if (src === null || !(dest.startsWith('/etc/nginx') || (nginxStage && isNginxConfigName(src)))) continue;
        if (from === null) {
          if (!/[*?[]/.test(src)) out.push(src);
          continue;
        }
        const origin = file.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase());
        const traced = origin ? traceToContext(file, origin, src) : null;
        if (traced) out.push(traced);
      }
    }
  }
  return out;
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A compose volume entry that binds a host path (short or long syntax), or null. */
export function bindMount(volume: unknown): { source: string; target: string } | null {
  if (typeof volume === 'string') {
    const parts = volume.split(':');
    if (parts.length < 2) return null;
    const [source, target] = parts;
    if (!/^(\.|\/|~)/.test(source)) return null;
    return { source, target };
  }
  if (volume && typeof volume === 'object') {
    const v = volume as { type?: unknown; source?: unknown; target?: unknown };
    if (v.type === 'bind' && typeof v.source === 'string' && typeof v.target === 'string') return { source: v.source, target: v.target };
  }
  return null;
}
