// A compose file checked against the Compose specification's JSON schema (compiled at build time, see
// scripts/gen-compose-schema.mjs), plus the value formats the schema leaves to Compose's loader (port mappings,
// durations). Every problem is placed on the node that set the value, through anchors and merge keys, with a message
// a person understands; Ajv's `oneOf` noise is collapsed into one message per place.
import type { ErrorObject } from 'ajv';
import { isIP } from 'node:net';
import { closest } from '../engine/config.js';
import type { Range } from '../engine/types.js';
import { keyRange, locate, rangeAt, type ComposeFile, type YamlPath } from './compose.js';
import { OBJECT_SHAPES, validate } from './generated/compose-schema-validator.js';

export interface SchemaProblem {
  /** Where in the data (merge keys applied) the problem is. */
  path: YamlPath;
  /** Place the finding on the key at `path` (an unknown or incomplete key) rather than on its value. */
  onKey: boolean;
  message: string;
  hint?: string;
}

export interface PlacedSchemaProblem extends SchemaProblem {
  range: Range;
}

/** Keys the schema does not judge: the obsolete `version` (a rule of its own reports it; Compose ignores it). */
const IGNORED_TOP_LEVEL = new Set(['version']);

/** Problems of `data`: a whole compose file after YAML parsing, merge keys applied. */
export function schemaProblems(data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!validate(data)) problems.push(...explain(data, validate.errors ?? []));
  problems.push(...formatProblems(data));
  return problems.filter((p) => !(typeof p.path[0] === 'string' && IGNORED_TOP_LEVEL.has(p.path[0])));
}

/** The problems of a parsed compose file, placed on their lines; values under `!reset` are not judged. */
export function placedSchemaProblems(file: ComposeFile): PlacedSchemaProblem[] {
  const placed: (PlacedSchemaProblem & { more: number })[] = [];
  const seen = new Map<string, PlacedSchemaProblem & { more: number }>();
  for (const problem of schemaProblems(file.data)) {
    if (underReset(file, problem.path)) continue;
    const range = (problem.onKey ? keyRange(file, problem.path) : null) ?? rangeAt(file, problem.path);
    // One anchor merged into several services: one finding on the anchor's line, not one per service.
    const detail = problem.message.replace(/^`[^`]*`: /, '');
    const slot = `${range.line}:${range.column}:${detail}`;
    const earlier = seen.get(slot);
    if (earlier) {
      earlier.more++;
      continue;
    }
    const entry = { ...problem, range, more: 0 };
    seen.set(slot, entry);
    placed.push(entry);
  }
  return placed.map(({ more, ...p }) => (more ? { ...p, message: `${p.message} (also through this anchor in ${more} more place${more > 1 ? 's' : ''})` } : p));
}

function underReset(file: ComposeFile, path: YamlPath): boolean {
  for (let i = 1; i <= path.length; i++) {
    const { found, located } = locate(file, path.slice(0, i));
    if (!found) return false;
    if (located.node?.tag === '!reset') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Ajv errors → problems

interface SchemaError {
  path: YamlPath;
  keyword: string;
  params: Record<string, unknown>;
}

function explain(data: unknown, errors: ErrorObject[]): SchemaProblem[] {
  let list: SchemaError[] = [];
  const combinators: SchemaError[] = [];
  for (const e of errors) {
    const error = { path: parsePointer(e.instancePath), keyword: e.keyword, params: e.params as Record<string, unknown> };
    (e.keyword === 'oneOf' || e.keyword === 'anyOf' ? combinators : list).push(error);
  }
  // Innermost alternatives first: what they leave is what the outer ones choose from.
  combinators.sort((a, b) => b.path.length - a.path.length);
  for (const combinator of combinators) list = collapse(list, combinator);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of list) {
    const problem = describe(error, data);
    if (!problem) continue;
    const slot = `${pointerOf(problem.path)}\0${problem.message}`;
    if (seen.has(slot)) continue;
    seen.add(slot);
    problems.push(problem);
  }
  return problems;
}

/**
 * A `oneOf` failed at `path`: none of the alternative shapes fits. If some alternative has the right type and fails
 * deeper (or on a key), its errors are the specific ones: keep them and drop the other alternatives' type mismatches.
 * Otherwise the value has a type none accepts: one error listing every accepted type (and enumerated value).
 */
function collapse(list: SchemaError[], combinator: SchemaError): SchemaError[] {
  if (combinator.params.passingSchemas) return list; // matched several alternatives: the schema's ambiguity, not the file's
  const at = combinator.path;
  const inside = list.filter((e) => startsWith(e.path, at));
  const shallow = inside.filter((e) => e.path.length === at.length && (e.keyword === 'type' || e.keyword === 'enum'));
  const specific = inside.filter((e) => !shallow.includes(e));
  const rest = list.filter((e) => !shallow.includes(e));
  if (specific.length) return rest;
  const types = new Set<string>();
  const values: unknown[] = [];
  for (const e of shallow) {
    if (e.keyword === 'type') for (const t of asArray(e.params.type)) types.add(String(t));
    else for (const v of asArray(e.params.allowedValues)) values.push(v);
  }
  if (!shallow.length) return list;
  return [...rest, { path: at, keyword: 'type', params: { type: [...types], allowedValues: values } }];
}

function describe(error: SchemaError, data: unknown): SchemaProblem | null {
  const { path, keyword, params } = error;
  const where = `\`${displayPath(path)}\``;
  const value = valueAt(data, path);
  // Compose interpolates `${VAR}` before it validates: a value that still holds a variable may become valid.
  if (keyword !== 'additionalProperties' && keyword !== 'required' && typeof value === 'string' && value.includes('$')) return null;
  switch (keyword) {
    case 'additionalProperties':
      return unknownKey(path, String(params.additionalProperty), data);
    case 'required':
      return { path, onKey: true, message: `${where}: missing required key \`${String(params.missingProperty)}\`` };
    case 'type': {
      const accepted = [...asArray(params.allowedValues).map((v) => `\`${String(v)}\``), ...typeNames(asArray(params.type).map(String))];
      return { path, onKey: false, message: `${where}: must be ${orList(accepted)}, not ${found(value)}` };
    }
    case 'enum': {
      const allowed = asArray(params.allowedValues).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : null;
      return {
        path,
        onKey: false,
        message: `${where}: ${shown(value)} is not one of ${allowed.map((v) => `\`${v}\``).join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
      };
    }
    case 'pattern':
      return { path, onKey: false, message: `${where}: ${shown(value)} is not a valid ${patternNoun(path)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, onKey: false, message: `${where}: must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}, not ${shown(value)}` };
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)].sort((a, b) => a - b);
      const item = valueAt(data, [...path, second]);
      return {
        path: [...path, second],
        onKey: false,
        message: `\`${displayPath([...path, second])}\`: repeats \`${displayPath([...path, first])}\` (${shown(item)}); Compose rejects duplicate entries`,
      };
    }
    default:
      return { path, onKey: false, message: `${where}: ${shown(value)} does not follow the Compose specification (${keyword})` };
  }
}

