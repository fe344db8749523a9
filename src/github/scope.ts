// What a change is judged on: the head's findings kept by the filter mode (reviewdog's added | diff_context | file |
// nofilter), the findings the change caused in files it did not touch, which of them are new compared with the base
// commit, which base findings it fixed, and the base → head score of the same scope.
import { touchesChange } from '../changes/diff.js';
import { PRIORITIES, type Finding } from '../engine/types.js';
import type { ReviewedFile, ReviewResult } from '../review.js';
import { countByPriority, gradeOf, scoreOf, type Counts } from '../score/score.js';
import { asFileChange, type DiffFile, type DiffSet, type LineRange } from './pr-files.js';

export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];

export interface ScopeInput {
  head: ReviewResult;
  /** The same review of the base commit, or null when it could not be read. */
  base: ReviewResult | null;
  diff: DiffSet;
  mode: FilterMode;
}

export interface ChangeReview {
  /** The head review restricted to this change (findings, files, score and counts of the scope). */
  result: ReviewResult;
  /** Score of the same scope at the base commit (the findings on the lines the change replaced). */
  base: { score: number; grade: string; counts: Counts } | null;
  /** Findings of `result` that the base commit does not have (all of them when the base is unknown). */
  newFindings: Finding[];
  /** Base findings in scope that the head no longer has. */
  fixedFindings: Finding[];
  isNew(finding: Finding): boolean;
}

export function scopeChange({ head, base, diff, mode }: ScopeInput): ChangeReview {
  const renamedFrom = new Map<string, DiffFile>();
  for (const file of diff.values()) if (file.previousPath) renamedFrom.set(file.previousPath, file);

  const inBase = base ? matcher(base.findings, 'base', renamedFrom) : null;
  const inHead = matcher(head.findings, 'head', renamedFrom);
  const isNew = (f: Finding) => (inBase ? !inBase(f) : true);

  const changedPaths = new Set([...diff.values()].filter((f) => f.status !== 'removed').map((f) => f.path));
  const findings = head.findings.filter((f) => {
    if (mode === 'nofilter') return true;
    const file = diff.get(f.path);
    // A file the change did not touch: only what the change caused there (a .dockerignore → its Dockerfiles, a
    // Dockerfile → the compose services building it).
    if (!file) return base ? isNew(f) : f.related.some((r) => changedPaths.has(r.path));
    return keepOnSide(f, file, mode, 'head');
  });

  let baseScope: ChangeReview['base'] = null;
  let fixedFindings: Finding[] = [];
  if (base) {
    const scoped = base.findings.filter((f) => {
      if (mode === 'nofilter') return true;
      const file = renamedFrom.get(f.path) ?? diff.get(f.path);
      if (!file || (file.previousPath && file.previousPath !== f.path)) return !inHead(f);
      if (file.status === 'added') return !inHead(f);
      return keepOnSide(f, file, mode, 'base');
    });
    const counts = countByPriority(scoped);
    const score = scoreOf(counts);
    baseScope = { score, grade: gradeOf(score), counts };
    fixedFindings = sortFindings(scoped.filter((f) => !inHead(f)));
  }

  const sorted = sortFindings(findings);
  const scopedPaths = new Set(sorted.map((f) => f.path));
  const files: ReviewedFile[] = head.files
    .filter((f) => mode === 'nofilter' || changedPaths.has(f.path) || scopedPaths.has(f.path))
    .map((f) => {
      const counts = countByPriority(sorted.filter((x) => x.path === f.path));
      const score = scoreOf(counts);
      return { ...f, counts, score, grade: gradeOf(score) };
    });
  const counts = countByPriority(sorted);
  const score = scoreOf(counts);
  return {
    result: {
      ...head,
      score,
      grade: gradeOf(score),
      counts,
      files,
      findings: sorted,
      strengths: mode === 'nofilter' ? head.strengths : [],
      changedFiles: [...changedPaths].sort(),
    },
    base: baseScope,
    newFindings: sorted.filter(isNew),
    fixedFindings,
    isNew,
  };
}

/** Whether a finding in a changed file is in scope, on the new side (head) or the old side (base). */
function keepOnSide(f: Finding, file: DiffFile, mode: FilterMode, side: 'head' | 'base'): boolean {
  if (side === 'head' && file.status === 'removed') return false;
  if (mode === 'file' || f.scope === 'file' || file.allLinesAdded) return true;
  if (side === 'base' && file.status === 'removed') return true;
  if (side === 'head') {
    if (mode === 'diff_context' && file.hasPatch) return overlaps(f, file.hunks);
    return touchesChange(asFileChange(file), f.line, f.endLine);
  }
  if (mode === 'diff_context' && file.hasPatch) return overlaps(f, file.leftHunks);
  for (let l = f.line; l <= Math.max(f.line, f.endLine); l++) if (file.deleted.has(l)) return true;
  return false;
}

function overlaps(f: Finding, ranges: LineRange[]): boolean {
  const end = Math.max(f.line, f.endLine);
  return ranges.some((r) => f.line <= r.end && end >= r.start);
}

/**
 * "Does the other side have this finding?" By fingerprint; in renamed files the fingerprint changes with the path, so
 * there the rule and the message (with the old path replaced by the new one) decide.
 */
function matcher(others: Finding[], othersSide: 'base' | 'head', renamedFrom: Map<string, DiffFile>): (f: Finding) => boolean {
  const fingerprints = new Set(others.map((f) => f.fingerprint));
  const renamedTo = new Set([...renamedFrom.values()].map((file) => file.path));
  const looseKey = (f: Finding, side: 'base' | 'head'): string | null => {
    if (side === 'base') {
      const file = renamedFrom.get(f.path);
      return file ? `${f.ruleId}\0${file.path}\0${f.message.split(f.path).join(file.path)}` : null;
    }
    return renamedTo.has(f.path) ? `${f.ruleId}\0${f.path}\0${f.message}` : null;
  };
  const loose = new Set(others.map((f) => looseKey(f, othersSide)).filter((k): k is string => k !== null));
  const side = othersSide === 'base' ? 'head' : 'base';
  return (f: Finding) => {
    if (fingerprints.has(f.fingerprint)) return true;
    const key = looseKey(f, side);
    return key !== null && loose.has(key);
  };
}

/** Most important first, then by place: the order of comments, annotations and lists. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}
