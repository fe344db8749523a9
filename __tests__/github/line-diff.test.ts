import { lineChanges } from '../../src/github/line-diff.js';

/** Reference: LCS by dynamic programming; checks that the result is a minimal, valid edit script. */
function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  return dp[0][0];
}

describe('lineChanges', () => {
  it('finds added and deleted lines', () => {
    const r = lineChanges('FROM a\nRUN x\nCMD y\n', 'FROM a\nRUN z\nRUN x\nCMD y\nUSER u\n')!;
    expect([...r.added].sort()).toEqual([2, 5]);
    expect([...r.deleted]).toEqual([]);
    const d = lineChanges('a\nb\nc\n', 'a\nc\n')!;
    expect([...d.deleted]).toEqual([2]);
    expect([...d.added]).toEqual([]);
  });

  it('handles empty sides and identical texts', () => {
    expect([...lineChanges('', 'a\nb\n')!.added]).toEqual([1, 2]);
    expect([...lineChanges('a\nb\n', '')!.deleted]).toEqual([1, 2]);
    const same = lineChanges('x\ny\n', 'x\ny\n')!;
    expect(same.added.size + same.deleted.size).toBe(0);
  });

  it('gives a minimal edit script on random inputs', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand(12) }, () => 'abcd'[rand(4)]);
      const b = Array.from({ length: rand(12) }, () => 'abcd'[rand(4)]);
      const r = lineChanges(a.join('\n'), b.join('\n'))!;
      const keptA = a.filter((_, i) => !r.deleted.has(i + 1));
      const keptB = b.filter((_, i) => !r.added.has(i + 1));
      expect(keptA).toEqual(keptB);
      expect(keptA.length).toBe(lcsLength(a, b));
    }
  });

  it('gives up (null) beyond the edit budget', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`).join('\n');
    expect(lineChanges(a, b, 20)).toBeNull();
  });
});
