// RuleTester: a rule's tests are lists of passing and failing cases with exact lines, run through the real pipeline.
import { defaultConfig } from '../../src/engine/config.js';
import { applyFixes } from '../../src/engine/fix.js';
import type { AnyRule, Rule } from '../../src/engine/rule.js';
import type { FileKind, Finding } from '../../src/engine/types.js';
import { review } from '../../src/review.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

const DEFAULT_FILE: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  dockerignore: '.dockerignore',
  nginx: 'nginx.conf',
  env: '.env',
};

/** A case: the content of the rule's default file, or a whole project (`files`) with the file under test named. */
export type Case =
  | string
  | {
      name?: string;
      code?: string;
      /** Extra or replacement files of the project, by path. */
      files?: Record<string, string>;
      /** The file whose findings are checked (default: the rule kind's default file). */
      path?: string;
    };

export interface ExpectedError {
  line: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  /** A substring (or pattern) the message must contain. */
  message?: string | RegExp;
}

export type InvalidCase = Exclude<Case, string> & {
  errors: ExpectedError[];
  /** The file's text after applying every fix; the rule must find nothing in it. */
  output?: string;
};

function project(rule: AnyRule, c: Case): { files: Record<string, string>; path: string } {
  const path = typeof c === 'string' ? DEFAULT_FILE[rule.meta.appliesTo] : c.path ?? DEFAULT_FILE[rule.meta.appliesTo];
  const files: Record<string, string> = {};
  if (typeof c === 'string') files[path] = c;
  else {
    Object.assign(files, c.files ?? {});
    if (c.code !== undefined) files[path] = c.code;
  }
  return { files, path };
}

/** Runs only `rule` (even when off by default) over the case's project; returns its findings in `path`. */
export async function findingsOf(rule: AnyRule, files: Record<string, string>, path: string): Promise<Finding[]> {
  const config = defaultConfig([rule]);
  config.rules.get(rule.meta.id)!.enabled = true;
  const result = await review({ workspace: new MemoryWorkspace(files), paths: ['.'], config, rules: [rule] });
  const unexpected = result.findings.filter((f) => f.ruleId === 'parse-error' && f.path === path);
  if (unexpected.length) throw new Error(`test input does not parse: ${unexpected.map((f) => `${f.line}: ${f.message}`).join('; ')}`);
  return result.findings.filter((f) => f.ruleId === rule.meta.id && f.path === path);
}

function label(c: Case, i: number): string {
  if (typeof c !== 'string' && c.name) return c.name;
  const text = typeof c === 'string' ? c : c.code ?? Object.values(c.files ?? {})[0] ?? '';
  return `#${i + 1}: ${text.split('\n').find((l) => l.trim() && !l.startsWith('#'))?.trim().slice(0, 60) ?? ''}`;
}

export function testRule<K extends FileKind>(rule: Rule<K>, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const anyRule = rule as unknown as AnyRule;
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(label(c, i), async () => {
          const { files, path } = project(anyRule, c);
          const findings = await findingsOf(anyRule, files, path);
          expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(label(c, i), async () => {
          const { files, path } = project(anyRule, c);
          const findings = await findingsOf(anyRule, files, path);
          expect(findings.map((f) => f.line)).toEqual(c.errors.map((e) => e.line));
          c.errors.forEach((expected, j) => {
            const f = findings[j];
            if (expected.endLine !== undefined) expect(f.endLine).toBe(expected.endLine);
            if (expected.column !== undefined) expect(f.column).toBe(expected.column);
            if (expected.endColumn !== undefined) expect(f.endColumn).toBe(expected.endColumn);
            if (typeof expected.message === 'string') expect(f.message).toContain(expected.message);
            else if (expected.message) expect(f.message).toMatch(expected.message);
            expect(f.priority).toBe(rule.meta.priority);
          });
          if (c.output !== undefined) {
            const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
            expect(fixes.length).toBeGreaterThan(0);
            const fixed = applyFixes(files[path], fixes).text;
            expect(fixed).toBe(c.output);
            const after = await findingsOf(anyRule, { ...files, [path]: fixed }, path);
            expect(after.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
          } else if (rule.meta.fixable) {
            // A fixable rule's fixes, when present, must clear the findings they belong to.
            const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
            if (fixes.length) {
              const fixed = applyFixes(files[path], fixes).text;
              const after = await findingsOf(anyRule, { ...files, [path]: fixed }, path);
              expect(after.length).toBeLessThan(findings.length);
            }
          }
        });
      });
    });
  });
}
