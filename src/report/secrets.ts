// Secret values never leave in any output. Rules report the values they detect (`RuleReport.secrets`); as a safety net
// the engine also collects the values of every variable whose NAME says it is secret — Dockerfile ARG/ENV, compose
// `environment`/`build.args`, `.env` and env files, credentials in URLs — and every finding's text, the notices and
// every report format are redacted with the whole set. The action registers the values with `core.setSecret` too.
import type { Arg, Env } from 'dockerfile-ast';
import type { Finding } from '../engine/types.js';
import { scalarText } from '../model/compose-build.js';
import type { Project } from '../model/project.js';
import { parseDotenv } from '../parse/dotenv.js';

export const REDACTED = '***';

/**
 * Values shorter than this are not treated as secrets: masking `ab` or `1` everywhere would garble every report and,
 * through `core.setSecret`, the whole job log. (GitHub masks only what it is given; a secret that short is no secret.)
 */
export const MIN_SECRET_LENGTH = 4;

/** The set of secret values of one review. Prints as a count, never the values (e.g. through `JSON.stringify`). */
export class SecretSet {
  private readonly values = new Set<string>();
  /** Longest first, so a secret containing another is masked whole. */
  private sorted: string[] | null = null;

  constructor(values: Iterable<string> = []) {
    this.addAll(values);
  }

  add(value: string | null | undefined): void {
    if (typeof value !== 'string') return;
    for (const candidate of new Set([value, value.trim()])) {
      if (candidate.length < MIN_SECRET_LENGTH || candidate.includes('\n') || this.values.has(candidate)) continue;
      this.values.add(candidate);
      this.sorted = null;
    }
    // A multi-line secret (a key, a certificate) is masked line by line, as GitHub's runner masks.
    if (value.includes('\n')) for (const line of value.split('\n')) this.add(line);
  }

  addAll(values: Iterable<string>): void {
    for (const v of values) this.add(v);
  }

  /** Forgets values that are not secret after all (see `projectNames`). */
  deleteAll(values: Iterable<string>): void {
    for (const v of values) if (this.values.delete(v)) this.sorted = null;
  }

  get size(): number {
    return this.values.size;
  }

  /** The raw values, longest first: only for `core.setSecret` and for tests. */
  list(): string[] {
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    return this.sorted;
  }

  has(text: string): boolean {
    return this.list().some((v) => text.includes(v));
  }

  redact(text: string): string;
  redact(text: string | null): string | null;
  redact(text: string | null): string | null {
    if (text === null || this.values.size === 0) return text;
    let out = text;
    for (const v of this.list()) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  toJSON(): string {
    return `[${this.values.size} secret value${this.values.size === 1 ? '' : 's'}]`;
  }
}

// ─── What counts as a secret ─────────────────────────────────────────────────────────────────────────────────────

/** Fragments that make a name secret, also inside a longer word (`PGPASSWORD`, `GHTOKEN`, `apiSecret`). */
const SECRET_FRAGMENTS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'privatekey', 'accesskey', 'authkey', 'htpasswd'];
/** Whole words that make a name secret (`DB_PASS`, `MYSQL_PWD`, `API_KEY`, `JWT_SIGNING_KEY`, `AUTH`). */
const SECRET_WORDS = new Set(['pass', 'pwd', 'pw', 'key', 'keys', 'auth', 'credentials', 'salt', 'pepper', 'cookie', 'dsn', 'licence', 'license']);
/** Words that make the name about a secret rather than the secret itself (`PASSWORD_FILE`, `TOKEN_TTL`, `KEY_ID`). */
const ABOUT_WORDS = new Set([
  'file', 'path', 'dir', 'name', 'user', 'username', 'id', 'ids', 'length', 'len', 'min', 'max', 'ttl', 'expiry',
  'expires', 'expiration', 'timeout', 'lifetime', 'type', 'algorithm', 'alg', 'header', 'policy', 'enabled', 'enable',
  'disabled', 'disable', 'required', 'version', 'format', 'prefix', 'host', 'port', 'method', 'mode', 'location',
  'endpoint', 'provider', 'issuer', 'audience', 'public', 'pub', 'url', 'uri', 'gpg', 'pgp', 'fingerprint',
]);
const BOOLEAN = /^(true|false|yes|no|on|off|null|none|~)$/i;
/** `scheme://user:password@host`: the password part. */
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:([^/@\s]+)@/gi;

function nameWords(name: string): string[] {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a variable's name says its value is a secret (`DB_PASSWORD`, `GITHUB_TOKEN`, `apiKey`, `SECRET_KEY_BASE`). */
export function looksSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length || words.some((w) => ABOUT_WORDS.has(w))) return false;
  return words.some((w) => SECRET_WORDS.has(w) || SECRET_FRAGMENTS.some((f) => w.includes(f)));
}

/**
 * The parts of a value written for a secret-named variable that are secret: the literal value, or the defaults of
 * `${VAR:-default}`; nothing for booleans, absolute paths (`/run/secrets/db`) or bare variable references.
 */
