// GitHub-style `patch` text (hunks only, no file headers) computed with the `diff` library, and the line maps a
// review comment is checked against.
import { diffLines, structuredPatch } from 'diff';

function range(start: number, count: number): string {
  // As git prints it: an empty side starts at the line before; a count of 1 is left out.
  const from = count === 0 ? start - 1 : start;
  return count === 1 ? `${from}` : `${from},${count}`;
}

/** The unified diff GitHub returns as `patch` for a file (3 lines of context); '' when nothing changed. */
export function githubPatch(oldText: string, newText: string): string {
  const { hunks } = structuredPatch('a', 'b', oldText, newText, '', '', { context: 3 });
  return hunks
    .map((h) => [`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`, ...h.lines].join('\n'))
    .join('\n');
}

export interface PatchLines {
  /** new-file line → index of the hunk holding it (added or context lines). */
  right: Map<number, number>;
  /** old-file line → hunk index (removed or context lines). */
  left: Map<number, number>;
  /** new-file lines that were added. */
  added: Set<number>;
  /** 1-based diff position (the deprecated `position`) → the diff line there (header positions are absent). */
  positions: Map<number, { kind: '+' | '-' | ' '; oldLine: number | null; newLine: number | null }>;
  additions: number;
  deletions: number;
}

/** Reads a patch the way GitHub anchors review comments on it. */
export function patchLines(patch: string | undefined): PatchLines {
  const out: PatchLines = { right: new Map(), left: new Map(), added: new Set(), positions: new Map(), additions: 0, deletions: 0 };
  if (!patch) return out;
  let hunk = -1;
  let oldLine = 0;
  let newLine = 0;
  let position = 0;
  for (const line of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      hunk++;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      // The first hunk header is not a position; later headers are.
      if (hunk > 0) position++;
      continue;
    }
    if (hunk < 0) continue;
    position++;
    if (line.startsWith('+')) {
      out.right.set(newLine, hunk);
      out.added.add(newLine);
      out.positions.set(position, { kind: '+', oldLine: null, newLine });
      newLine++;
      out.additions++;
    } else if (line.startsWith('-')) {
      out.left.set(oldLine, hunk);
      out.positions.set(position, { kind: '-', oldLine, newLine: null });
      oldLine++;
      out.deletions++;
    } else if (line.startsWith(' ')) {
      out.right.set(newLine, hunk);
      out.left.set(oldLine, hunk);
      out.positions.set(position, { kind: ' ', oldLine, newLine });
      newLine++;
      oldLine++;
    }
    // "\ No newline at end of file" takes a position but no line.
  }
  return out;
}

/** The hunk text GitHub returns as a comment's `diff_hunk`: the hunk up to and including the commented line. */
export function diffHunk(patch: string, side: 'LEFT' | 'RIGHT', line: number): string {
  const lines = patch.split('\n');
  let start = 0;
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (header) {
      start = i;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      continue;
    }
    const isAdd = l.startsWith('+');
    const isDel = l.startsWith('-');
    const hit = side === 'RIGHT' ? !isDel && newLine === line : !isAdd && oldLine === line;
    if (hit && !l.startsWith('\\')) return lines.slice(start, i + 1).join('\n');
    if (!isDel && !l.startsWith('\\')) newLine++;
    if (!isAdd && !l.startsWith('\\')) oldLine++;
  }
  return '';
}

/**
 * Where line `line` of `oldText` is in `newText`, or null when that line was changed or removed (GitHub then
 * shows the comment as outdated).
 */
export function mapLine(oldText: string, newText: string, line: number): number | null {
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(oldText, newText)) {
    const n = part.count ?? 0;
    if (part.added) {
      newLine += n;
    } else if (part.removed) {
      if (line >= oldLine && line < oldLine + n) return null;
      oldLine += n;
    } else {
      if (line >= oldLine && line < oldLine + n) return newLine + (line - oldLine);
      oldLine += n;
      newLine += n;
    }
  }
  return null;
}

/** The deprecated diff `position` of a line on one side, or null when the diff does not show it. */
export function positionOf(lines: PatchLines, side: 'LEFT' | 'RIGHT', line: number): number | null {
  for (const [position, at] of lines.positions) {
    if (side === 'RIGHT' ? at.newLine === line : at.oldLine === line) return position;
  }
  return null;
}
