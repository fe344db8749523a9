// Helpers shared by the compose rules: override files, interpolation, environment entries, ports, volumes,
// healthchecks (Compose and Dockerfile) and dependencies. Positions always come from the parser (`rangeAt`).
import path from 'node:path';
import { isScalar } from 'yaml';
import type { RuleContext } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import type { Project } from '../../src/model/project.js';
import { locate, rangeAt, type ComposeData, type ComposeFile, type ComposeService, type YamlPath } from '../../src/parse/compose.js';
import { stageAncestry, stageInstructions, targetStage, type DockerfileFile } from '../../src/parse/dockerfile.js';
import { parseImageRef } from '../../src/parse/image.js';
import { normalizeRelative } from '../../src/workspace/workspace.js';
export { asMap, buildOf, interpolate, scalarText, type BuildInfo, type Interpolated } from '../../src/model/compose-build.js';
import { asMap, buildOf, interpolate, scalarText } from '../../src/model/compose-build.js';

/** The file names Compose loads by default; any other compose file beside one of them is an override. */
export const BASE_COMPOSE_NAMES = new Set(['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']);

/**
 * True for a partial file layered over a base one (`docker-compose.override.yml`, `compose.dev.yaml`, …): its name is
 * not a default compose name and its folder holds a file that is. "Missing X" rules skip such files: the base file
 * (or another override) may well set X.
 */
export function isOverrideFile(file: ComposeFile, project: Project): boolean {
  const name = path.posix.basename(file.path).toLowerCase();
  if (BASE_COMPOSE_NAMES.has(name)) return false;
  const dir = path.posix.dirname(file.path);
  return project.files.some(
    (f) => f.kind === 'compose' && f !== file && path.posix.dirname(f.path) === dir && BASE_COMPOSE_NAMES.has(path.posix.basename(f.path).toLowerCase()),
  );
}

export function servicePath(service: ComposeService | string, ...rest: (string | number)[]): YamlPath {
  return ['services', typeof service === 'string' ? service : service.name, ...rest];
}


export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|on|1)$/i.test(value.trim()));
}


/** Splits on `sep` outside `${…}`. */
export function splitOutsideVariables(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      current += '${';
      i++;
      continue;
    }
    if (c === '}' && depth > 0) depth--;
    if (c === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// environment / build.args

export interface EnvEntry {
  name: string;
  /** The value as written (before interpolation), or null when the entry only passes a variable through. */
  value: string | null;
  /** Where the entry's value is (map syntax) or the list item (list syntax); an anchor's line when merged in. */
  range: Range;
  path: YamlPath;
  syntax: 'list' | 'map';
}

/** Entries of an `environment`-like key (`environment`, `build.args`, `labels`) in list (`K=v`) or map syntax. */
export function envEntries(file: ComposeFile, base: YamlPath, data: unknown): EnvEntry[] {
  const entries: EnvEntry[] = [];
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      const text = scalarText(item);
      if (text === null) return;
      const eq = text.indexOf('=');
      const name = (eq >= 0 ? text.slice(0, eq) : text).trim();
      if (!name) return;
      const p = [...base, i];
      entries.push({ name, value: eq >= 0 ? text.slice(eq + 1) : null, range: rangeAt(file, p), path: p, syntax: 'list' });
    });
  } else {
    const map = asMap(data);
    for (const [name, value] of Object.entries(map ?? {})) {
      const p = [...base, name];
      entries.push({ name, value: scalarText(value), range: rangeAt(file, p), path: p, syntax: 'map' });
    }
  }
  return entries;
}

export function environmentOf(file: ComposeFile, service: ComposeService): EnvEntry[] {
  return envEntries(file, servicePath(service, 'environment'), service.data.environment);
}

// ---------------------------------------------------------------------------------------------------------------
// ports

export interface PortSpec {
  /** The host address as interpolated; null when none is given (all interfaces). */
  hostIp: string | null;
  /** The host port (or range) as interpolated; null when Docker picks one. */
  hostPort: string | null;
  containerPort: string;
  /** Some part depends on a variable without default. */
  hostIpUnknown: boolean;
  hostPortUnknown: boolean;
  syntax: 'short' | 'long';
  range: Range;
  path: YamlPath;
}