export function secretParts(raw: string): string[] {
  let value = raw.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1);
  if (!value || BOOLEAN.test(value) || /^\/[\w./-]*$/.test(value)) return [];
  if (!value.includes('$')) return [value];
  const defaults: string[] = [];
  for (const m of value.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*:?[-+?=]([^}$]*)\}/g)) if (m[1].trim()) defaults.push(m[1].trim());
  return defaults;
}

/** Credentials in URLs (`postgres://app:s3cret@db/app`), whatever the variable's name. */
export function urlPasswords(value: string): string[] {
  return [...value.matchAll(URL_CREDENTIALS)].map((m) => m[1]).filter((p) => !p.startsWith('$'));
}

/** `environment:` / `args:` in map or list (`K=v`) syntax. */
function composeEntries(data: unknown): { name: string; value: string }[] {
  if (Array.isArray(data)) {
    return data.flatMap((item) => {
      const text = scalarText(item);
      const eq = text?.indexOf('=') ?? -1;
      return text !== null && eq > 0 ? [{ name: text.slice(0, eq).trim(), value: text.slice(eq + 1) }] : [];
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data as Record<string, unknown>).flatMap(([name, v]) => {
      const value = scalarText(v);
      return value === null ? [] : [{ name, value }];
    });
  }
  return [];
}

/** The safety net: every value the project writes for a secret-named variable, and every password in a URL. */
export function projectSecrets(project: Project): string[] {
  const out: string[] = [];
  const entry = (name: string, value: string) => {
    if (looksSecretName(name)) out.push(...secretParts(value));
    out.push(...urlPasswords(value));
  };
  for (const file of project.files) {
    try {
      if (file.kind === 'env') {
        for (const e of parseDotenv(file.text)) if (e.value !== null) entry(e.name, e.value);
      } else if (file.kind === 'compose') {
        for (const service of file.services) {
          for (const e of composeEntries(service.data.environment)) entry(e.name, e.value);
          const build = service.data.build;
          if (build && typeof build === 'object' && !Array.isArray(build)) for (const e of composeEntries((build as Record<string, unknown>).args)) entry(e.name, e.value);
        }
      } else if (file.kind === 'dockerfile') {
        for (const instruction of file.instructions) {
          const keyword = instruction.getKeyword();
          const trigger = keyword === 'ONBUILD' ? (instruction as unknown as { getTriggerInstruction(): Arg | Env | null }).getTriggerInstruction() : null;
          const target = trigger ?? instruction;
          const k = target.getKeyword();
          const properties = k === 'ARG' ? [(target as Arg).getProperty()] : k === 'ENV' ? (target as Env).getProperties() : [];
          for (const p of properties) if (p) entry(p.getName() ?? '', p.getValue() ?? '');
        }
      }
    } catch {
      // A file the parser could not make sense of has no values to collect; the review goes on.
    }
  }
  return out;
}

/**
 * Names the review prints as names: compose service names, image names and their parts, stage names. A weak password
 * that is also such a name (`WORDPRESS_DB_PASSWORD: wordpress` beside service `wordpress`) is not masked: the name is
 * printed anyway, and masking it would garble every message about that service (and, through `core.setSecret`, every
 * line of the job log that names it).
 */
export function projectNames(project: Project): Set<string> {
  const names = new Set<string>();
  const image = (ref: unknown) => {
    if (typeof ref !== 'string') return;
    names.add(ref);
    for (const part of ref.split(/[/:@]/)) if (part) names.add(part);
  };
  for (const file of project.files) {
    try {
      if (file.kind === 'compose') {
        for (const service of file.services) {
          names.add(service.name);
          image(service.data.image);
          if (typeof service.data.container_name === 'string') names.add(service.data.container_name);
          if (typeof service.data.hostname === 'string') names.add(service.data.hostname);
        }
      } else if (file.kind === 'dockerfile') {
        for (const stage of file.stages) {
          if (stage.name) names.add(stage.name);
          image(stage.base.written);
        }
      }
    } catch {
      // nothing to add from a file its parser could not make sense of
    }
  }
  return names;
}

// ─── Redacting findings ──────────────────────────────────────────────────────────────────────────────────────────

const FIX_WITHHELD = 'the mechanical fix is not shown because it would repeat a secret value';

/** The finding with every secret masked in its text; a fix that would re-print a secret is dropped (and the hint says so). */
export function redactFinding(f: Finding, secrets: SecretSet): Finding {
  if (secrets.size === 0) return f;
  const fixLeaks = f.fix !== null && secrets.has(f.fix.replacement);
  const hint = secrets.redact(f.hint);
  return {
    ...f,
    message: secrets.redact(f.message),
    hint: fixLeaks ? (hint ? `${hint} (${FIX_WITHHELD})` : `Fix by hand: ${FIX_WITHHELD}`) : hint,
    fix: fixLeaks ? null : f.fix,
    related: f.related.map((r) => ({ ...r, message: secrets.redact(r.message) })),
  };
}

/** A review result with its own secrets masked everywhere a report prints file-derived text (idempotent). */
export function redactResult<T extends { findings: Finding[]; notices: string[]; secrets?: SecretSet }>(result: T): T {
  const secrets = result.secrets;
  if (!secrets || secrets.size === 0) return result;
  return { ...result, findings: result.findings.map((f) => redactFinding(f, secrets)), notices: result.notices.map((n) => secrets.redact(n)) };
}
