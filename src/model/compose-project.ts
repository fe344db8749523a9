// Compose projects as Docker Compose sees them: a base file merged with its overrides (by the specification's merge
// rules, honouring `!reset` / `!override`), `include:`d files, `extends:` applied, and the project's `.env`.
// Every merged value remembers the file and YAML path that set it, so a finding lands on the line that wrote it.
//
// Views (one per compose file; see docs/compose-projects.md):
// - the base (`compose.yaml`, else `compose.yml`, `docker-compose.yaml`, `docker-compose.yml`) and the default
//   override beside it (`compose.override.yaml`, `docker-compose.override.yml`, …) are judged together, as
//   `docker compose up` runs them;
// - any other compose file beside a base (`compose.prod.yaml`, `docker-compose.dev.yml`) is judged as `-f base -f it`;
// - a compose file with no base beside it is a project of its own.
import path from 'node:path';
import type { Range } from '../engine/types.js';
import { rangeAt, locate, type ComposeData, type ComposeFile, type YamlPath } from '../parse/compose.js';
import { dotenvVariables } from '../parse/dotenv.js';
import { normalizeRelative } from '../workspace/workspace.js';
import { asMap, scalarText } from './compose-build.js';
import type { Project } from './project.js';

/** A place in a file of the project: the repository path and the range there. */
export interface Place {
  in: string;
  range: Range;
}

/** The file and YAML path (from the document root) that set a value. */
export interface Origin {
  file: ComposeFile;
  path: YamlPath;
  /** Set on values merged from several sources: where each child came from. */
  kids?: Map<string, Origin>;
}

export interface ComposeView {
  /** `compose.yaml + compose.override.yaml`, for messages. */
  label: string;
  /** The folder relative paths resolve against (the first file's), '' for the repository root. */
  dir: string;
  /** The files merged, in order (included files are not listed: their services keep their own view). */
  files: ComposeFile[];
  /** Variables of the project's `.env` (empty when there is none). */
  env: Map<string, string>;
  /** Repository path of that `.env`, or null. */
  envPath: string | null;
  /** The merged top level (`services` included, as merged data). */
  data: ComposeData;
  services: ServiceView[];
  service(name: string): ServiceView | undefined;
  /** Where the top-level value at `path` was set (or its closest set ancestor). */
  at(...path: (string | number)[]): Place;
}

export interface ServiceView {
  name: string;
  /** The service after overrides and `extends` are merged; values are as written (not interpolated). */
  data: ComposeData;
  view: ComposeView;
  /** The file that defines the service first (for an included service: the included file). */
  file: ComposeFile;
  /** Range of the service's key in `file`. */
  keyRange: Range;
  /** The service's key, as a place. */
  key: Place;
  /** The folder relative paths of this service resolve against. */
  dir: string;
  /** Variables for interpolating this service's values. */
  env: Map<string, string>;
  /** `extends` names a service that could not be found (a file outside the review): settings may be missing. */
  partial: boolean;
  /** Where the value at `path` (relative to the service) was set; its closest set ancestor when it is absent. */
  at(...path: (string | number)[]): Place;
  /** The file and path that set the value at `path`, or null when nothing set it. */
  origin(...path: (string | number)[]): Origin | null;
}

export const BASE_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const DEFAULT_OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

const cache = new WeakMap<Project, Map<string, ComposeView>>();
const allCache = new WeakMap<Project, ServiceView[]>();

/** The view a compose file is judged in. */
export function composeViewOf(project: Project, file: ComposeFile): ComposeView {
  let views = cache.get(project);
  if (!views) {
    views = new Map();
    cache.set(project, views);
  }
  let view = views.get(file.path);
  if (!view) {
    const files = viewFiles(project, file);
    const key = files.map((f) => f.path).join('\0');
    view = views.get(key) ?? buildView(project, files, new Set());
    views.set(key, view);
    views.set(file.path, view);
  }
  return view;
}