/** Every `ports:` entry of a service that publishes a port, short (`[ip:][host:]container[/proto]`) or long syntax. */
export function portsOf(file: ComposeFile, service: ComposeService): PortSpec[] {
  const list = service.data.ports;
  if (!Array.isArray(list)) return [];
  const specs: PortSpec[] = [];
  list.forEach((entry, i) => {
    const p = servicePath(service, 'ports', i);
    const spec = parsePort(entry);
    if (spec) specs.push({ ...spec, range: rangeAt(file, p), path: p });
  });
  return specs;
}

export function parsePort(entry: unknown): Omit<PortSpec, 'range' | 'path'> | null {
  const text = scalarText(entry);
  if (text !== null) {
    let rest = text.trim();
    const slash = rest.lastIndexOf('/');
    if (slash > rest.lastIndexOf('}')) rest = rest.slice(0, slash);
    let ip: string | null = null;
    let parts: string[];
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) return null;
      ip = rest.slice(1, close);
      parts = splitOutsideVariables(rest.slice(close + 1).replace(/^:/, ''), ':');
    } else {
      parts = splitOutsideVariables(rest, ':');
      if (parts.length > 3) {
        ip = parts.slice(0, -2).join(':');
        parts = parts.slice(-2);
      } else if (parts.length === 3) {
        ip = parts[0];
        parts = parts.slice(1);
      }
    }
    if (!parts.length || parts.length > 2) return null;
    const host = parts.length === 2 ? parts[0] : null;
    const container = parts[parts.length - 1];
    const ipValue = ip === null ? null : interpolate(ip);
    const hostValue = host === null ? null : interpolate(host);
    return {
      hostIp: ipValue && ipValue.value !== '' ? ipValue.value : null,
      hostPort: hostValue && hostValue.value !== '' ? hostValue.value : null,
      containerPort: interpolate(container).value,
      hostIpUnknown: ipValue?.unresolved ?? false,
      hostPortUnknown: hostValue?.unresolved ?? false,
      syntax: 'short',
    };
  }
  const map = asMap(entry);
  if (!map) return null;
  const target = scalarText(map.target);
  if (target === null) return null;
  const ip = scalarText(map.host_ip);
  const published = scalarText(map.published);
  const ipValue = ip === null ? null : interpolate(ip);
  const hostValue = published === null ? null : interpolate(published);
  return {
    hostIp: ipValue && ipValue.value !== '' ? ipValue.value : null,
    hostPort: hostValue && hostValue.value !== '' ? hostValue.value : null,
    containerPort: interpolate(target).value,
    hostIpUnknown: ipValue?.unresolved ?? false,
    hostPortUnknown: hostValue?.unresolved ?? false,
    syntax: 'long',
  };
}

export function isLoopback(ip: string): boolean {
  const a = ip.replace(/^\[|\]$/g, '').toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || a === '::1' || a === '0:0:0:0:0:0:0:1' || a === 'localhost';
}

/** Published on every interface of the host: no address, `0.0.0.0` or `::`. */
export function isAllInterfaces(spec: Pick<PortSpec, 'hostIp' | 'hostIpUnknown'>): boolean {
  if (spec.hostIpUnknown) return false;
  const ip = spec.hostIp?.replace(/^\[|\]$/g, '');
  return !ip || ip === '0.0.0.0' || ip === '::';
}

// ---------------------------------------------------------------------------------------------------------------
// volumes

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** Host path (bind) or volume name, interpolated with defaults; null for anonymous volumes. */
  source: string | null;
  target: string | null;
  /** The source depends on a variable without default. */
  sourceUnknown: boolean;
  readOnly: boolean;
  range: Range;
  path: YamlPath;
}

/** Every `volumes:` entry of a service, short (`src:dst[:mode]`) or long syntax. */
export function mountsOf(file: ComposeFile, service: ComposeService): Mount[] {
  const list = service.data.volumes;
  if (!Array.isArray(list)) return [];
  const mounts: Mount[] = [];
  list.forEach((entry, i) => {
    const p = servicePath(service, 'volumes', i);
    const mount = parseMount(entry);
    if (mount) mounts.push({ ...mount, range: rangeAt(file, p), path: p });
  });
  return mounts;
}

