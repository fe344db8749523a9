// Which containers run which nginx configs. A config reaches a container by a compose bind mount
// (`./nginx/default.conf:/etc/nginx/conf.d/default.conf`, short or long syntax, in any file of the view) or by a
// COPY/ADD in the stage chain of the image the service builds (`COPY nginx.conf /etc/nginx/nginx.conf`, also through
// `COPY --from=<stage>` back to the context file the earlier stage copied). A Dockerfile no compose service builds is
// a runtime of its own (its final stage).
//
// A runtime is "opaque" when something we cannot read also lands under /etc/nginx (a folder, a named volume, a
// `configs:` entry, a path with a variable, a copy from another image): rules that need to see every config of the
// container (which upstreams exist, which headers the http level adds) then stay silent.
import path from 'node:path';
import { rangeOf, stageAncestry, targetStage, type DockerfileFile, type DockerfileStage } from '../parse/dockerfile.js';
import { parseImageRef, type ImageRef } from '../parse/image.js';
import { normalizeRelative } from '../workspace/workspace.js';
import { asMap, buildOf, interpolate, parseMount, scalarText } from './compose-build.js';
import { allServices, type Place, type ServiceView } from './compose-project.js';
import { copyEntries, landing, traceToContext } from './copies.js';
import type { PlainFile, Project } from './project.js';

export interface NginxPlacement {
  /** Repository path of the source; null when it cannot be named (a variable without value). */
  path: string | null;
  /** The config, when the project loaded it (kind 'nginx'). */
  file: PlainFile | null;
  /** Absolute path inside the container. */
  target: string;
  via: 'mount' | 'copy';
  /** Where the mount or COPY is written. */
  place: Place;
}

export interface NginxRuntime {
  /** The compose service running the container; null for a Dockerfile no compose service builds. */
  service: ServiceView | null;
  /** The Dockerfile and stage of the image, when the image is built from the project. */
  dockerfile: DockerfileFile | null;
  stage: DockerfileStage | null;
  /** The image the configs run in: the service's `image:` (no build) or the stage chain's base. */
  image: ImageRef | null;
  /** The official nginx image (or nginx-unprivileged): its default nginx.conf is known. */
  officialNginx: boolean;
  /** Files placed in the container that the project loaded as nginx configs, or placed under /etc/nginx. */
  placements: NginxPlacement[];
  /** Something we cannot read is also placed under /etc/nginx. */
  opaque: boolean;
}

const cache = new WeakMap<Project, NginxRuntime[]>();

/** Every container of the project that runs nginx configs of the project (computed once per project). */
export function nginxRuntimes(project: Project): NginxRuntime[] {
  let runtimes = cache.get(project);
  if (!runtimes) {
    runtimes = computeRuntimes(project);
    cache.set(project, runtimes);
  }
  return runtimes;
}

/** The runtimes that use `file`, each with the placement that puts it there. */
export function runtimesOfNginxFile(project: Project, file: { path: string }): { runtime: NginxRuntime; placement: NginxPlacement }[] {
  const out: { runtime: NginxRuntime; placement: NginxPlacement }[] = [];
  for (const runtime of nginxRuntimes(project)) {
    for (const placement of runtime.placements) if (placement.path === file.path) out.push({ runtime, placement });
  }
  return out;
}

export function isNginxImageRef(ref: ImageRef | null): boolean {
  return Boolean(ref && path.posix.basename(ref.name.toLowerCase()).includes('nginx'));
}

