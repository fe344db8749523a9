// Applies line-replacement fixes to a text (tests prove each fix clears its finding; a future --fix uses it).
import type { Fix, Range } from './types.js';

/** Applies non-overlapping fixes bottom-up; a fix overlapping one already applied is skipped. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const lines = text.split('\n');
  let applied = 0;
  let floor = Infinity;
  for (const fix of [...fixes].sort((a, b) => b.line - a.line || b.endLine - a.endLine)) {
    if (fix.endLine >= floor || fix.line < 1 || fix.endLine > lines.length || fix.endLine < fix.line) continue;
    const replacement = fix.replacement === '' ? [] : fix.replacement.split('\n');
    lines.splice(fix.line - 1, fix.endLine - fix.line + 1, ...replacement);
    floor = fix.line;
    applied++;
  }
  return { text: lines.join('\n'), applied };
}

/**
 * A fix that rewrites parts of lines, each edit given by a single-line range from the parser; everything else on the
 * touched lines (indentation, continuations, comments) stays byte-identical. Null when there is nothing to do or an
 * edit spans lines.
 */
export function replaceRanges(lines: string[], edits: { range: Range; text: string }[]): Fix | null {
  if (!edits.length || edits.some((e) => e.range.line !== e.range.endLine)) return null;
  const first = Math.min(...edits.map((e) => e.range.line));
  const last = Math.max(...edits.map((e) => e.range.line));
  const out = lines.slice(first - 1, last);
  // Right to left within a line, so earlier columns stay valid.
  for (const { range, text } of [...edits].sort((a, b) => a.range.line - b.range.line || b.range.column - a.range.column)) {
    const i = range.line - first;
    out[i] = out[i].slice(0, range.column - 1) + text + out[i].slice(range.endColumn - 1);
  }
  return { line: first, endLine: last, replacement: out.join('\n') };
}

/**
 * Fixes for findings whose edits may share a line: each one rewrites its line with every edit on that line, so
 * applying any of them (the others then overlap and are skipped) fixes them all. Aligned with `edits`.
 */
export function lineFixes(lines: string[], edits: ({ range: Range; text: string } | null)[]): (Fix | null)[] {
  return edits.map((edit) => (edit ? replaceRanges(lines, edits.filter((e): e is { range: Range; text: string } => e !== null && e.range.line === edit.range.line)) : null));
}
