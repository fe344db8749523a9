// Helpers shared by the compose rules. Rules judge services as Docker Compose runs them: each compose file is
// judged in its view (base + default override, or base + this override; see src/model/compose-project.ts), and
// every place comes from the parser through the view (`service.at(…)`), in whichever file wrote the value.
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { RuleContext } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import { composeViewOf, isOverlay, type ComposeView, type Place, type ServiceView } from '../../src/model/compose-project.js';
import type { Project } from '../../src/model/project.js';
import { locate, type ComposeData, type ComposeFile, type YamlPath } from '../../src/parse/compose.js';
import { stageAncestry, stageInstructions, targetStage, type DockerfileFile } from '../../src/parse/dockerfile.js';
import { parseImageRef } from '../../src/parse/image.js';
import { fromOffsets } from '../../src/parse/positions.js';
export { asMap, isTrue, parseMount, scalarText, splitOutsideVariables, type BuildInfo, type Interpolated, type MountSpec } from '../../src/model/compose-build.js';
export { composeViewOf, type ComposeView, type Place, type ServiceView } from '../../src/model/compose-project.js';
import { asMap, buildOf as buildOfFile, interpolate as interpolateWith, isTrue, parseMount, scalarText, splitOutsideVariables, type BuildInfo, type Interpolated, type MountSpec } from '../../src/model/compose-build.js';

/** The view the file being checked is judged in. */
export function viewOf(ctx: { file: ComposeFile; project: Project }): ComposeView {
  return composeViewOf(ctx.project, ctx.file);
}

/**
 * Every service of the file's view, merged. Rules report at `service.at(…)` places: the engine keeps those in the
 * file being checked, so a value is reported once, in the file that wrote it.
 */
export function servicesOf(ctx: { file: ComposeFile; project: Project }): ServiceView[] {
  return viewOf(ctx).services;
}

/** True for a file layered over a base one (`compose.override.yaml`, `compose.prod.yaml` beside a `compose.yaml`). */
export function isOverrideFile(file: ComposeFile, project: Project): boolean {
  return isOverlay(project, file);
}

/** Interpolation with the service's variables (the project's `.env`). */
export function interpolate(text: string, service?: { env: ReadonlyMap<string, string> } | null): Interpolated {
  return interpolateWith(text, service?.env);
}

/** The service's build, resolved against its project folder and `.env`. */
export function buildOf(service: ServiceView, project: Project): BuildInfo | null {
  return buildOfFile(service.dir, project, service.data, service.env);
}

export function servicePath(service: { name: string } | string, ...rest: (string | number)[]): YamlPath {
  return ['services', typeof service === 'string' ? service : service.name, ...rest];
}





// ---------------------------------------------------------------------------------------------------------------
// environment / build.args

export interface EnvEntry {
  name: string;
  /** The value as written (before interpolation), or null when the entry only passes a variable through. */
  value: string | null;
  /** Where the entry's value is (map syntax) or the list item (list syntax), in the file that wrote it. */
  range: Range;
  /** That file's repository path. */
  in: string;
  /** The path of the entry inside the service (`['environment', 'KEY']` or `['environment', 3]`). */
  path: (string | number)[];
  /** The entry as the file that wrote it spells it: a list item `K=v`, or a mapping entry. */
  syntax: 'list' | 'map';
}

/** Entries of an `environment`-like key of a service (`environment`, `build.args`, `labels`), list or map syntax. */
export function envEntries(service: ServiceView, base: (string | number)[], data: unknown): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const add = (name: string, value: string | null, p: (string | number)[]) => {
    const origin = service.origin(...p);
    const place = service.at(...p);
    // After a merge a list item is keyed by name: its origin says which syntax the file used.
    const syntax = origin && typeof origin.path[origin.path.length - 1] === 'number' ? 'list' : 'map';
    entries.push({ name, value, range: place.range, in: place.in, path: p, syntax });
  };
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      const text = scalarText(item);
      if (text === null) return;
      const eq = text.indexOf('=');
      const name = (eq >= 0 ? text.slice(0, eq) : text).trim();
      if (name) add(name, eq >= 0 ? text.slice(eq + 1) : null, [...base, i]);
    });
  } else {
    for (const [name, value] of Object.entries(asMap(data) ?? {})) add(name, scalarText(value), [...base, name]);
  }
  return entries;
}

