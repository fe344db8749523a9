// When GitHub refuses our writes (read-only token on fork PRs, missing permissions), findings still reach the PR:
// workflow-command annotations, within what GitHub shows (10 per level per step, 50 per job), most important first.
import type { Finding, Priority } from '../engine/types.js';
import { plain } from '../report/escape.js';
import type { AnnotationLevel, Logger } from './log.js';

export const MAX_PER_LEVEL = 10;
export const MAX_TOTAL = 50;

const LEVEL: Record<Priority, AnnotationLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };

export interface FallbackResult {
  emitted: number;
  /** Findings left out by GitHub's per-step limits (they are in the job summary). */
  omitted: number;
}

/**
 * `findings` most important first. `used`: annotations of each level the step has made or will make otherwise (log
 * warnings, the final ::error:: of a failing run) — GitHub counts them against the same limits.
 */
export function emitWorkflowAnnotations(findings: Finding[], log: Logger, used: Partial<Record<AnnotationLevel, number>> = {}): FallbackResult {
  const perLevel: Record<AnnotationLevel, number> = { error: used.error ?? 0, warning: used.warning ?? 0, notice: used.notice ?? 0 };
  let emitted = 0;
  const usedTotal = perLevel.error + perLevel.warning + perLevel.notice;
  for (const f of findings) {
    const level = LEVEL[f.priority];
    if (usedTotal + emitted >= MAX_TOTAL || perLevel[level] >= MAX_PER_LEVEL) continue;
    perLevel[level]++;
    emitted++;
    const message = plain([f.message, f.hint ? `Fix: ${f.hint}` : ''].filter(Boolean).join(' '));
    log.annotate(level, message, {
      title: plain(`${f.priority}: ${f.title} (${f.ruleId})`),
      file: f.path,
      startLine: f.line,
      endLine: Math.max(f.line, f.endLine),
      ...(f.endLine <= f.line && f.column > 0 ? { startColumn: f.column, endColumn: Math.max(f.column, f.endColumn - 1) } : {}),
    });
  }
  return { emitted, omitted: findings.length - emitted };
}