function unknownKey(parent: YamlPath, key: string, data: unknown): SchemaProblem {
  const path = [...parent, key];
  const shape = shapeAt(parent);
  const at = parent.length ? `\`${displayPath(parent)}\`: ` : '';
  if (shape && !shape.keys.length && shape.patterns.length) {
    // A map of names (services, networks, labels…): the name itself is malformed.
    const noun = NAME_NOUNS[String(parent[parent.length - 1])] ?? 'name';
    const rule = shape.patterns.includes('^[a-zA-Z0-9._-]+$') ? ': use letters, digits, `.`, `_` and `-`' : '';
    return { path, onKey: true, message: `${at}${key ? `\`${key}\`` : 'an empty key'} is not a valid ${noun}${rule}` };
  }
  const suggestion = shape ? closest(key, shape.keys) : null;
  const where = parent.length ? `${at}unknown key \`${key}\`` : `unknown top-level key \`${key}\``;
  let hint = 'Compose refuses keys the specification does not define; keep custom data under a key starting with `x-`.';
  const value = valueAt(data, path);
  if (!parent.length && value && typeof value === 'object' && ('image' in value || 'build' in value)) {
    hint = `\`${key}\` looks like a service: services go under the top-level \`services:\` key.`;
  }
  return { path, onKey: true, message: `${where}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`, hint };
}

const COMPARISONS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'more than' };

const NAME_NOUNS: Record<string, string> = {
  services: 'service name',
  networks: 'network name',
  volumes: 'volume name',
  secrets: 'secret name',
  configs: 'config name',
  models: 'model name',
  depends_on: 'service name',
  labels: 'label name',
  annotations: 'annotation name',
  environment: 'variable name',
  args: 'build argument name',
  sysctls: 'sysctl name',
  extra_hosts: 'host name',
};

function patternNoun(path: YamlPath): string {
  const key = String(path[path.length - 1]);
  if (key === 'pull_policy') return 'pull policy (`always`, `never`, `missing`, `build`, `refresh`, `daily`, `weekly` or `every_<duration>`)';
  if (key === 'container_name') return 'container name';
  return `\`${key}\` value`;
}

