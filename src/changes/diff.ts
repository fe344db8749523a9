// Unified diffs → which lines of which files changed (the same shape for local git and PR patches).

export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previousPath: string | null;
  /** New-side line numbers that were added or changed. */
  addedLines: Set<number>;
  /** Every line counts as changed (untracked files, or a patch GitHub omitted). */
  allLinesAdded?: boolean;
}

/** Whether a finding spanning `line`..`endLine` touches a changed line. */
export function touchesChange(change: FileChange, line: number, endLine: number): boolean {
  if (change.allLinesAdded) return true;
  for (let l = line; l <= Math.max(line, endLine); l++) if (change.addedLines.has(l)) return true;
  return false;
}

export type ChangeSet = Map<string, FileChange>;

/** Parses `git diff --unified=0 --no-color` output (or a concatenation of per-file patches with headers). */
export function parseUnifiedDiff(diff: string): ChangeSet {
  const changes: ChangeSet = new Map();
  let current: FileChange | null = null;
  let oldPath: string | null = null;
  let newLine = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null;
      oldPath = null;
    } else if (line.startsWith('--- ')) {
      oldPath = stripPrefix(line.slice(4));
    } else if (line.startsWith('+++ ')) {
      const newPath = stripPrefix(line.slice(4));
      const path = newPath ?? oldPath;
      if (!path) continue;
      const status = newPath === null ? 'removed' : oldPath === null ? 'added' : oldPath !== newPath ? 'renamed' : 'modified';
      current = { path, status, previousPath: status === 'renamed' ? oldPath : null, addedLines: new Set() };
      changes.set(path, current);
    } else if (line.startsWith('rename from ')) {
      oldPath = line.slice('rename from '.length);
    } else if (line.startsWith('rename to ') && oldPath) {
      // A pure rename has no ---/+++ lines.
      const path = line.slice('rename to '.length);
      current = { path, status: 'renamed', previousPath: oldPath, addedLines: new Set() };
      changes.set(path, current);
    } else if (line.startsWith('@@')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      if (m) newLine = Number(m[1]);
    } else if (current && line.startsWith('+')) {
      current.addedLines.add(newLine++);
    } else if (current && line.startsWith(' ')) {
      newLine++;
    }
  }
  return changes;
}

function stripPrefix(p: string): string | null {
  const path = p.replace(/\t.*$/, '');
  if (path === '/dev/null') return null;
  const unquoted = path.startsWith('"') ? JSON.parse(path) as string : path;
  return unquoted.replace(/^[ab]\//, '');
}
