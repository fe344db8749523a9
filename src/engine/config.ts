// `.github/docker-review.yml`: validated against a JSON schema, with errors a person can act on.
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { PRIORITIES, type Priority } from './types.js';
import type { AnyRule } from './rule.js';

export const DEFAULT_CONFIG_PATH = '.github/docker-review.yml';
export const FAIL_ON = [...PRIORITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface RuleSetting {
  enabled: boolean;
  priority: Priority;
}

export interface ResolvedConfig {
  failOn: FailOn;
  /** Globs of paths not to review (picomatch, relative to the repository root). */
  ignore: string[];
  /** Every known rule's effective setting. */
  rules: Map<string, RuleSetting>;
  /** Where the configuration came from, for messages. */
  source: string | null;
}

export class ConfigError extends Error {}

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'docker-review configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    'fail-on': { enum: [...FAIL_ON], description: 'Lowest priority that fails the review.' },
    ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of files or folders not to review.' },
    rules: {
      type: 'object',
      description: 'Per-rule settings: on/off, a priority, or both.',
      additionalProperties: {
        anyOf: [
          { enum: ['on', 'off', true, false, ...PRIORITIES] },
          {
            type: 'object',
            additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, priority: { enum: [...PRIORITIES] } },
          },
        ],
      },
    },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | null = null;

function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  if (validator(data)) return [];
  const errors = [...(validator.errors ?? [])];
  // An anyOf failure explains itself; the failures of its branches are noise.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !(anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/')));
}

export function defaultConfig(rules: AnyRule[]): ResolvedConfig {
  return {
    failOn: 'critical',
    ignore: [],
    rules: new Map(rules.map((r) => [r.meta.id, { enabled: r.meta.enabledByDefault !== false, priority: r.meta.priority }])),
    source: null,
  };
}

/** Parses and validates configuration text; throws ConfigError listing every problem with its line. */
export function parseConfig(text: string, source: string, rules: AnyRule[]): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const where = (offset: number | undefined) => (offset === undefined ? source : `${source}:${lineCounter.linePos(offset).line}`);
  if (doc.errors.length) throw new ConfigError(doc.errors.map((e) => `${where(e.pos[0])}: invalid YAML: ${e.message.split('\n')[0]}`).join('\n'));
  const data: unknown = doc.toJS() ?? {};
  const offsetOf = (pointer: string): number | undefined => {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = doc.getIn(segments, true) as { range?: [number, number, number] } | undefined;
    return node?.range?.[0];
  };
  const pointerOf = (e: ErrorObject) =>
    e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath;
  const problems = validate(data).map((e) => `${where(offsetOf(pointerOf(e)))}: ${describe(e)}`);
  const known = new Set(rules.map((r) => r.meta.id));
  const ruleSettings = ((data as { rules?: Record<string, unknown> }).rules ?? {}) as Record<string, unknown>;
  for (const id of Object.keys(ruleSettings)) {
    if (!known.has(id)) {
      const hint = closest(id, [...known]);
      problems.push(`${where(offsetOf(`/rules/${id}`))}: unknown rule \`${id}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
    }
  }
  // A schema problem can leave several Ajv messages for one place; show each once.
  if (problems.length) throw new ConfigError([...new Set(problems)].join('\n'));

  const config = defaultConfig(rules);
  config.source = source;
  const typed = data as { 'fail-on'?: FailOn; ignore?: string[] };
  if (typed['fail-on']) config.failOn = typed['fail-on'];
  if (typed.ignore) config.ignore = typed.ignore;
  for (const [id, value] of Object.entries(ruleSettings)) {
    const setting = config.rules.get(id)!;
    if (value === 'off' || value === false) setting.enabled = false;
    else if (value === 'on' || value === true) setting.enabled = true;
    else if (typeof value === 'string') Object.assign(setting, { enabled: true, priority: value as Priority });
    else if (value && typeof value === 'object') {
      const v = value as { enabled?: boolean; priority?: Priority };
      if (v.enabled !== undefined) setting.enabled = v.enabled;
      if (v.priority) setting.priority = v.priority;
      if (v.priority && v.enabled === undefined) setting.enabled = true;
    }
  }
  return config;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath ? `\`${error.instancePath.slice(1).replace(/\//g, '.')}\`` : 'the configuration';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}: unknown key \`${(error.params as { additionalProperty: string }).additionalProperty}\``;
    case 'enum':
      return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'anyOf':
      return `${at}: must be on, off, a priority (${PRIORITIES.join(', ')}) or {enabled, priority}`;
    default:
      return `${at}: ${error.message ?? 'invalid'}`;
  }
}

/** The known name nearest to a misspelt one (edit distance ≤ 3), for "did you mean". */
export function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
