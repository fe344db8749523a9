// Applies line-replacement fixes to a text (tests prove each fix clears its finding; a future --fix uses it).
import type { Fix } from './types.js';

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
