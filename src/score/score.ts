// Score, grade and buckets. The formula is documented in the README ("How the score works").
import { PRIORITIES, type Finding, type Priority } from '../engine/types.js';

export type Counts = Record<Priority, number>;

/** Penalty points one finding costs before saturation, and the most a whole bucket can cost. */
export const WEIGHTS: Record<Priority, number> = { critical: 25, high: 6, medium: 2, low: 0.5 };
export const CAPS: Record<Priority, number> = { critical: 60, high: 25, medium: 12, low: 5 };

export function countByPriority(findings: Pick<Finding, 'priority'>[]): Counts {
  const counts: Counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.priority]++;
  return counts;
}

/**
 * score = 100 − Σ over buckets of CAP·(1 − e^(−n·WEIGHT/CAP)).
 * Each term grows with n and saturates at CAP, so fixing a finding never lowers the score, and all the low
 * findings together (≤ 5 points) or all the medium ones (≤ 12) never cost as much as one critical (≈ 20.5).
 */
export function scoreOf(counts: Counts): number {
  let penalty = 0;
  for (const p of PRIORITIES) penalty += CAPS[p] * (1 - Math.exp((-counts[p] * WEIGHTS[p]) / CAPS[p]));
  return Math.max(0, Math.round(100 - penalty));
}

const GRADES: [number, string][] = [
  [97, 'A+'], [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [77, 'C+'], [73, 'C'], [70, 'C-'], [60, 'D'], [0, 'F'],
];

export function gradeOf(score: number): string {
  return GRADES.find(([min]) => score >= min)![1];
}

/** Findings at or above `threshold` fail the review. */
export function atOrAbove(priority: Priority, threshold: Priority | 'never'): boolean {
  if (threshold === 'never') return false;
  return PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(threshold);
}
