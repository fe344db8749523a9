// `.github/docker-review.yml`: validated against a JSON schema, with errors a person can act on.
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { excessiveNesting, MAX_NESTING_DEPTH } from '../parse/yaml-guard.js';
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
  /**
   * Registries base images may come from (`trusted-registries`, or `.hadolint.yaml`'s `trustedRegistries`); null when
   * not configured. Rules read it through `ctx.options`.
   */
  trustedRegistries: string[] | null;
  /** False when `.hadolint.yaml` sets `disable-ignore-pragma: true`: `# hadolint ignore=…` comments are not honoured. */
  hadolintPragmas: boolean;
  /** Where the configuration came from, for messages. */
  source: string | null;
  /** Things the user should know about the configuration (keys of a peer tool's file that are not used…). */
  notices: string[];
}

/** What rules may read of the configuration (`ctx.options`). */
export interface RuleOptions {
  trustedRegistries: readonly string[] | null;
}

/** The hadolint code of "FROM image from a registry not in the trusted list": rules covering it need the list. */
export const TRUSTED_REGISTRY_CODE = 'DL3026';

export class ConfigError extends Error {}

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'docker-review configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    'fail-on': { enum: [...FAIL_ON], description: 'Lowest priority that fails the review.' },
    ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of files or folders not to review.' },
    'trusted-registries': {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Registries base images may come from (`docker.io` for Docker Hub, `*.example.com` for subdomains); turns on untrusted-registry.',
    },
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
    trustedRegistries: null,
    hadolintPragmas: true,
    source: null,
    notices: [],
  };
}

/** A deep copy, so a layer of configuration never changes the one below it. */
export function cloneConfig(config: ResolvedConfig): ResolvedConfig {
  return {
    ...config,
    ignore: [...config.ignore],
    rules: new Map([...config.rules].map(([id, setting]) => [id, { ...setting }])),
    trustedRegistries: config.trustedRegistries && [...config.trustedRegistries],
    notices: [...config.notices],
  };
}

/** A YAML configuration file, parsed with positions: `where(pointer)` is `source:line` of a JSON pointer's node. */
export interface YamlConfigText {
  data: unknown;
  /** `source:line` of the node a JSON pointer (`/a/0`) names, its key's line with `key: true`; `source` if absent. */
  where(pointer: string, options?: { key?: boolean }): string;
}

/** Parses YAML text for a configuration; throws ConfigError with the line of each syntax error. */
export function readYamlConfig(text: string, source: string): YamlConfigText {
  // The configuration comes from the pull request too: the same nesting and alias bounds as compose files.
  const nesting = excessiveNesting(text);
  if (nesting) throw new ConfigError(`${source}:${nesting.line}: invalid YAML: nested more than ${MAX_NESTING_DEPTH} levels deep`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? source : `${source}:${lineCounter.linePos(offset).line}`);
  if (doc.errors.length) throw new ConfigError(doc.errors.map((e) => `${at(e.pos[0])}: invalid YAML: ${e.message.split('\n')[0]}`).join('\n'));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (error) {
    throw new ConfigError(`${source}: invalid YAML: ${String((error as Error).message).split('\n')[0]} (aliases are bounded to stop "billion laughs" documents)`);
  }
  const where = (pointer: string, options: { key?: boolean } = {}): string => {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (options.key && segments.length) {
      const parent = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1), true);
      const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
      const pair = items?.find((p) => p.key !== undefined && String(p.key?.value) === segments[segments.length - 1]);
      if (pair?.key?.range) return at(pair.key.range[0]);
    }
    const node = doc.getIn(segments, true) as { range?: [number, number, number] } | undefined;
    return at(node?.range?.[0]);
  };
  return { data, where };
}

/** Turns on the rules that need the trusted-registry list (they find nothing without it). */
export function enableTrustedRegistryRules(config: ResolvedConfig, rules: AnyRule[]): void {
  for (const rule of rules) {
    if (rule.meta.equivalents.hadolint?.includes(TRUSTED_REGISTRY_CODE)) config.rules.get(rule.meta.id)!.enabled = true;
  }
}

/**
 * Parses and validates configuration text; throws ConfigError listing every problem with its line. Settings apply on
 * top of `base` (default: the rules' defaults), so what the file does not mention keeps the base's value.
 */
export function parseConfig(text: string, source: string, rules: AnyRule[], base: ResolvedConfig = defaultConfig(rules)): ResolvedConfig {
  const { data, where } = readYamlConfig(text, source);
  const pointerOf = (e: ErrorObject) =>
    e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath;
  const problems = validate(data).map((e) => `${where(pointerOf(e))}: ${describe(e)}`);
  const known = new Set(rules.map((r) => r.meta.id));
  const ruleSettings = ((data as { rules?: Record<string, unknown> }).rules ?? {}) as Record<string, unknown>;
  for (const id of Object.keys(ruleSettings)) {
    if (!known.has(id)) {
      const hint = closest(id, [...known]);
      problems.push(`${where(`/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`)}: unknown rule \`${id}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
    }
  }
  // A schema problem can leave several Ajv messages for one place; show each once.
  if (problems.length) throw new ConfigError([...new Set(problems)].join('\n'));

  const config = cloneConfig(base);
  config.source = source;
  const typed = data as { 'fail-on'?: FailOn; ignore?: string[]; 'trusted-registries'?: string[] };
  if (typed['fail-on']) config.failOn = typed['fail-on'];
  if (typed.ignore) config.ignore = typed.ignore;
  if (typed['trusted-registries']) {
    config.trustedRegistries = typed['trusted-registries'];
    enableTrustedRegistryRules(config, rules);
  }
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