function shapeAt(path: YamlPath): { keys: string[]; patterns: string[] } | null {
  let best: { keys: string[]; patterns: string[] } | null = null;
  let bestLiterals = -1;
  for (const [pattern, shape] of Object.entries(OBJECT_SHAPES)) {
    const segments = pattern === '' ? [] : pattern.slice(1).split('/').map(unescapePointer);
    if (segments.length !== path.length) continue;
    let literals = 0;
    const matches = segments.every((s, i) => s === '*' || (s === String(path[i]) && ++literals > 0));
    if (matches && literals > bestLiterals) [best, bestLiterals] = [shape, literals];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Formats Compose's loader checks beyond the schema: port mappings and durations.

const DURATION_KEYS: YamlPath[] = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
];

function formatProblems(data: unknown): SchemaProblem[] {
  const services = asObject(asObject(data)?.services);
  if (!services) return [];
  const problems: SchemaProblem[] = [];
  for (const [name, service] of Object.entries(services)) {
    const svc = asObject(service);
    if (!svc) continue;
    const base: YamlPath = ['services', name];
    if (Array.isArray(svc.ports)) {
      svc.ports.forEach((entry, i) => {
        const text = typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry : null;
        if (text === null || text.includes('$')) return;
        const reason = portMappingError(text);
        if (reason) {
          problems.push({
            path: [...base, 'ports', i],
            onKey: false,
            message: `\`${displayPath([...base, 'ports', i])}\`: \`${text}\` is not a valid port mapping: ${reason}`,
            hint: 'Short syntax: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, e.g. `127.0.0.1:8080:80/tcp` or `8080:80`.',
          });
        }
      });
    }
    if (Array.isArray(svc.expose)) {
      svc.expose.forEach((entry, i) => {
        const text = typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry : null;
        if (text === null || text.includes('$') || /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(text.trim())) return;
        problems.push({
          path: [...base, 'expose', i],
          onKey: false,
          message: `\`${displayPath([...base, 'expose', i])}\`: \`${text}\` is not a valid port: expose takes \`PORT\`, \`START-END\` or \`PORT/PROTOCOL\``,
        });
      });
    }
    for (const keyPath of DURATION_KEYS) {
      const value = valueAt(svc, keyPath);
      if (typeof value !== 'string' || value.includes('$') || isDuration(value)) continue;
      const path = [...base, ...keyPath];
      problems.push({
        path,
        onKey: false,
        message: `\`${displayPath(path)}\`: must be a duration like \`30s\` or \`1m30s\`, not ${shown(value)}`,
        hint: 'Units: `h`, `m`, `s`, `ms`, `us`, `ns` (no days: write `24h`); a bare number needs a unit.',
      });
    }
  }
  return problems;
}

/** Go's `time.ParseDuration`, which Compose uses: `0`, or numbers with units such as `1h30m`, `1.5s`, `300ms`. */
export function isDuration(text: string): boolean {
  return /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.test(text);
}

/**
 * Why a short-syntax port mapping is rejected, following the parser Compose uses (`[IP:][HOST:]CONTAINER[/PROTO]`,
 * ports 0–65535, ranges `START-END`), or null when it is valid.
 */
export function portMappingError(text: string): string | null {
  const parts = text.split(':');
  const n = parts.length;
  let containerPart = parts[n - 1];
  const hostPort = n >= 2 ? parts[n - 2] : '';
  let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  let proto = 'tcp';
  const slash = containerPart.split('/');
  if (slash.length > 1 && slash[1] !== '') proto = slash[1];
  containerPart = slash[0];
  if (n >= 2 && /^(tcp|udp|sctp)$/i.test(parts[n - 1])) {
    return `the protocol follows a \`/\`, not a \`:\` (\`${parts.slice(0, -1).join(':')}/${parts[n - 1]}\`)`;
  }
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip !== '' && !isIP(ip)) return `\`${ip}\` is not an IP address`;
  if (containerPart === '') return 'no container port';
  const container = portRange(containerPart);
  if (!container) return `\`${containerPart}\` is not a container port (a number from 0 to 65535, or a range \`START-END\`)`;
  if (hostPort !== '') {
    const host = portRange(hostPort);
    if (!host) return `\`${hostPort}\` is not a host port (a number from 0 to 65535, or a range \`START-END\`)`;
    if (container[1] - container[0] !== host[1] - host[0] && container[1] !== container[0]) {
      return `the host range \`${hostPort}\` and the container range \`${containerPart}\` differ in length`;
    }
  }
  if (!/^(tcp|udp|sctp)$/i.test(proto)) return `\`${proto}\` is not a protocol (\`tcp\`, \`udp\` or \`sctp\`)`;
  return null;
}

function portRange(text: string): [number, number] | null {
  const parts = text.split('-');
  const nums = (parts.length === 1 ? [parts[0], parts[0]] : [parts[0], parts[1]]).map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (nums.some((p) => !(p >= 0 && p <= 65535)) || nums[1] < nums[0]) return null;
  return [nums[0], nums[1]];
}

// ---------------------------------------------------------------------------------------------------------------
// helpers

function parsePointer(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const segment = unescapePointer(s);
    return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
  });
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerOf(path: YamlPath): string {
  return path.map((s) => `/${s}`).join('');
}

function startsWith(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

/** `services.web.ports[1]` */
export function displayPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out || '(top level)';
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (current && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, segment)) current = (current as Record<string, unknown>)[String(segment)];
    else return undefined;
  }
  return current;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function typeNames(types: string[]): string[] {
  const set = new Set(types);
  if (set.has('number')) set.delete('integer');
  return [...set].map((t) => TYPE_NAMES[t] ?? t);
}

function orList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What was found, for "must be X, not …". */
function found(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${shown(value)}`;
  if (typeof value === 'boolean') return shown(value);
  return `the number ${shown(value)}`;
}

/** A value in backticks, shortened. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value).replace(/`/g, "'").replace(/\s+/g, ' ');
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}
