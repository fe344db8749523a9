// What every parsed file has in common.
import type { FileKind, Range } from '../engine/types.js';

export interface SourceFile {
  /** Repository-relative path with '/'. */
  path: string;
  kind: FileKind;
  text: string;
  lines: string[];
}

/** A file that could not be parsed (or read): reported as a finding at the failing line, other files go on. */
export interface ParseProblem {
  path: string;
  message: string;
  range: Range;
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}
