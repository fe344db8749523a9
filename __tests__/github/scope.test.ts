import type { Finding } from '../../src/engine/types.js';
import { diffFromApiFiles } from '../../src/github/pr-files.js';
import { scopeChange, type FilterMode } from '../../src/github/scope.js';
import type { ReviewResult } from '../../src/review.js';
import { countByPriority, gradeOf, scoreOf } from '../../src/score/score.js';
import { finding } from './findings.js';

function result(findings: Finding[], paths: string[]): ReviewResult {
  const counts = countByPriority(findings);
  const score = scoreOf(counts);
  return {
    score,
    grade: gradeOf(score),
    counts,
    findings,
    files: paths.map((p) => ({ path: p, kind: 'dockerfile', score: 100, grade: 'A+', counts: countByPriority([]), reviewed: true })),
    strengths: ['something good'],
    rules: [],
    notices: [],
    changedFiles: null,
  };
}

// Dockerfile: line 2 replaced (old 2 → new 2), line 3 added; hunk covers new 1-4, old 1-3.
const diff = () =>
  diffFromApiFiles([
    { filename: 'Dockerfile', status: 'modified', patch: '@@ -1,3 +1,4 @@\n FROM a\n-RUN old\n+RUN new\n+USER root\n CMD x' },
    { filename: 'new/Dockerfile', status: 'renamed', previous_filename: 'old/Dockerfile', patch: '@@ -1,1 +1,2 @@\n FROM b\n+RUN y' },
    { filename: 'gone/Dockerfile', status: 'removed', patch: '@@ -1 +0,0 @@\n-FROM z' },
    { filename: '.dockerignore', status: 'modified', patch: '@@ -1 +1 @@\n-.env\n+node_modules' },
  ]);

const onAdded = finding({ path: 'Dockerfile', line: 3, ruleId: 'user-root', fingerprint: 'f-added' });
const onContext = finding({ path: 'Dockerfile', line: 4, ruleId: 'ctx', priority: 'low', fingerprint: 'f-context' });
const fileLevel = finding({ path: 'Dockerfile', line: 1, ruleId: 'healthcheck', priority: 'medium', scope: 'file', fingerprint: 'f-file' });
const farAway = finding({ path: 'Dockerfile', line: 40, ruleId: 'far', priority: 'low', fingerprint: 'f-far' });
const untouched = finding({ path: 'other/Dockerfile', line: 2, ruleId: 'old', fingerprint: 'f-untouched' });
// Caused by the .dockerignore change: a new finding in a file the PR did not touch.
const caused = finding({ path: 'app/Dockerfile', line: 5, ruleId: 'copy-secrets', priority: 'critical', fingerprint: 'f-caused' });
const renamed = finding({ path: 'new/Dockerfile', line: 1, ruleId: 'pin', message: 'Pin the image in `new/Dockerfile`.', fingerprint: 'f-renamed-head' });

const HEAD = [onAdded, onContext, fileLevel, farAway, untouched, caused, renamed];
const BASE = [
  finding({ path: 'Dockerfile', line: 2, ruleId: 'apt', priority: 'medium', fingerprint: 'f-fixed' }),
  { ...onContext, line: 3 },
  fileLevel,
  { ...farAway, line: 39 },
  untouched,
  finding({ path: 'old/Dockerfile', line: 1, ruleId: 'pin', message: 'Pin the image in `old/Dockerfile`.', fingerprint: 'f-renamed-base' }),
  finding({ path: 'gone/Dockerfile', line: 1, ruleId: 'removed', priority: 'low', fingerprint: 'f-gone' }),
];

const scope = (mode: FilterMode, base: Finding[] | null = BASE) =>
  scopeChange({ head: result(HEAD, ['Dockerfile', 'other/Dockerfile', 'app/Dockerfile', 'new/Dockerfile', '.dockerignore']), base: base && result(base, []), diff: diff(), mode });

const ids = (fs: Finding[]) => fs.map((f) => f.fingerprint).sort();

describe('scopeChange', () => {
  it('added: findings on added lines, file-level findings of changed files, and what the change caused elsewhere', () => {
    const s = scope('added');
    expect(ids(s.result.findings)).toEqual(['f-added', 'f-caused', 'f-file'].sort());
    expect(ids(s.newFindings)).toEqual(['f-added', 'f-caused']);
    expect(s.result.strengths).toEqual([]);
    expect(s.result.changedFiles).toEqual(['.dockerignore', 'Dockerfile', 'new/Dockerfile']);
    expect(s.result.files.map((f) => f.path)).toEqual(['Dockerfile', 'app/Dockerfile', 'new/Dockerfile', '.dockerignore']);
    // Base side: the replaced line's finding and the file-level one; the removed file's findings are fixed too.
    expect(ids(s.fixedFindings)).toEqual(['f-fixed', 'f-gone']);
    expect(s.base!.counts).toEqual({ critical: 0, high: 0, medium: 2, low: 1 });
    expect(s.result.counts).toEqual({ critical: 1, high: 1, medium: 1, low: 0 });
  });

  it('diff_context: any line of the hunks', () => {
    expect(ids(scope('diff_context').result.findings)).toEqual(['f-added', 'f-caused', 'f-context', 'f-file', 'f-renamed-head'].sort());
  });

  it('file: anywhere in changed files; nofilter: everything', () => {
    expect(ids(scope('file').result.findings)).toEqual(['f-added', 'f-caused', 'f-context', 'f-far', 'f-file', 'f-renamed-head'].sort());
    expect(scope('nofilter').result.findings).toHaveLength(HEAD.length);
    expect(scope('nofilter').result.strengths).toEqual(['something good']);
  });

  it('a finding carried over by a rename is not new', () => {
    const s = scope('file');
    expect(s.isNew(renamed)).toBe(false);
    expect(ids(s.fixedFindings)).not.toContain('f-renamed-base');
  });

  it('without a base every finding in scope counts as new; caused findings are found through `related`', () => {
    const s = scope('added', null);
    expect(s.base).toBeNull();
    expect(ids(s.newFindings)).toEqual(['f-added', 'f-file']);
    const withRelated = scopeChange({
      head: result([{ ...caused, related: [{ path: '.dockerignore', line: 1, message: 'no longer ignores .env' }] }], []),
      base: null,
      diff: diff(),
      mode: 'added',
    });
    expect(ids(withRelated.result.findings)).toEqual(['f-caused']);
  });
});
