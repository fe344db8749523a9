// The seed reviews' findings, reproduced: each fixture under __tests__/fixtures/seeds/<seed> rebuilds the files a seed
// review judged (/work/shared/seeds/<seed>.txt), and each test runs the whole review on it (every rule, the default
// configuration, the files read from disk) and checks the finding the seed reported: rule, file, line and priority.
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { defaultConfig } from '../../src/engine/config.js';
import type { Finding, Priority } from '../../src/engine/types.js';
import { review, type ReviewResult } from '../../src/review.js';
import { DiskWorkspace } from '../../src/workspace/workspace.js';

const FIXTURES = path.join(process.cwd(), '__tests__', 'fixtures', 'seeds');
const reviews = new Map<string, Promise<ReviewResult>>();

/** The full review of a seed's fixture project (computed once per seed). */
export function reviewSeed(seed: string): Promise<ReviewResult> {
  let result = reviews.get(seed);
  if (!result) {
    const root = path.join(FIXTURES, seed);
    result = review({ workspace: new DiskWorkspace(root), paths: ['.'], config: defaultConfig(allRules), rules: allRules });
    reviews.set(seed, result);
  }
  return result;
}

export interface Expected {
  rule: string;
  path: string;
  line: number;
  priority: Priority;
  /** A substring the message must contain. */
  message?: string;
}

function show(f: Finding): string {
  return `${f.ruleId} ${f.path}:${f.line} ${f.priority}: ${f.message.slice(0, 120)}`;
}

/** The review has the finding (rule, file, line, priority); returns it. */
export async function expectFinding(seed: string, expected: Expected): Promise<Finding> {
  const { findings, notices } = await reviewSeed(seed);
  expect(notices.filter((n) => /failed on/.test(n))).toEqual([]);
  const found = findings.find((f) => f.ruleId === expected.rule && f.path === expected.path && f.line === expected.line);
  if (!found) {
    const same = findings.filter((f) => f.ruleId === expected.rule || f.path === expected.path).map(show);
    throw new Error(`no ${expected.rule} finding at ${expected.path}:${expected.line}; near candidates:\n${same.join('\n')}`);
  }
  expect(found.priority).toBe(expected.priority);
  if (expected.message) expect(found.message).toContain(expected.message);
  return found;
}

/** The review has no finding of `rule` (in `file`, when given). */
export async function expectNoFinding(seed: string, rule: string, file?: string): Promise<void> {
  const { findings } = await reviewSeed(seed);
  expect(findings.filter((f) => f.ruleId === rule && (file === undefined || f.path === file)).map(show)).toEqual([]);
}