/** The official nginx image or nginx-unprivileged, from Docker Hub (or a mirror of it). */
export function isOfficialNginx(ref: ImageRef | null): boolean {
  if (!ref) return false;
  const registry = ref.registry?.toLowerCase() ?? null;
  const name = ref.name.toLowerCase().replace(/^library\//, '');
  const hub = registry === null || registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io' || registry === 'mirror.gcr.io';
  if (hub) return name === 'nginx' || name === 'nginxinc/nginx-unprivileged';
  return /(^|\/)docker\/library\/nginx$/.test(name);
}

const UNDER_NGINX = (target: string) => target === '/etc/nginx' || target.startsWith('/etc/nginx/');

function computeRuntimes(project: Project): NginxRuntime[] {
  const runtimes: NginxRuntime[] = [];
  const builtByCompose = new Set<string>();
  for (const service of allServices(project)) {
    const placements: NginxPlacement[] = [];
    let opaque = false;
    const build = buildOf(service.dir, project, service.data, service.env);
    let dockerfile: DockerfileFile | null = null;
    let stage: DockerfileStage | null = null;
    let image: ImageRef | null = null;
    if (build) {
      if (build.dockerfilePath) builtByCompose.add(build.dockerfilePath);
      dockerfile = build.dockerfile;
      stage = dockerfile ? targetStage(dockerfile, build.target) : null;
      if (dockerfile && stage) {
        const copied = copyPlacements(project, dockerfile, stage, build.context);
        placements.push(...copied.placements);
        opaque ||= copied.opaque;
        image = rootBase(stage);
      }
    } else {
      const written = scalarText(service.data.image);
      const value = written === null ? null : interpolate(written, service.env);
      image = value && !value.unresolved ? parseImageRef(value.value) : null;
    }
    const mounted = mountPlacements(project, service);
    placements.push(...mounted.placements);
    opaque ||= mounted.opaque;
    if (!placements.length && !isNginxImageRef(image)) continue;
    runtimes.push({ service, dockerfile, stage, image, officialNginx: isOfficialNginx(image), placements, opaque });
  }
  for (const file of project.files) {
    if (file.kind !== 'dockerfile' || builtByCompose.has(file.path)) continue;
    const stage = targetStage(file);
    if (!stage) continue;
    const dir = normalizeRelative(path.posix.dirname(file.path)) ?? '';
    const copied = copyPlacements(project, file, stage, dir);
    if (!copied.placements.length) continue;
    const image = rootBase(stage);
    runtimes.push({ service: null, dockerfile: file, stage, image, officialNginx: isOfficialNginx(image), placements: copied.placements, opaque: copied.opaque });
  }
  return runtimes;
}

function rootBase(stage: DockerfileStage): ImageRef | null {
  const chain = stageAncestry(stage);
  const root = chain[chain.length - 1];
  return root.base.unresolved ? null : root.base.ref;
}

function nginxFile(project: Project, repoPath: string | null): PlainFile | null {
  if (repoPath === null) return null;
  const f = project.byPath.get(repoPath);
  return f?.kind === 'nginx' ? f : null;
}

// ─── Compose mounts ──────────────────────────────────────────────────────────────────────────────────────────────

function mountPlacements(project: Project, service: ServiceView): { placements: NginxPlacement[]; opaque: boolean } {
  const placements: NginxPlacement[] = [];
  let opaque = false;
  const volumes = service.data.volumes;
  if (Array.isArray(volumes)) {
    volumes.forEach((entry, i) => {
      const mount = parseMount(entry, service.env);
      if (!mount || mount.target === null) return;
      const under = UNDER_NGINX(mount.target);
      if (mount.type !== 'bind' || mount.source === null || mount.sourceUnknown) {
        if (under) opaque = true;
        return;
      }
      const repoPath = /^(\/|~)/.test(mount.source) ? null : normalizeRelative(path.posix.join(service.dir || '.', mount.source));
      const file = nginxFile(project, repoPath);
      if (file) placements.push({ path: repoPath, file, target: mount.target, via: 'mount', place: service.at('volumes', i) });
      else if (under) opaque = true;
    });
  }
  // `configs:` and `secrets:` mounted under /etc/nginx: contents not read here.
  for (const key of ['configs', 'secrets']) {
    const list = service.data[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const target = scalarText(asMap(entry)?.target);
      if (target && UNDER_NGINX(target)) opaque = true;
    }
  }
  return { placements, opaque };
}


const CONFIG_NAME = /\.(conf|conf\.template|template)$/;

function copyPlacements(project: Project, file: DockerfileFile, stage: DockerfileStage, context: string | null): { placements: NginxPlacement[]; opaque: boolean } {
  const placements: NginxPlacement[] = [];
  let opaque = false;
  const chain = stageAncestry(stage);
  const nginxImage = isNginxImageRef(rootBase(stage));
  const dockerfileDir = normalizeRelative(path.posix.dirname(file.path)) ?? '';
  const resolve = (src: string): { repoPath: string | null; file: PlainFile | null } => {
    const inContext = src.replace(/^\/+/, '');
    const candidates = [context, dockerfileDir].filter((c): c is string => c !== null).map((c) => normalizeRelative(path.posix.join(c || '.', inContext)));
    for (const c of candidates) {
      const f = nginxFile(project, c);
      if (f) return { repoPath: c, file: f };
    }
    return { repoPath: candidates[0] ?? null, file: null };
  };
  for (const s of [...chain].reverse()) {
    for (const entry of copyEntries(file, s)) {
      const place: Place = { in: file.path, range: rangeOf(entry.instruction) };
      for (const src of entry.sources) {
        const target = src === null || entry.dest === null ? null : landing(src, entry.dest);
        const under = entry.dest === null ? false : UNDER_NGINX(entry.dest.replace(/\/$/, '')) || (target !== null && UNDER_NGINX(target));
        if (src === null || target === null) {
          if (under || entry.dest === null) opaque ||= nginxImage || under;
          continue;
        }
        if (!under && !(nginxImage && CONFIG_NAME.test(src))) continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /[*?[]/.test(src)) {
          opaque ||= under;
          continue;
        }
        let resolved: { repoPath: string | null; file: PlainFile | null } | null;
        if (entry.from === null) resolved = resolve(src);
        else {
          const origin = file.stages.find((x) => x.name?.toLowerCase() === entry.from!.toLowerCase()) ?? (/^\d+$/.test(entry.from) ? file.stages[Number(entry.from)] : undefined);
          const traced = origin ? traceToContext(file, origin, src) : null;
          resolved = traced === null ? null : resolve(traced);
        }
        if (resolved?.file) placements.push({ path: resolved.repoPath, file: resolved.file, target, via: 'copy', place });
        else if (under) opaque = true;
      }
    }
  }
  return { placements, opaque };
}