export function environmentOf(service: ServiceView): EnvEntry[] {
  return envEntries(service, ['environment'], service.data.environment);
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
  /** `tcp` unless given (`/udp`, `protocol: udp`). */
  protocol: string;
  range: Range;
  in: string;
  /** Path inside the service: `['ports', i]`. */
  path: (string | number)[];
}

/** Every `ports:` entry of a service that publishes a port, short (`[ip:][host:]container[/proto]`) or long syntax. */
export function portsOf(service: ServiceView): PortSpec[] {
  const list = service.data.ports;
  if (!Array.isArray(list)) return [];
  const specs: PortSpec[] = [];
  list.forEach((entry, i) => {
    const spec = parsePort(entry, service.env);
    if (spec) specs.push({ ...spec, ...service.at('ports', i), path: ['ports', i] });
  });
  return specs;
}

export function parsePort(entry: unknown, env?: ReadonlyMap<string, string>): Omit<PortSpec, 'range' | 'path' | 'in'> | null {
  const interpolate = (t: string) => interpolateWith(t, env);
  const text = scalarText(entry);
  if (text !== null) {
    let rest = text.trim();
    const slash = rest.lastIndexOf('/');
    let protocol = 'tcp';
    if (slash > rest.lastIndexOf('}')) {
      protocol = rest.slice(slash + 1).toLowerCase() || 'tcp';
      rest = rest.slice(0, slash);
    }
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
      protocol,
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
    protocol: (scalarText(map.protocol) ?? 'tcp').toLowerCase(),
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

export interface Mount extends MountSpec {
  range: Range;
  in: string;
  /** Path inside the service: `['volumes', i]`. */
  path: (string | number)[];
}

/** Every `volumes:` entry of a service, short (`src:dst[:mode]`) or long syntax. */
export function mountsOf(service: ServiceView): Mount[] {
  const list = service.data.volumes;
  if (!Array.isArray(list)) return [];
  const mounts: Mount[] = [];
  list.forEach((entry, i) => {
    const mount = parseMount(entry, service.env);
    if (mount) mounts.push({ ...mount, ...service.at('volumes', i), path: ['volumes', i] });
  });
  return mounts;
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
export function imageOf(service: ServiceView): string | null {
  const text = scalarText(service.data.image);
  if (text === null) return null;
  const { value, unresolved } = interpolate(text, service);
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

export function healthOf(service: ServiceView, project: Project): Health {
  const data = service.data;
  const hc = asMap(data.healthcheck);
  if (hc) {
    if (isTrue(hc.disable)) return { state: 'disabled', source: 'compose' };
    const test = hc.test;
    const first = Array.isArray(test) ? scalarText(test[0]) : scalarText(test);
    if (first !== null && first.toUpperCase() === 'NONE') return { state: 'disabled', source: 'compose' };
    if (first !== null && first.trim() !== '') return { state: 'set', source: 'compose' };
  }
  const build = buildOf(service, project);
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
  /** How the file that wrote the entry spells it. */
  syntax: 'list' | 'map';
  /** The list item, or the map entry's `condition` value (else its key), in the file that wrote it. */
  range: Range;
  in: string;
  /** Path inside the service. */
  path: (string | number)[];
}

export function dependenciesOf(service: ServiceView): Dependency[] {
  const deps = service.data.depends_on;
  if (Array.isArray(deps)) {
    return deps.flatMap((item, i) => {
      const target = scalarText(item);
      return target === null ? [] : [{ target, condition: null, syntax: 'list' as const, ...service.at('depends_on', i), path: ['depends_on', i] }];
    });
  }
  const map = asMap(deps);
  if (!map) return [];
  return Object.entries(map).map(([target, spec]) => {
    const origin = service.origin('depends_on', target);
    const listItem = origin !== null && typeof origin.path[origin.path.length - 1] === 'number';
    const condition = listItem ? null : scalarText(asMap(spec)?.condition);
    const p = condition === null ? ['depends_on', target] : ['depends_on', target, 'condition'];
    return { target, condition, syntax: listItem ? ('list' as const) : ('map' as const), ...service.at(...p), path: p };
  });
}

/** Services some other service waits for with `condition: service_completed_successfully`: one-shot jobs. */
export function oneShotServices(view: ComposeView): Set<string> {
  const names = new Set<string>();
  for (const service of view.services) {
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
export function isOneShot(service: ServiceView): boolean {
  if (oneShotServices(service.view).has(service.name)) return true;
  const data = service.data;
  const restart = data.restart;
  const never = restart === false || (typeof restart === 'string' && restart.trim() === 'no') || scalarText(asMap(asMap(data.deploy)?.restart_policy)?.condition) === 'none';
  const serves = (Array.isArray(data.ports) && data.ports.length > 0) || (Array.isArray(data.expose) && data.expose.length > 0);
  return never && !serves;
}

/** True when the node at `path` is a plain or quoted scalar written there (not an alias). */
export function isWrittenScalar(file: ComposeFile, p: YamlPath): boolean {
  const { found, located } = locate(file, p);
  return found && isScalar(located.node);
}

/** True when the service's value at `path` is a scalar written in place (not through an alias or merge key). */
export function isWrittenScalarAt(service: ServiceView, ...p: (string | number)[]): boolean {
  const origin = service.origin(...p);
  return origin !== null && isWrittenScalar(origin.file, origin.path);
}

/** The repository path of the service's image, lowercased, without registry, tag or digest (`bitnami/redis`); or null. */
export function imageRepository(service: ServiceView): string | null {
  const image = imageOf(service);
  const ref = image ? parseImageRef(image) : null;
  return ref ? ref.name.toLowerCase() : null;
}

/** A service of the same name in the view (base, overrides and included files). */
export function findService(view: ComposeView, name: string): ServiceView | null {
  return view.service(name) ?? null;
}

/**
 * The services a "missing setting" rule judges: those the file being checked defines first in its view (a base
 * service is judged with its overrides merged; an override judges only the services it adds), with `extends`
 * applied, and no one-shot jobs unless `includeJobs`. Marks the rule as applying for each one.
 */
export function* judgedServices(ctx: RuleContext<ComposeFile>, options: { includeJobs?: boolean } = {}): Generator<{ service: ServiceView; data: ComposeData }> {
  for (const service of servicesOf(ctx)) {
    if (service.file !== ctx.file || service.partial) continue;
    if (!options.includeJobs && isOneShot(service)) continue;
    ctx.applies();
    yield { service, data: service.data };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// data stores, networks and mechanical port fixes

/** Databases, caches, search engines and brokers, by the image's last path segment. */
export const DATA_STORES = new Set([
  'postgres', 'postgresql', 'postgis', 'timescaledb', 'timescaledb-ha', 'pgvector', 'mysql', 'mysql-server', 'mariadb',
  'percona', 'percona-server', 'mongo', 'mongodb', 'mongodb-community-server', 'mongodb-enterprise-server', 'redis',
  'redis-stack', 'redis-stack-server', 'redismod', 'valkey', 'keydb', 'dragonfly', 'memcached', 'elasticsearch', 'opensearch',
  'cassandra', 'scylla', 'couchdb', 'couchbase', 'couchbase-server', 'neo4j', 'rabbitmq', 'clickhouse',
  'clickhouse-server', 'influxdb', 'azure-sql-edge', 'cockroach', 'arangodb', 'surrealdb', 'questdb', 'qdrant', 'etcd',
  'zookeeper', 'solr', 'kafka', 'cp-kafka', 'redpanda',
]);

/** The data store a repository path names (`bitnami/postgresql` → `postgresql`, `mssql/server` → `mssql`), or null. */
export function dataStoreOf(repository: string): string | null {
  const segments = repository.split('/');
  const last = segments[segments.length - 1];
  if (DATA_STORES.has(last)) return last;
  return segments.includes('mssql') ? 'mssql' : null;
}

/** The data store a service runs, judged by its image (services built from a Dockerfile are not judged); or null. */
export function dataStoreOfService(service: ServiceView): string | null {
  const repo = imageRepository(service);
  return repo ? dataStoreOf(repo) : null;
}

/**
 * The networks a service is attached to, by name: the keys of `networks:` (list or map syntax), else `default`;
 * none when `network_mode` is set (host, none, `service:x`, `container:x`).
 */
export function networksOf(service: ServiceView): string[] {
  const mode = scalarText(service.data.network_mode);
  if (mode !== null && mode.trim() !== '') return [];
  const nets = service.data.networks;
  if (Array.isArray(nets)) return nets.map((n) => scalarText(n)).filter((n): n is string => n !== null);
  const map = asMap(nets);
  return map ? Object.keys(map) : ['default'];
}

/** Where the service attaches to `network` (its `networks:` entry), or the service's key when it is on `default` implicitly. */
export function networkPlace(service: ServiceView, network: string): Place {
  const nets = service.data.networks;
  if (Array.isArray(nets)) {
    const i = nets.findIndex((n) => scalarText(n) === network);
    if (i >= 0) return service.at('networks', i);
  }
  if (asMap(nets) && network in asMap(nets)!) return service.at('networks', network);
  return service.key;
}

/**
 * True when the service's value at `path` is a plain or quoted scalar written in the service itself: every step from
 * the document root is a key or item written there (no `<<` merge key, no alias) and nothing on the way carries an
 * anchor. Only such values may be rewritten by a fix: rewriting an anchor or a merged block changes other services.
 */
export function isWrittenInPlace(service: ServiceView, ...p: (string | number)[]): boolean {
  const origin = service.origin(...p);
  if (!origin) return false;
  let node: unknown = origin.file.doc.contents;
  for (const segment of origin.path) {
    if ((node as { anchor?: string } | null)?.anchor) return false;
    if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return false;
      node = pair.value;
    } else return false;
  }
  return isScalar(node) && !node.anchor;
}

/**
 * The edit that binds a short-syntax `"HOST:CONTAINER"` entry to the loopback (`"127.0.0.1:HOST:CONTAINER"`), keeping
 * its quotes; null unless the entry is a plain or quoted scalar on one line written in place in the file being fixed.
 */
export function loopbackPortEdit(file: ComposeFile, spec: PortSpec, service: ServiceView): { range: Range; text: string } | null {
  const r = spec.range;
  if (spec.in !== file.path || spec.syntax !== 'short' || r.line !== r.endLine || !isWrittenInPlace(service, ...spec.path)) return null;
  const token = file.lines[r.line - 1].slice(r.column - 1, r.endColumn - 1);
  const quote = token[0] === '"' || token[0] === "'" ? token[0] : '';
  const inner = quote ? token.slice(1, -1) : token;
  if (!/^\d+(-\d+)?:\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(inner)) return null;
  return { range: r, text: `${quote}127.0.0.1:${inner}${quote}` };
}

// ---------------------------------------------------------------------------------------------------------------
// profiles and replicas

/** The service's `profiles` (empty: it always starts). */
export function profilesOf(service: ServiceView): string[] {
  const list = service.data.profiles;
  return Array.isArray(list) ? list.map((p) => scalarText(p)).filter((p): p is string => p !== null) : [];
}

/**
 * Whether two services can run in the same `docker compose up`: unless both belong only to profiles and share none
 * (`dev` vs `prod`: someone would have to enable both on purpose).
 */
export function mayRunTogether(a: ServiceView, b: ServiceView): boolean {
  const pa = profilesOf(a);
  const pb = profilesOf(b);
  return !pa.length || !pb.length || pa.some((p) => pb.includes(p));
}

/** How many containers the service runs (`deploy.replicas`, or the legacy `scale`); 1 when unknown. */
export function replicasOf(service: ServiceView): number {
  const text = scalarText(asMap(service.data.deploy)?.replicas) ?? scalarText(service.data.scale);
  if (text === null) return 1;
  const { value, unresolved } = interpolate(text, service);
  const n = Number(value);
  return unresolved || !Number.isInteger(n) ? 1 : n;
}

// ---------------------------------------------------------------------------------------------------------------
// how a file is written (for the style rules)

export interface WrittenKey {
  name: string;
  /** The key's range in the file. */
  range: Range;
}

/**
 * The keys of the mapping at `path` as the file writes them, in order: that mapping's own keys, without `<<` merge
 * keys (an alias or merge on the way to it is followed). Empty when there is no such mapping.
 */
export function writtenKeys(file: ComposeFile, p: YamlPath): WrittenKey[] {
  const { found, located } = p.length ? locate(file, p) : { found: true, located: { node: file.doc.contents } };
  const node = located.node;
  if (!found || !isMap(node)) return [];
  const keys: WrittenKey[] = [];
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value === 'symbol' || key.value === '<<' || !key.range) continue;
    keys.push({ name: String(key.value), range: fromOffsets(file.lineCounter, key.range[0], key.range[1]) });
  }
  return keys;
}
