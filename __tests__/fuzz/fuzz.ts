// Shared by the property-based tests: how many runs, the seed corpus (real files), mutations of it, and a record of
// every property's runs and time for scripts/fuzz.mjs.
//   FUZZ_RUNS=n     runs per property (default: each property's CI number, chosen to keep the suite well under a minute)
//   FUZZ_SEED=n     replay one seed (fast-check prints the seed and path of any failure)
//   FUZZ_REPORT=f   append one JSON line per property: name, runs, ms, failed
//   FUZZ_CORPUS=d   the seed corpus (default ../shared/corpus/awesome-compose beside the repository, if present)
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export { fc };

/** Runs of one property: FUZZ_RUNS when set, else the property's own CI number. */
export function runs(ci: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : ci;
}

/** Test timeout for a property: generous, and it grows with FUZZ_RUNS. */
export function timeout(ci: number, msPerRun: number): number {
  return Math.max(30_000, runs(ci) * msPerRun * 3);
}

/** Asserts a property over `runs(ci)` generated values; records the runs and time for the fuzz report. */
export function check<T>(name: string, ci: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean | void): void {
  const started = performance.now();
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const details = fc.check(fc.property(arbitrary, predicate), { numRuns: runs(ci), ...(seed !== undefined ? { seed } : {}) });
  record(name, details.numRuns, performance.now() - started, details.failed);
  if (details.failed) throw new Error(`${fc.defaultReportMessage(details) ?? `property ${name} failed`}\nError: ${describe(details.errorInstance)}`);
}

/** The same for an async predicate. */
export async function checkAsync<T>(name: string, ci: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<boolean | void>): Promise<void> {
  const started = performance.now();
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { numRuns: runs(ci), ...(seed !== undefined ? { seed } : {}) });
  record(name, details.numRuns, performance.now() - started, details.failed);
  if (details.failed) throw new Error(`${(await fc.asyncDefaultReportMessage(details)) ?? `property ${name} failed`}\nError: ${describe(details.errorInstance)}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${(error.stack ?? '').split('\n').slice(1, 8).join('\n')}` : String(error);
}

