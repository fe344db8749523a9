// Diff mode: which findings a pull request's change is responsible for, and where to say so.
import type { Finding } from '../engine/types.js';
import { touchesChange, type ChangeSet } from './diff.js';

/**
 * Keeps the findings on changed lines (and file-level findings of changed files). A cross-file finding whose own
 * line did not change but one of whose `related` lines did (a `.dockerignore` pattern that now excludes a file a COPY
 * needs, a Dockerfile stage a compose target names) is moved onto that changed line — the change that caused it —
 * with its original place listed first among its related locations. Its fingerprint is kept, so comments converge.
 */
export function findingsOfChange(findings: Finding[], changes: ChangeSet, lineText: (path: string, line: number) => string | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const change = changes.get(f.path);
    if (change !== undefined && (f.scope === 'file' || touchesChange(change, f.line, f.endLine))) {
      out.push(f);
      continue;
    }
    const cause = f.related.find((r) => {
      const c = changes.get(r.path);
      return c !== undefined && touchesChange(c, r.line, r.line);
    });
    if (!cause) continue;
    const text = lineText(cause.path, cause.line) ?? '';
    const indent = text.length - text.trimStart().length;
    out.push({
      ...f,
      path: cause.path,
      line: cause.line,
      endLine: cause.line,
      column: indent + 1,
      endColumn: Math.max(indent + 1, text.trimEnd().length + 1),
      message: `${f.message} (caused by this change: ${cause.message})`,
      // A fix edits the original file, not this one.
      fix: null,
      related: [{ path: f.path, line: f.line, message: 'reported here' }, ...f.related.filter((r) => r !== cause)],
      scope: 'line',
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
}
