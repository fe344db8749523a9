import { findingsOfChange } from '../../src/changes/relocate.js';
import type { FileChange } from '../../src/changes/diff.js';
import type { Finding } from '../../src/engine/types.js';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'copy-ignored-file', title: 't', priority: 'critical', category: 'correctness', path: 'Dockerfile', line: 3, endLine: 3,
    column: 1, endColumn: 20, message: '`migrations/` is excluded by .dockerignore', hint: null, equivalents: {}, fingerprint: 'fp1',
    fix: { line: 3, endLine: 3, replacement: '' }, related: [], scope: 'line', ...over,
  };
}

const change = (lines: number[]): FileChange => ({ path: '', status: 'modified', previousPath: null, addedLines: new Set(lines) });

describe('findingsOfChange', () => {
  const lines: Record<string, string[]> = { '.dockerignore': ['.git', '  migrations/', 'node_modules'] };
  const text = (p: string, l: number) => lines[p]?.[l - 1];

  it('keeps findings on changed lines and drops the others', () => {
    const changes = new Map([['Dockerfile', change([3])]]);
    expect(findingsOfChange([finding({}), finding({ line: 5, endLine: 5, fingerprint: 'fp2' })], changes, text).map((f) => f.line)).toEqual([3]);
  });

  it('moves a cross-file finding onto the changed related line that caused it', () => {
    const changes = new Map([['.dockerignore', change([2])]]);
    const f = finding({ related: [{ path: '.dockerignore', line: 2, message: 'the pattern that excludes it' }] });
    const [moved] = findingsOfChange([f], changes, text);
    expect(moved).toMatchObject({ path: '.dockerignore', line: 2, column: 3, endColumn: 14, fingerprint: 'fp1', fix: null });
    expect(moved.message).toContain('caused by this change: the pattern that excludes it');
    expect(moved.related).toEqual([{ path: 'Dockerfile', line: 3, message: 'reported here' }]);
  });

  it('does not move a finding when the related file changed elsewhere', () => {
    const changes = new Map([['.dockerignore', change([3])]]);
    const f = finding({ related: [{ path: '.dockerignore', line: 2, message: 'x' }] });
    expect(findingsOfChange([f], changes, text)).toEqual([]);
  });
});