/** Every service of every compose view in the project, once each (a base's services are shared by its overrides' views). */
export function allServices(project: Project): ServiceView[] {
  const cached = allCache.get(project);
  if (cached) return cached;
  const seen = new Set<ServiceView>();
  const out: ServiceView[] = [];
  for (const f of project.files) {
    if (f.kind !== 'compose') continue;
    for (const s of composeViewOf(project, f).services) {
      if (!seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
    }
  }
  allCache.set(project, out);
  return out;
}

/** True when `file` is layered over a base file in its view (an override, default or not). */
export function isOverlay(project: Project, file: ComposeFile): boolean {
  const view = composeViewOf(project, file);
  return view.files[0] !== file;
}

const byDirCache = new WeakMap<Project, Map<string, ComposeFile[]>>();

/** The compose files of a folder (indexed once per project, so views stay linear in the repository's size). */
function composeFilesIn(project: Project, dir: string): ComposeFile[] {
  let byDir = byDirCache.get(project);
  if (!byDir) {
    byDir = new Map();
    for (const f of project.files) {
      if (f.kind !== 'compose') continue;
      const d = path.posix.dirname(f.path);
      byDir.set(d, [...(byDir.get(d) ?? []), f]);
    }
    byDirCache.set(project, byDir);
  }
  return byDir.get(dir) ?? [];
}

function viewFiles(project: Project, file: ComposeFile): ComposeFile[] {
  const dir = path.posix.dirname(file.path);
  const siblings = composeFilesIn(project, dir);
  const byName = new Map(siblings.map((f) => [path.posix.basename(f.path).toLowerCase(), f]));
  const base = BASE_COMPOSE_NAMES.map((n) => byName.get(n)).find((f) => f !== undefined);
  if (!base) return [file];
  const override = DEFAULT_OVERRIDE_NAMES.map((n) => byName.get(n)).find((f) => f !== undefined);
  const name = path.posix.basename(file.path).toLowerCase();
  if (file === base || file === override) return override ? [base, override] : [base];
  // A second default name beside the base (compose.yaml and docker-compose.yml): Compose would ignore it; judge it alone.
  if (BASE_COMPOSE_NAMES.includes(name)) return [file];
  return [base, file];
}

// ---------------------------------------------------------------------------------------------------------------
// Building a view

interface M {
  v: unknown;
  o: Origin;
}

function childOrigin(o: Origin, k: string | number): Origin | null {
  if (o.kids) return o.kids.get(String(k)) ?? null;
  return { file: o.file, path: [...o.path, k] };
}

function child(m: M, k: string | number): M {
  const v = Array.isArray(m.v) ? m.v[k as number] : (asMap(m.v) ?? {})[String(k)];
  return { v, o: childOrigin(m.o, k) ?? { file: m.o.file, path: [...m.o.path, k] } };
}

function buildView(project: Project, files: ComposeFile[], including: Set<string>): ComposeView {
  const dir = path.posix.dirname(files[0].path) === '.' ? '' : path.posix.dirname(files[0].path);
  const envPath = dir ? `${dir}/.env` : '.env';
  const envFile = project.byPath.get(envPath);
  const env = envFile?.kind === 'env' ? dotenvVariables(envFile.text) : new Map<string, string>();

  let merged: M | null = null;
  for (const file of files) {
    const m: M = { v: file.data, o: { file, path: [] } };
    merged = merged ? mergeValue(merged, m, []) : m;
  }
  const top = merged!;
  const label = files.map((f) => path.posix.basename(f.path)).join(' + ');
  const view: ComposeView = {
    label,
    dir,
    files,
    env,
    envPath: envFile?.kind === 'env' ? envPath : null,
    data: asMap(top.v) ?? {},
    services: [],
    service: (name) => view.services.find((s) => s.name === name),
    at: (...p) => placeOf(top.o, p),
  };

  const servicesM = child(top, 'services');
  const names = Object.keys(asMap(servicesM.v) ?? {});
  const raw = new Map(names.map((n) => [n, child(servicesM, n)]));
  const resolved = new Map<string, M>();
  const resolve = (name: string, stack: string[]): M | null => {
    const done = resolved.get(name);
    if (done) return done;
    const own = raw.get(name);
    if (!own) return null;
    const result = applyExtends(project, own, dir, stack.includes(name) ? null : (n) => resolve(n, [...stack, name]), 0);
    resolved.set(name, result);
    return result;
  };
  for (const name of names) {
    const m = resolve(name, []);
    if (!m || !asMap(m.v)) {
      if (m) view.services.push(serviceView(view, name, { v: {}, o: m.o }, dir, env));
      continue;
    }
    view.services.push(serviceView(view, name, m, dir, env));
  }

  // `include:` — each included file is a project of its own whose services join this one.
  for (const file of files) {
    for (const inc of includesOf(file)) {
      if (including.has(inc.path) || including.size > 10) continue;
      const target = project.byPath.get(inc.path);
      if (target?.kind !== 'compose') continue;
      const sub = buildView(project, [target], new Set([...including, file.path]));
      for (const s of sub.services) if (!view.service(s.name)) view.services.push(s);
    }
  }
  return view;
}

function serviceView(view: ComposeView, name: string, m: M, dir: string, env: Map<string, string>): ServiceView {
  const o = m.o;
  const keyRange = keyRangeOf(o);
  return {
    name,
    data: asMap(m.v) ?? {},
    view,
    file: o.file,
    keyRange,
    key: { in: o.file.path, range: keyRange },
    dir,
    env,
    partial: asMap(m.v)?.extends !== undefined && asMap(m.v)?.extends !== null,
    at: (...p) => placeOf(o, p),
    origin: (...p) => originAt(o, p),
  };
}

function keyRangeOf(o: Origin): Range {
  const { located } = locate(o.file, o.path);
  const node = located.pair?.key ?? located.node;
  const r = node?.range;
  if (r) {
    const start = o.file.lineCounter.linePos(r[0]);
    const end = o.file.lineCounter.linePos(r[1]);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }
  return rangeAt(o.file, o.path);
}

function originAt(o: Origin, p: (string | number)[]): Origin | null {
  let cur: Origin | null = o;
  for (const k of p) {
    if (!cur) return null;
    cur = childOrigin(cur, k);
  }
  return cur;
}

function placeOf(o: Origin, p: (string | number)[]): Place {
  let cur: Origin = o;
  let rest: (string | number)[] = p;
  for (let i = 0; i < p.length; i++) {
    const next = cur.kids ? cur.kids.get(String(p[i])) : undefined;
    if (!cur.kids) break;
    if (!next) {
      // Absent: point at the closest ancestor that was set.
      return { in: cur.file.path, range: rangeAt(cur.file, cur.path) };
    }
    cur = next;
    rest = p.slice(i + 1);
  }
  return { in: cur.file.path, range: rangeAt(cur.file, [...cur.path, ...rest]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Merge rules (https://docs.docker.com/reference/compose-file/merge/)

/** Replaced, not appended. */
const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);
/** Sequences whose entries are unique by a key: later entries replace earlier ones with the same key. */
const UNIQUE = new Set(['ports', 'volumes', 'secrets', 'configs']);
/** `KEY=value` lists or mappings: merged as mappings. */
const KEY_VALUE = new Set(['environment', 'labels', 'annotations', 'sysctls', 'build.args', 'build.labels', 'deploy.labels', 'extra_hosts']);
/** A single value or a list: normalised to a list, then appended. */
const ONE_OR_MANY = new Set(['env_file', 'dns', 'dns_search', 'tmpfs', 'build.cache_from', 'build.cache_to']);

function tagAt(file: ComposeFile, p: YamlPath): string | null {
  if (!file.text.includes('!reset') && !file.text.includes('!override')) return null;
  const { found, located } = locate(file, p);
  if (!found) return null;
  const tag = (located.node as { tag?: string } | null)?.tag;
  return tag === '!reset' || tag === '!override' ? tag : null;
}

/** `services.web.healthcheck.test` → `healthcheck.test` (the key path inside a service), or null outside services. */
function serviceKey(p: (string | number)[]): string | null {
  if (p[0] !== 'services' || p.length < 3) return null;
  return p.slice(2).join('.');
}

function mergeValue(a: M, b: M, p: (string | number)[]): M {
  const key = serviceKey(p);
  // `build: ./api` is short for `build: { context: ./api }`: merged as such with an override's mapping.
  if (key === 'build' && (typeof a.v === 'string') !== (typeof b.v === 'string')) return mergeValue(buildMap(a), buildMap(b), p);
  if (key !== null && REPLACED.has(key)) return b;
  if (key !== null && ONE_OR_MANY.has(key)) return append(asListM(a), asListM(b));
  const aMap = asMap(a.v);
  const bMap = asMap(b.v);
  if (key !== null && (KEY_VALUE.has(key) || key === 'depends_on' || key === 'networks')) {
    if ((aMap || Array.isArray(a.v)) && (bMap || Array.isArray(b.v))) {
      if (Array.isArray(a.v) && Array.isArray(b.v) && key !== 'environment' && !KEY_VALUE.has(key)) return appendUnique(a, b, (v) => scalarText(v));
      return mergeMap(toMapM(a, key), toMapM(b, key), p);
    }
  }
  if (Array.isArray(a.v) && Array.isArray(b.v)) {
    if (key !== null && UNIQUE.has(key)) return appendUnique(a, b, (v) => uniqueKey(key, v));
    return append(a, b);
  }
  if (aMap && bMap) return mergeMap(a, b, p);
  return b;
}

function buildMap(m: M): M {
  if (typeof m.v !== 'string') return m;
  return { v: { context: m.v }, o: { file: m.o.file, path: m.o.path, kids: new Map([['context', m.o]]) } };
}

function mergeMap(a: M, b: M, p: (string | number)[]): M {
  const out: Record<string, unknown> = {};
  const kids = new Map<string, Origin>();
  const aMap = asMap(a.v) ?? {};
  const bMap = asMap(b.v) ?? {};
  for (const k of Object.keys(aMap)) {
    out[k] = aMap[k];
    const o = childOrigin(a.o, k);
    if (o) kids.set(k, o);
  }
  for (const k of Object.keys(bMap)) {
    const bk = child(b, k);
    const tag = b.o.kids ? null : tagAt(b.o.file, [...b.o.path, k]);
    if (tag === '!reset') {
      delete out[k];
      kids.delete(k);
      continue;
    }
    const merged = k in out && tag !== '!override' ? mergeValue(child({ v: out, o: { ...a.o, kids } }, k), bk, [...p, k]) : bk;
    out[k] = merged.v;
    kids.set(k, merged.o);
  }
  // The merged node keeps the first definition's place (the service key stays in the base file).
  return { v: out, o: { file: a.o.file, path: a.o.path, kids } };
}

function asListM(m: M): M {
  if (Array.isArray(m.v)) return m;
  if (m.v === undefined || m.v === null) return { v: [], o: { ...m.o, kids: new Map() } };
  return { v: [m.v], o: { file: m.o.file, path: m.o.path, kids: new Map([['0', m.o]]) } };
}

function items(m: M): M[] {
  return (m.v as unknown[]).map((_, i) => child(m, i));
}

function listOf(ms: M[], first: Origin): M {
  return { v: ms.map((m) => m.v), o: { file: first.file, path: first.path, kids: new Map(ms.map((m, i) => [String(i), m.o])) } };
}

function append(a: M, b: M): M {
  return listOf([...items(a), ...items(b)], a.o);
}

function appendUnique(a: M, b: M, keyOf: (v: unknown) => string | null): M {
  const out = items(a);
  for (const item of items(b)) {
    const k = keyOf(item.v);
    const at = k === null ? -1 : out.findIndex((x) => keyOf(x.v) === k);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return listOf(out, a.o);
}

/** `KEY=value` list → mapping, each key keeping its list item's origin. */
function toMapM(m: M, key: string): M {
  if (!Array.isArray(m.v)) return m;
  const out: Record<string, unknown> = {};
  const kids = new Map<string, Origin>();
  items(m).forEach((item) => {
    const text = scalarText(item.v);
    if (text === null) return;
    if (key === 'depends_on' || key === 'networks') {
      out[text] = key === 'depends_on' ? { condition: 'service_started' } : null;
      kids.set(text, item.o);
      return;
    }
    const sep = key === 'extra_hosts' ? text.search(/[=:]/) : text.indexOf('=');
    const name = (sep >= 0 ? text.slice(0, sep) : text).trim();
    if (!name) return;
    out[name] = sep >= 0 ? text.slice(sep + 1) : null;
    kids.set(name, item.o);
  });
  return { v: out, o: { file: m.o.file, path: m.o.path, kids } };
}

function uniqueKey(key: string, v: unknown): string | null {
  const text = scalarText(v);
  const map = asMap(v);
  switch (key) {
    case 'volumes': {
      if (text !== null) {
        const parts = text.split(':');
        return parts.length >= 2 ? parts[1] : parts[0];
      }
      return scalarText(map?.target);
    }
    case 'secrets':
    case 'configs':
      if (text !== null) return `/run/${key}/${text}`;
      return scalarText(map?.target) ?? (scalarText(map?.source) !== null ? `/run/${key}/${scalarText(map?.source)}` : null);
    case 'ports':
      if (text !== null) return text.includes('/') ? text : `${text}/tcp`;
      return map ? [scalarText(map.host_ip) ?? '', scalarText(map.published) ?? '', scalarText(map.target) ?? '', scalarText(map.protocol) ?? 'tcp'].join('|') : null;
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// extends and include

function applyExtends(
  project: Project,
  own: M,
  dir: string,
  resolveLocal: ((name: string) => M | null) | null,
  depth: number,
): M {
  const data = asMap(own.v);
  if (!data || data.extends === undefined || data.extends === null || depth > 10) return own;
  const spec = asMap(data.extends);
  const name = scalarText(spec ? spec.service : data.extends);
  const fromFile = spec ? scalarText(spec.file) : null;
  if (name === null) return own;
  let base: M | null = null;
  let baseDir = dir;
  if (fromFile !== null) {
    const rel = normalizeRelative(path.posix.join(dir, fromFile));
    const target = rel === null ? undefined : project.byPath.get(rel);
    if (target?.kind === 'compose') {
      const services = asMap(target.data.services) ?? {};
      if (asMap(services[name])) {
        baseDir = path.posix.dirname(target.path) === '.' ? '' : path.posix.dirname(target.path);
        const raw: M = { v: services[name], o: { file: target, path: ['services', name] } };
        base = applyExtends(project, raw, baseDir, null, depth + 1);
      }
    }
  } else if (resolveLocal) base = resolveLocal(name);
  if (!base || !asMap(base.v)) return own;
  const rebased = baseDir === dir ? base : rebase(base, baseDir, dir);
  const { extends: _ignored, ...rest } = data;
  const ownM: M = { v: rest, o: own.o };
  const merged = mergeMap(rebased, ownM, ['services', '_']);
  // The service's own key stays its place.
  return { v: merged.v, o: { file: own.o.file, path: own.o.path, kids: merged.o.kids } };
}

/** Relative paths of a service taken from another folder (`extends.file`), re-expressed from `to`. */
function rebase(m: M, from: string, to: string): M {
  const data = { ...(asMap(m.v) ?? {}) };
  const fix = (p: string) => (/^(\/|~|\$|[a-z][a-z0-9+.-]*:\/\/)/i.test(p) ? p : path.posix.relative(to || '.', path.posix.join(from || '.', p)) || '.');
  const build = data.build;
  if (typeof build === 'string') data.build = fix(build);
  else if (asMap(build)) data.build = { ...asMap(build), context: fix(scalarText(asMap(build)!.context) ?? '.') };
  if (typeof data.env_file === 'string') data.env_file = fix(data.env_file);
  else if (Array.isArray(data.env_file)) data.env_file = data.env_file.map((e) => (typeof e === 'string' ? fix(e) : e));
  return { v: data, o: m.o };
}

/** Repository paths of the files a compose file `include:`s. */
export function includesOf(file: ComposeFile): { path: string }[] {
  const list = file.data.include;
  if (!Array.isArray(list)) return [];
  const dir = path.posix.dirname(file.path);
  const out: { path: string }[] = [];
  for (const entry of list) {
    const spec = asMap(entry);
    const paths = spec ? (Array.isArray(spec.path) ? spec.path : [spec.path]) : [entry];
    for (const p of paths) {
      const text = scalarText(p);
      if (text === null || text.includes('$') || text.startsWith('/')) continue;
      const rel = normalizeRelative(path.posix.join(dir, text));
      if (rel) out.push({ path: rel });
    }
  }
  return out;
}
