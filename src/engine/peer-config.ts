// Peer tools' settings, so teams switch without losing them: `.hadolint.yaml` (ignored, override, trustedRegistries,
// failure-threshold) mapped onto docker-review's rules through each rule's `meta.equivalents`. Pure: callers read the
// files (the CLI from disk, the action from its workspace) and hand in their text.
import { Ajv, type ErrorObject } from 'ajv';
import {
  cloneConfig, ConfigError, defaultConfig, enableTrustedRegistryRules, parseConfig, readYamlConfig, TRUSTED_REGISTRY_CODE,
  type FailOn, type ResolvedConfig,
} from './config.js';
import type { AnyRule } from './rule.js';
import { PRIORITIES, type Peer, type Priority, type RuleMeta } from './types.js';

/** hadolint's configuration file names, read at the repository root only (never `$XDG_CONFIG_HOME` or `~`). */
export const HADOLINT_CONFIG_FILES = ['.hadolint.yaml', '.hadolint.yml'] as const;

const SEVERITIES = ['error', 'warning', 'info', 'style'] as const;
type Severity = (typeof SEVERITIES)[number];

/** hadolint severity → docker-review priority (`override`). */
export const SEVERITY_PRIORITY: Record<Severity, Priority> = { error: 'high', warning: 'medium', info: 'low', style: 'low' };

/** hadolint `failure-threshold` → docker-review `fail-on`. */
export const THRESHOLD_FAIL_ON: Record<string, FailOn> = { error: 'high', warning: 'medium', info: 'low', style: 'low', ignore: 'never', none: 'never' };

const codeList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** The keys of `.hadolint.yaml` docker-review uses; any other key is reported as a notice and ignored. */
const HADOLINT_SCHEMA = {
  type: 'object',
  properties: {
    ignored: codeList,
    trustedRegistries: codeList,
    override: { type: 'object', properties: Object.fromEntries(SEVERITIES.map((s) => [s, codeList])) },
    'failure-threshold': { enum: Object.keys(THRESHOLD_FAIL_ON) },
    'no-fail': { type: 'boolean' },
    'disable-ignore-pragma': { type: 'boolean' },
  },
} as const;

export interface HadolintConfig {
  source: string;
  ignored: string[];
  override: Partial<Record<Severity, string[]>>;
  trustedRegistries: string[] | null;
  failureThreshold: string | null;
  noFail: boolean;
  disableIgnorePragma: boolean;
  /** Keys docker-review does not use, with their lines. */
  notices: string[];
}

let validator: ReturnType<Ajv['compile']> | null = null;

/** Parses and validates `.hadolint.yaml` text; throws ConfigError with the line of every wrongly typed value. */
export function parseHadolintConfig(text: string, source: string): HadolintConfig {
  const { data, where } = readYamlConfig(text, source);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${source}: must be a mapping of hadolint settings`);
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(HADOLINT_SCHEMA);
  if (!validator(data)) {
    const problems = (validator.errors ?? []).map((e) => `${where(e.instancePath)}: ${describe(e)}`);
    throw new ConfigError([...new Set(problems)].join('\n'));
  }
  const typed = data as {
    ignored?: string[];
    trustedRegistries?: string[];
    override?: Partial<Record<string, string[]>>;
    'failure-threshold'?: string;
    'no-fail'?: boolean;
    'disable-ignore-pragma'?: boolean;
  };
  const used = new Set(Object.keys(HADOLINT_SCHEMA.properties));
  const notices = Object.keys(data)
    .filter((key) => !used.has(key))
    .map((key) => `${where(`/${escapePointer(key)}`, { key: true })}: \`${key}\` is not used by docker-review (ignored)`);
  const override: Partial<Record<Severity, string[]>> = {};
  for (const [key, codes] of Object.entries(typed.override ?? {})) {
    if ((SEVERITIES as readonly string[]).includes(key)) override[key as Severity] = codes ?? [];
    else notices.push(`${where(`/override/${escapePointer(key)}`, { key: true })}: \`override.${key}\` is not a hadolint severity (error, warning, info, style): ignored`);
  }
  return {
    source,
    ignored: typed.ignored ?? [],
    override,
    trustedRegistries: typed.trustedRegistries ? typed.trustedRegistries.map(normalizeRegistry) : null,
    failureThreshold: typed['failure-threshold'] ?? null,
    noFail: typed['no-fail'] ?? false,
    disableIgnorePragma: typed['disable-ignore-pragma'] ?? false,
    notices,
  };
}