export function parseMount(entry: unknown): Omit<Mount, 'range' | 'path'> | null {
  const text = scalarText(entry);
  if (text !== null) {
    const parts = splitOutsideVariables(text.trim(), ':');
    if (parts.length === 1) return { type: 'volume', source: null, target: interpolate(parts[0]).value, sourceUnknown: false, readOnly: false };
    const source = interpolate(parts[0]);
    const mode = parts.length > 2 ? parts.slice(2).join(':') : '';
    const isBind = /^(\.|\/|~)/.test(source.value) || (source.unresolved && /^\$/.test(parts[0]));
    return {
      type: isBind ? 'bind' : 'volume',
      source: source.value,
      target: interpolate(parts[1]).value,
      sourceUnknown: source.unresolved,
      readOnly: mode.split(',').includes('ro'),
    };
  }
  const map = asMap(entry);
  if (!map) return null;
  const type = scalarText(map.type);
  const sourceText = scalarText(map.source);
  const source = sourceText === null ? null : interpolate(sourceText);
  const target = scalarText(map.target);
  return {
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    source: source?.value ?? null,
    target: target === null ? null : interpolate(target).value,
    sourceUnknown: source?.unresolved ?? false,
    readOnly: isTrue(map.read_only),
  };
}

/** `/var/run/` → `/var/run`, `/a/../b` → `/b`, `~/.ssh/` → `~/.ssh`; keeps `/` and relative paths. */
export function normalizeHostPath(p: string): string {
  if (!p.startsWith('/') && !p.startsWith('~/')) return p;
  const norm = path.posix.normalize(p);
  return norm.length > 1 ? norm.replace(/\/+$/, '') : norm;
}

// ---------------------------------------------------------------------------------------------------------------
// images, builds and healthchecks

/** The service's `image`, interpolated; null when absent or when it depends on a variable without default. */
export function imageOf(service: ComposeService): string | null {
  const text = scalarText(service.data.image);
  if (text === null) return null;
  const { value, unresolved } = interpolate(text);
  return unresolved || !value.trim() ? null : value.trim();
}


/** The HEALTHCHECK a build's target stage ends with: set, `HEALTHCHECK NONE`, or none written (the base may have one). */
export function dockerfileHealthcheck(dockerfile: DockerfileFile, target: string | null): 'set' | 'disabled' | 'unknown' {
  const stage = targetStage(dockerfile, target);
  if (!stage) return 'unknown';
  for (const s of stageAncestry(stage)) {
    const checks = stageInstructions(s, 'HEALTHCHECK');
    if (!checks.length) continue;
    const first = checks[checks.length - 1].getArguments()[0]?.getValue();
    return first?.toUpperCase() === 'NONE' ? 'disabled' : 'set';
  }
  return 'unknown';
}

export interface Health {
  /** `set`: a healthcheck runs; `disabled`: explicitly turned off; `absent`: none anywhere we can see. */
  state: 'set' | 'disabled' | 'absent';
  /** Where the healthcheck (or its absence) was decided. */
  source: 'compose' | 'dockerfile' | null;
}

export function healthOf(file: ComposeFile, project: Project, data: ComposeData): Health {
  const hc = asMap(data.healthcheck);
  if (hc) {
    if (isTrue(hc.disable)) return { state: 'disabled', source: 'compose' };
    const test = hc.test;
    const first = Array.isArray(test) ? scalarText(test[0]) : scalarText(test);
    if (first !== null && first.toUpperCase() === 'NONE') return { state: 'disabled', source: 'compose' };
    if (first !== null && first.trim() !== '') return { state: 'set', source: 'compose' };
  }
  const build = buildOf(file, project, data);
  if (build?.dockerfile) {
    const fromImage = dockerfileHealthcheck(build.dockerfile, build.target);
    if (fromImage !== 'unknown') return { state: fromImage, source: 'dockerfile' };
  }
  // A `healthcheck:` that only tunes timings uses the image's test: assume the image has one.
  if (hc) return { state: 'set', source: 'compose' };
  return { state: 'absent', source: null };
}

// ---------------------------------------------------------------------------------------------------------------
// depends_on, one-shot services, extends

export interface Dependency {
  target: string;
  /** The condition as written, or null (list syntax, or a map entry without one: `service_started`). */
  condition: string | null;
  syntax: 'list' | 'map';
  /** The list item, or the map entry's `condition` value (else its key). */
  range: Range;
  path: YamlPath;
}

export function dependenciesOf(file: ComposeFile, service: ComposeService): Dependency[] {
  const deps = service.data.depends_on;
  const base = servicePath(service, 'depends_on');
  if (Array.isArray(deps)) {
    return deps.flatMap((item, i) => {
      const target = scalarText(item);
      return target === null ? [] : [{ target, condition: null, syntax: 'list' as const, range: rangeAt(file, [...base, i]), path: [...base, i] }];
    });
  }
  const map = asMap(deps);
  if (!map) return [];
  return Object.entries(map).map(([target, spec]) => {
    const condition = scalarText(asMap(spec)?.condition);
    const p = condition === null ? [...base, target] : [...base, target, 'condition'];
    return { target, condition, syntax: 'map' as const, range: condition === null ? rangeAt(file, [...base, target]) : rangeAt(file, p), path: p };
  });
}

