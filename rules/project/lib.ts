// Helpers of the cross-file rules (paths, builds and stages across compose files, Dockerfiles and .dockerignore),
// on top of the project links (src/model/links.ts). Rules report where a value was written (`ref.place`,
// `service.at(…)`, a Dockerfile range) and list the other files involved as `related`.
import path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { Related } from '../../src/engine/types.js';
import {
  dockerfileLinks, joinRepo, listingOf, pathKind, type BuildLink, type PathKind, type PathRef,
} from '../../src/model/links.js';
import type { Project } from '../../src/model/project.js';
import type { Place } from '../../src/model/compose-project.js';
import { rangeOf, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { classifyByName } from '../../src/workspace/discover.js';
import { flagNamed, flagsNamed } from '../dockerfile/lib/instructions.js';

export { pathKind, listingOf, joinRepo };

/** A related location from a place (a compose value) with a message. */
export function relatedAt(place: Place, message: string): Related {
  return { path: place.in, line: place.range.line, message };
}

/** A related location in a Dockerfile. */
export function relatedInstruction(file: DockerfileFile, instruction: Instruction, message: string): Related {
  return { path: file.path, line: rangeOf(instruction).line, message };
}

/** `''` → `the repository root`, else the path in backticks. */
export function showDir(dir: string): string {
  return dir === '' ? 'the repository root' : `\`${dir}/\``;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `name` (case-insensitive), when close enough to be a likely typo or rename. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(lower, c.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.min(name.length, c.length) / 3));
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

/**
 * A Dockerfile of the project that a compose `build` pointing at the missing `missing` most likely meant (renamed,
 * moved): same name elsewhere, a name carrying the service's name, or a close spelling; written relative to the build
 * context. Looks at the reviewed Dockerfiles and the listing of the missing file's folder.
 */
export function similarDockerfile(project: Project, missing: string, context: string, serviceName: string): string | null {
  const candidates = new Set<string>();
  for (const f of project.files) if (f.kind === 'dockerfile') candidates.add(f.path);
  const dir = path.posix.dirname(missing) === '.' ? '' : path.posix.dirname(missing);
  for (const entry of listingOf(project, dir) ?? []) {
    if (entry.type === 'file' && (classifyByName(entry.name) === 'dockerfile' || /^dockerfile/i.test(entry.name))) candidates.add(joinRepo(dir, entry.name));
  }
  candidates.delete(missing);
  if (!candidates.size) return null;
  const base = path.posix.basename(missing).toLowerCase();
  const service = serviceName.toLowerCase().replace(/[-_]/g, '');
  const score = (p: string): number => {
    const name = path.posix.basename(p).toLowerCase();
    const flat = name.replace(/[-_]/g, '');
    const sameDir = (path.posix.dirname(p) === '.' ? '' : path.posix.dirname(p)) === dir;
    let s = 0;
    if (name === base) s += 4;
    if (service.length >= 2 && flat.includes(service)) s += 3;
    if (editDistance(name, base) <= 2) s += 2;
    if (sameDir) s += 1;
    if (p.startsWith(context === '' ? '' : `${context}/`)) s += 1;
    return s;
  };
  const ranked = [...candidates].map((p) => ({ p, s: score(p) })).filter((c) => c.s >= 3).sort((a, b) => b.s - a.s || (a.p < b.p ? -1 : 1));
  if (!ranked.length || (ranked.length > 1 && ranked[0].s === ranked[1].s)) return null;
  return ranked[0].p;
}

/** `repoPath` written relative to `from` (a repository folder), as a compose file would write it. */
export function relativeTo(from: string, repoPath: string): string {
  return path.posix.relative(from || '.', repoPath || '.') || '.';
}

/** Names that are secrets or keys: never expected to be committed, so their absence is not a finding. */
export function isSecretMaterial(p: string): boolean {
  const base = path.posix.basename(p).toLowerCase();
  return /\.(pem|key|crt|cer|der|p12|pfx|jks|keystore|kdbx|gpg|asc)$/.test(base) || /^id_(rsa|dsa|ecdsa|ed25519)/.test(base) || /(secret|password|passwd|token|credential)s?([._-]|$)/.test(base);
}

/** An env file whose example/template sits beside it: a fresh checkout is meant to copy it first. */
export function hasTemplateBeside(project: Project, repoPath: string): string | null {
  const dir = path.posix.dirname(repoPath) === '.' ? '' : path.posix.dirname(repoPath);
  const base = path.posix.basename(repoPath);
  const names = new Set<string>();
  for (const suffix of ['example', 'sample', 'template', 'dist', 'defaults', 'default', 'tpl', 'tmpl', 'in', 'local.example']) {
    names.add(`${base}.${suffix}`);
    names.add(`${base}-${suffix}`);
    names.add(`${base}_${suffix}`);
  }
  if (/^\.env/i.test(base)) {
    for (const n of ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', 'example.env', 'sample.env', 'env.example', '.env.docker.example']) names.add(n);
  }
  if (/\.env$/i.test(base)) {
    const stem = base.slice(0, -4);
    for (const n of [`${stem}.env.example`, `${stem}.example.env`, `${stem}.sample.env`, `${stem}.env.sample`]) names.add(n);
  }
  for (const n of names) {
    const p = joinRepo(dir, n);
    if (pathKind(project, p) === 'file') return p;
  }
  return null;
}

/** Folders that hold build outputs (made by a step before `docker build`, usually ignored by git): not judged. */
const BUILD_OUTPUT_DIRS = new Set(['target', 'build', 'dist', 'out', 'bin', 'obj', 'publish', 'release', 'artifacts', '.next', '.nuxt', '.output', 'node_modules', 'vendor', 'wheels']);
const BUILD_OUTPUT_FILES = /\.(jar|war|ear|whl|tgz|tar\.gz|zip|exe|dll|so|apk|deb|rpm|nupkg|gem)$/i;

/** A COPY source that a build step before `docker build` most likely produces (`target/app.jar`, `dist/`). */
export function isBuildOutput(inContext: string): boolean {
  const segments = inContext.split('/');
  if (segments.some((s) => BUILD_OUTPUT_DIRS.has(s.toLowerCase()))) return true;
  return BUILD_OUTPUT_FILES.test(inContext);
}

/** The kind at `repoPath` with the closest entry of its folder when missing ("did you mean"). */
export function kindWithSuggestion(project: Project, repoPath: string): { kind: PathKind | undefined; suggestion: string | null } {
  const kind = pathKind(project, repoPath);
  if (kind !== null) return { kind, suggestion: null };
  const dir = path.posix.dirname(repoPath) === '.' ? '' : path.posix.dirname(repoPath);
  const entries = listingOf(project, dir);
  const best = entries ? closest(path.posix.basename(repoPath), entries.map((e) => e.name)) : null;
  return { kind, suggestion: best === null ? null : joinRepo(dir, best) };
}

/**
 * The stages a build of `stage` runs, as BuildKit does: the stage, those it is built `FROM`, and those its `COPY --from`
 * and `RUN --mount=from=` name, recursively.
 */
export function stagesNeeded(file: DockerfileFile, stage: DockerfileStage): Set<DockerfileStage> {
  const needed = new Set<DockerfileStage>();
  const byName = (name: string): DockerfileStage | undefined => {
    const lower = name.toLowerCase();
    return file.stages.find((s) => s.name?.toLowerCase() === lower) ?? (/^\d+$/.test(name) ? file.stages[Number(name)] : undefined);
  };
  const visit = (s: DockerfileStage | null | undefined) => {
    if (!s || needed.has(s)) return;
    needed.add(s);
    visit(s.base.stage);
    for (const instruction of s.instructions) {
      const from = flagNamed(instruction, 'from')?.getValue();
      if (from) visit(byName(from));
      for (const mount of flagsNamed(instruction, 'mount')) {
        const m = /(?:^|,)from=([^,]+)/.exec(mount.getValue() ?? '');
        if (m) visit(byName(m[1]));
      }
    }
  };
  visit(stage);
  return needed;
}

/** The stages the known builds of a Dockerfile run (every stage when no compose service builds it). */
export function stagesBuilt(project: Project, file: DockerfileFile): Set<DockerfileStage> {
  const links = dockerfileLinks(project, file);
  const final = file.stages[file.stages.length - 1];
  if (!links.known || !final) return new Set(file.stages);
  const out = new Set<DockerfileStage>();
  for (const build of links.builtBy) {
    const stage = build.target === null ? final : build.stage;
    if (!stage) continue;
    for (const s of stagesNeeded(file, stage)) out.add(s);
  }
  return out;
}

/** Related locations for the compose builds of a Dockerfile: each service's `build` (context) place. */
export function buildersRelated(builds: BuildLink[], message: (b: BuildLink) => string): Related[] {
  const seen = new Set<string>();
  const out: Related[] = [];
  for (const b of builds) {
    const place = b.service.at('build', 'context');
    const key = `${place.in}:${place.range.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(relatedAt(place, message(b)));
  }
  return out;
}

/** A short label of what a path reference is, for messages. */
export function roleLabel(ref: PathRef): string {
  switch (ref.role) {
    case 'build.context':
      return 'build context';
    case 'build.dockerfile':
      return 'Dockerfile';
    case 'env_file':
      return 'env file';
    case 'secret':
      return `secret \`${ref.name}\` file`;
    case 'config':
      return `config \`${ref.name}\` file`;
    case 'bind':
      return 'bind mount source';
  }
}
