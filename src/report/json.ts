// The JSON contract (version 1), documented in docs/json-format.md. Other tools consume it: keep it stable.
import type { ReviewResult } from '../review.js';
import { redactResult } from './secrets.js';

export const JSON_FORMAT_VERSION = 1;

export function renderJson(review: ReviewResult, pathOf: (p: string) => string = (p) => p): string {
  const result = redactResult(review);
  const doc = {
    version: JSON_FORMAT_VERSION,
    score: result.score,
    grade: result.grade,
    counts: result.counts,
    files: result.files.map((f) => ({ path: pathOf(f.path), kind: f.kind, score: f.score, grade: f.grade, counts: f.counts, reviewed: f.reviewed })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      priority: f.priority,
      category: f.category,
      path: pathOf(f.path),
      line: f.line,
      endLine: f.endLine,
      column: f.column,
      endColumn: f.endColumn,
      message: f.message,
      hint: f.hint,
      equivalents: f.equivalents,
      fingerprint: f.fingerprint,
      fix: f.fix,
      related: f.related.map((r) => ({ ...r, path: pathOf(r.path) })),
    })),
    strengths: result.strengths,
    notices: result.notices,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