/** Services some other service waits for with `condition: service_completed_successfully`: one-shot jobs. */
export function oneShotServices(file: ComposeFile): Set<string> {
  const names = new Set<string>();
  for (const service of file.services) {
    for (const [target, spec] of Object.entries(asMap(service.data.depends_on) ?? {})) {
      if (asMap(spec)?.condition === 'service_completed_successfully') names.add(target);
    }
  }
  return names;
}

/**
 * A one-shot job (migrations, seeding, a backup run): waited for with `service_completed_successfully`, or told
 * explicitly never to restart (`restart: "no"`, `deploy.restart_policy.condition: none`) while serving no port (a
 * server with `restart: "no"` is still a server). Healthchecks, memory and log limits matter little for such a job.
 */
export function isOneShot(file: ComposeFile, service: ComposeService, data: ComposeData): boolean {
  if (oneShotServices(file).has(service.name)) return true;
  const restart = data.restart;
  const never = restart === false || (typeof restart === 'string' && restart.trim() === 'no') || scalarText(asMap(asMap(data.deploy)?.restart_policy)?.condition) === 'none';
  const serves = (Array.isArray(data.ports) && data.ports.length > 0) || (Array.isArray(data.expose) && data.expose.length > 0);
  return never && !serves;
}

/**
 * The service with `extends` applied shallowly (its own keys win), enough to tell whether a key is set at all.
 * Null when the extended service cannot be found (another file not in the review): the caller cannot judge.
 */
export function effectiveData(file: ComposeFile, project: Project, service: ComposeService, depth = 0): ComposeData | null {
  const ext = service.data.extends;
  if (ext === undefined || ext === null) return service.data;
  if (depth > 10) return null;
  const spec = asMap(ext);
  const name = scalarText(spec ? spec.service : ext);
  const fromFile = spec ? scalarText(spec.file) : null;
  if (name === null) return service.data;
  let source: ComposeFile | null = file;
  if (fromFile !== null) {
    const rel = normalizeRelative(path.posix.join(path.posix.dirname(file.path), fromFile));
    const found = rel === null ? undefined : project.byPath.get(rel);
    source = found?.kind === 'compose' ? found : null;
  }
  const base = source?.services.find((s) => s.name === name);
  if (!source || !base || base === service) return null;
  const baseData = effectiveData(source, project, base, depth + 1);
  if (!baseData) return null;
  const { extends: _ignored, ...own } = service.data;
  return { ...baseData, ...own };
}

/** True when the node at `path` is a plain or quoted scalar written there (not an alias). */
export function isWrittenScalar(file: ComposeFile, p: YamlPath): boolean {
  const { found, located } = locate(file, p);
  return found && isScalar(located.node);
}

/** The repository path of the service's image, lowercased, without registry, tag or digest (`bitnami/redis`); or null. */
export function imageRepository(service: ComposeService): string | null {
  const image = imageOf(service);
  const ref = image ? parseImageRef(image) : null;
  return ref ? ref.name.toLowerCase() : null;
}

/** A service of the same name in this file, else in the compose files of the same folder (base and overrides). */
export function findService(file: ComposeFile, project: Project, name: string): { file: ComposeFile; service: ComposeService } | null {
  const own = file.services.find((s) => s.name === name);
  if (own) return { file, service: own };
  const dir = path.posix.dirname(file.path);
  for (const other of project.files) {
    if (other.kind !== 'compose' || other === file || path.posix.dirname(other.path) !== dir) continue;
    const found = other.services.find((s) => s.name === name);
    if (found) return { file: other, service: found };
  }
  return null;
}

/**
 * The services a per-service rule judges, with `extends` applied: none in an override file (partial by design), and
 * no one-shot jobs unless `includeJobs`. Marks the rule as applying for each one.
 */
export function* judgedServices(
  ctx: RuleContext<ComposeFile>,
  options: { includeJobs?: boolean } = {},
): Generator<{ service: ComposeService; data: ComposeData }> {
  const { file, project } = ctx;
  if (isOverrideFile(file, project)) return;
  for (const service of file.services) {
    const data = effectiveData(file, project, service);
    if (!data || (!options.includeJobs && isOneShot(file, service, data))) continue;
    ctx.applies();
    yield { service, data };
  }
}
