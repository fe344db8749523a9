import { applyFixes } from '../../src/engine/fix.js';
import { PRIORITIES, type Priority } from '../../src/engine/types.js';
import { atOrAbove, gradeOf, scoreOf, type Counts } from '../../src/score/score.js';

const counts = (c: Partial<Counts>): Counts => ({ critical: 0, high: 0, medium: 0, low: 0, ...c });

describe('score', () => {
  it('is 100 with nothing to report', () => expect(scoreOf(counts({}))).toBe(100));

  it('never rises when a finding is added (so fixing one never lowers it)', () => {
    for (let c = 0; c < 6; c++)
      for (let h = 0; h < 8; h++)
        for (let m = 0; m < 12; m++)
          for (let l = 0; l < 40; l += 3) {
            const base = scoreOf(counts({ critical: c, high: h, medium: m, low: l }));
            for (const p of PRIORITIES) {
              const more = counts({ critical: c, high: h, medium: m, low: l });
              more[p as Priority]++;
              expect(scoreOf(more)).toBeLessThanOrEqual(base);
            }
          }
  });

  it('many low or medium findings never outweigh one critical', () => {
    const oneCritical = scoreOf(counts({ critical: 1 }));
    expect(scoreOf(counts({ low: 10_000 }))).toBeGreaterThan(oneCritical);
    expect(scoreOf(counts({ medium: 10_000 }))).toBeGreaterThan(oneCritical);
    expect(scoreOf(counts({ low: 10_000, high: 0 }))).toBe(95);
  });

  it('grades', () => {
    expect([100, 97, 95, 90, 88, 85, 80, 78, 75, 70, 65, 10].map(gradeOf)).toEqual(['A+', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D', 'F']);
  });

  it('fail-on thresholds', () => {
    expect(atOrAbove('high', 'critical')).toBe(false);
    expect(atOrAbove('critical', 'high')).toBe(true);
    expect(atOrAbove('low', 'low')).toBe(true);
    expect(atOrAbove('critical', 'never')).toBe(false);
  });
});

describe('applyFixes', () => {
  it('replaces and deletes whole lines bottom-up; of two overlapping fixes the later one wins', () => {
    const text = 'a\nb\nc\nd\n';
    expect(applyFixes(text, [{ line: 1, endLine: 1, replacement: 'A' }, { line: 3, endLine: 4, replacement: '' }, { line: 4, endLine: 4, replacement: 'X' }])).toEqual({
      text: 'A\nb\nc\nX\n',
      applied: 2,
    });
  });
});