function record(name: string, numRuns: number, ms: number, failed: boolean): void {
  const file = process.env.FUZZ_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ name, runs: numRuns, ms: Math.round(ms), failed })}\n`);
}

// ─── The seed corpus ─────────────────────────────────────────────────────────────────────────────────────────────

export interface SeedFile {
  /** Path inside its project (e.g. `flask/app/Dockerfile`). */
  path: string;
  text: string;
}

const ROOT = process.cwd();

function walk(dir: string, base: string, out: SeedFile[]): void {
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, base, out);
    else if (name !== 'MANIFEST.tsv' && statSync(abs).size < 200_000) out.push({ path: path.relative(base, abs).split(path.sep).join('/'), text: readFileSync(abs, 'utf8') });
  }
}

let cached: SeedFile[] | null = null;

/** Real files: the shared awesome-compose corpus (when present) and the repository's own example project. */
export function corpus(): SeedFile[] {
  if (cached) return cached;
  const out: SeedFile[] = [];
  const shared = process.env.FUZZ_CORPUS ?? path.resolve(ROOT, '../shared/corpus/awesome-compose');
  if (existsSync(shared)) walk(shared, shared, out);
  const example = path.join(ROOT, 'examples/shop');
  const own: SeedFile[] = [];
  walk(example, path.dirname(example), own);
  out.push(...own.filter((f) => /(^|\/)(Dockerfile[^/]*|[^/]*compose[^/]*\.ya?ml|\.dockerignore|nginx\.conf|\.env[^/]*)$/.test(f.path)));
  cached = out;
  return out;
}

export const isDockerfile = (p: string) => /(^|\/)(Dockerfile|Containerfile)[^/]*$|\.Dockerfile$/i.test(p) && !p.endsWith('.dockerignore');
export const isCompose = (p: string) => /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i.test(p);
export const isDockerignore = (p: string) => /\.dockerignore$/.test(p);

/** The seed files of one kind. */
export function seeds(kind: 'dockerfile' | 'compose' | 'dockerignore' | 'any'): string[] {
  const files = corpus();
  const pick = kind === 'dockerfile' ? files.filter((f) => isDockerfile(f.path)) : kind === 'compose' ? files.filter((f) => isCompose(f.path)) : kind === 'dockerignore' ? files.filter((f) => isDockerignore(f.path)) : files;
  return pick.map((f) => f.text);
}

/** The corpus as projects: files grouped by their top folder. */
export function projects(): Record<string, string>[] {
  const byTop = new Map<string, Record<string, string>>();
  for (const f of corpus()) {
    const slash = f.path.indexOf('/');
    const top = slash < 0 ? '.' : f.path.slice(0, slash);
    const rest = slash < 0 ? f.path : f.path.slice(slash + 1);
    byTop.set(top, { ...(byTop.get(top) ?? {}), [rest]: f.text });
  }
  return [...byTop.values()];
}

// ─── Generators ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Tokens that matter to the parsers: YAML and Dockerfile syntax, shell, quotes, escapes, odd Unicode. */
const TOKENS = [
  '\n', '\r\n', '\r', '\t', ' ', '  ', '\\', '\\\n', '`', '"', "'", '#', ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '&a', '*a', '<<: *a', '!reset',
  '!!binary', '|', '>', '|-', '---', '...', '?', '%YAML 1.2', '$', '${', '${A:-', '}', '$(', ')', '$((', '<<EOF', '<<-EOF', 'EOF', '<<<', '|',
  '&&', '||', ';', '>', '2>&1', 'FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'ONBUILD ', 'HEALTHCHECK ', 'USER ', 'WORKDIR ', 'EXPOSE ',
  'CMD ', 'ENTRYPOINT ', 'SHELL ', '# escape=`', '# syntax=docker/dockerfile:1', '--from=', '--mount=type=secret,id=x', 'AS ', 'scratch',
  'services:', 'image:', 'build:', 'context:', 'dockerfile:', 'environment:', 'volumes:', 'ports:', 'depends_on:', 'include:', 'extends:',
  'x-', '.', '..', '../', '/', '*', '**', '!', '\0', '\u00a0', '\ufeff', '\u2028', '\ud83d\ude00', '\ud800', '0', '-1', '99999999999999999999',
  'true', 'null', '~', '=', '@', '<img src=x>', 'password', 'PASSWORD=', 'TOKEN=',
];

/** Text made of parser-relevant tokens and random characters. */
export const tokenText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) }), { maxLength }).map((parts) => parts.join(''));

/** Any string: ASCII, full Unicode (lone surrogates included), or parser tokens. */
export const anyText = (): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200, unit: 'binary' }), tokenText(), fc.string({ maxLength: 200, unit: fc.constantFrom('[', '{', ']', '}', '-', ' ', '\n', ':', 'a', '&', '*', '"', "'", '\\', '`', '$') }));

/** Random bytes, sometimes starting with a BOM. */
export const anyBytes = (): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 600 })).map(([bom, rest]) => new Uint8Array([...bom, ...rest]));

type Mutation = { op: 'insert'; at: number; text: string } | { op: 'delete'; at: number; length: number } | { op: 'duplicate'; at: number; length: number } | { op: 'swapLines'; a: number; b: number } | { op: 'truncate'; at: number } | { op: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: tokenText(6) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, m: Mutation): string {
  const at = (n: number) => (text.length ? n % (text.length + 1) : 0);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'duplicate':
      return text.slice(0, at(m.at) + m.length) + text.slice(at(m.at), at(m.at) + m.length) + text.slice(at(m.at) + m.length);
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

/** A real file with 1–8 mutations. */
export const mutated = (texts: string[]): fc.Arbitrary<string> =>
  texts.length ? fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, ms]) => ms.reduce(apply, text)) : anyText();
