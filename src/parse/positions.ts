// The one place where parser positions become the 1-based ranges findings carry.
import type { LineCounter } from 'yaml';
import type { Range } from '../engine/types.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** dockerfile-ast (LSP) ranges are 0-based with an exclusive end. */
export function fromLsp(range: LspRange): Range {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** `yaml` offsets → 1-based range (end offset exclusive). */
export function fromOffsets(lineCounter: LineCounter, start: number, end: number): Range {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** A whole line (for file-level findings and line-based formats such as .dockerignore). */
export function lineRange(lines: string[], line: number): Range {
  const text = lines[line - 1] ?? '';
  return { line, column: 1, endLine: line, endColumn: text.length + 1 };
}

/** Trims a multi-line range's end that sits at column 1 of the next line back onto the previous line. */
export function tidyRange(range: Range, lines: string[]): Range {
  if (range.endLine > range.line && range.endColumn === 1) {
    const endLine = range.endLine - 1;
    return { ...range, endLine, endColumn: (lines[endLine - 1] ?? '').length + 1 };
  }
  return range;
}