/**
 * `.hadolint.yaml` on top of `base`, mapped through `equivalents.hadolint`. A docker-review rule often covers several
 * hadolint codes (base-image-unpinned = DL3006 + DL3007): it follows a setting naming ANY of its codes.
 *  - `ignored`: those rules off (also over `override`, as in hadolint).
 *  - `override`: error → high, warning → medium, info → low, style → low; a rule named under several severities
 *    takes the strictest; an overridden rule is on (hadolint reports it at that severity).
 *  - `trustedRegistries`: the list, and the rules covering DL3026 on (unless DL3026 is ignored).
 *  - `failure-threshold`: error → high, warning → medium, info/style → low, ignore/none → never; `no-fail: true` → never.
 *  - `disable-ignore-pragma: true`: `# hadolint ignore=…` comments are not honoured.
 */
export function applyHadolintConfig(base: ResolvedConfig, hadolint: HadolintConfig, rules: AnyRule[]): ResolvedConfig {
  const config = cloneConfig(base);
  const ignored = new Set(hadolint.ignored.map(normalizeCode));
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting) continue;
    let priority: Priority | null = null;
    for (const severity of SEVERITIES) {
      if (!coversAny(rule.meta, 'hadolint', new Set((hadolint.override[severity] ?? []).map(normalizeCode)))) continue;
      const candidate = SEVERITY_PRIORITY[severity];
      if (priority === null || PRIORITIES.indexOf(candidate) < PRIORITIES.indexOf(priority)) priority = candidate;
    }
    if (priority !== null) Object.assign(setting, { enabled: true, priority });
  }
  if (hadolint.trustedRegistries) {
    config.trustedRegistries = hadolint.trustedRegistries;
    if (!ignored.has(TRUSTED_REGISTRY_CODE)) enableTrustedRegistryRules(config, rules);
  }
  for (const rule of rules) if (coversAny(rule.meta, 'hadolint', ignored)) config.rules.get(rule.meta.id)!.enabled = false;
  if (hadolint.noFail) config.failOn = 'never';
  else if (hadolint.failureThreshold) config.failOn = THRESHOLD_FAIL_ON[hadolint.failureThreshold];
  if (hadolint.disableIgnorePragma) config.hadolintPragmas = false;
  config.notices.push(...hadolint.notices);
  config.source ??= hadolint.source;
  return config;
}

export interface ConfigText {
  text: string;
  /** How messages name the file (`.github/docker-review.yml`, `../.hadolint.yaml`). */
  source: string;
}

/**
 * The effective configuration: the rules' defaults, then `.hadolint.yaml`, then docker-review's own file, so ours wins
 * wherever both speak (its `fail-on`, `trusted-registries` and per-rule settings). Problems of both files are
 * reported together.
 */
export function resolveConfig(files: { own?: ConfigText | null; hadolint?: ConfigText | null }, rules: AnyRule[]): ResolvedConfig {
  const problems: string[] = [];
  let config = defaultConfig(rules);
  if (files.hadolint) {
    try {
      config = applyHadolintConfig(config, parseHadolintConfig(files.hadolint.text, files.hadolint.source), rules);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (files.own) {
    try {
      config = parseConfig(files.own.text, files.own.source, rules, config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));
  if (config.trustedRegistries === null) {
    const idle = rules.filter((r) => r.meta.equivalents.hadolint?.includes(TRUSTED_REGISTRY_CODE) && config.rules.get(r.meta.id)?.enabled);
    for (const rule of idle) config.notices.push(`${rule.meta.id} is on but no trusted registries are configured (\`trusted-registries\`): it has nothing to check`);
  }
  return config;
}

/** The first of `.hadolint.yaml`, `.hadolint.yml` at the repository root that `read` finds (hadolint's order). */
export async function findHadolintConfig(read: (relPath: string) => Promise<string | null>): Promise<{ path: string; text: string } | null> {
  for (const path of HADOLINT_CONFIG_FILES) {
    const text = await read(path);
    if (text !== null) return { path, text };
  }
  return null;
}

/** True when the rule's `equivalents[peer]` names one of `codes` ('all': when it names any). */
export function coversAny(meta: RuleMeta, peer: Peer, codes: ReadonlySet<string> | 'all'): boolean {
  const own = meta.equivalents[peer];
  if (!own?.length) return false;
  return codes === 'all' || own.some((code) => codes.has(normalizeCode(code)));
}

/** Peer codes compare without case and surrounding blanks (`dl3008` = `DL3008`). */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function normalizeRegistry(registry: string): string {
  return registry.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase();
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(error: ErrorObject): string {
  const at = error.instancePath ? `\`${error.instancePath.slice(1).replace(/\//g, '.')}\`` : 'the configuration';
  switch (error.keyword) {
    case 'type':
      if (error.schemaPath.includes('/items/')) return `${at}: must be a rule code (text)`;
      switch ((error.params as { type: string }).type) {
        case 'array':
          return `${at}: must be a list`;
        case 'object':
          return `${at}: must be a mapping`;
        default:
          return `${at}: must be ${String((error.params as { type: string }).type)}`;
      }
    case 'enum':
      return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`;
    default:
      return `${at}: ${error.message ?? 'invalid'}`;
  }
}
