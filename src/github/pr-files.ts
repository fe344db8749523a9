// What a pull request (or a pushed range) changed, file by file: added lines and hunks on the new side (RIGHT), deleted
// lines and hunks on the old side (LEFT). Hunks are where GitHub accepts inline comments.
import { git } from '../changes/git.js';
import type { FileChange } from '../changes/diff.js';
import type { Workspace } from '../workspace/workspace.js';
import type { GitHub } from './client.js';
import { lineChanges } from './line-diff.js';

/** Inclusive range of 1-based line numbers. */
export interface LineRange {
  start: number;
  end: number;
}

export type DiffStatus = 'added' | 'removed' | 'modified' | 'renamed';

export interface DiffFile {
  /** Path in the new version (for removed files: the removed path). */
  path: string;
  status: DiffStatus;
  /** Path in the old version when it differs (renames). */
  previousPath: string | null;
  added: Set<number>;
  /** New-side line ranges of the hunks: the only lines an inline comment (side RIGHT) may sit on. */
  hunks: LineRange[];
  deleted: Set<number>;
  leftHunks: LineRange[];
  /** False when GitHub (or git) gave no patch: binary, or too large. No inline comments then. */
  hasPatch: boolean;
  /** Every line counts as changed (no patch and no way to compare contents). */
  allLinesAdded: boolean;
}

/** Keyed by `path`. */
export type DiffSet = Map<string, DiffFile>;

/** The PR files API lists at most this many files. */
export const MAX_PR_FILES = 3000;

/** A file entry as `GET /pulls/{n}/files` and `GET /compare/{base}...{head}` return it. */
export interface ApiFile {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string;
}

export async function listPullFiles(gh: GitHub, params: { owner: string; repo: string; number: number }): Promise<{ files: ApiFile[]; truncated: boolean }> {
  const files: ApiFile[] = [];
  for await (const page of gh.paginate.iterator('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number,
    per_page: 100,
  })) {
    files.push(...(page.data as ApiFile[]));
    if (files.length >= MAX_PR_FILES) break;
  }
  return { files: files.slice(0, MAX_PR_FILES), truncated: files.length >= MAX_PR_FILES };
}

/**
 * The commit a pull request's diff starts from: the merge base of its base and head (GitHub's three-dot diff), not the
 * base branch's tip, which may have moved on since the branch was cut. From the local clone when it has both commits,
 * else from the compare API (`merge_base_commit`).
 */
export async function mergeBase(gh: GitHub, params: { owner: string; repo: string; base: string; head: string; root: string; local: boolean }): Promise<string> {
  if (params.local) {
    try {
      const sha = git(params.root, ['merge-base', params.base, params.head]).trim();
      if (sha) return sha;
    } catch {
      // A shallow clone may lack the history: ask GitHub.
    }
  }
  const { data } = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: params.owner,
    repo: params.repo,
    basehead: `${params.base}...${params.head}`,
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}

/** The files a push changed, through the compare API (used when the `before` commit is not in the local clone). */
export async function compareFiles(gh: GitHub, params: { owner: string; repo: string; base: string; head: string }): Promise<ApiFile[]> {
  const { data } = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: params.owner,
    repo: params.repo,
    basehead: `${params.base}...${params.head}`,
    per_page: 100,
  });
  return (data.files ?? []) as ApiFile[];
}

export function diffFromApiFiles(files: ApiFile[]): DiffSet {
  const diff: DiffSet = new Map();
  for (const f of files) {
    if (f.status === 'unchanged') continue;
    // copied: a new file (its source still exists); changed: mode or content change.
    const status: DiffStatus = f.status === 'added' || f.status === 'copied' ? 'added' : f.status === 'removed' ? 'removed' : f.status === 'renamed' ? 'renamed' : 'modified';
    const parsed = f.patch !== undefined && f.patch !== null ? parsePatch(f.patch) : null;
    diff.set(f.filename, {
      path: f.filename,
      status,
      previousPath: status === 'renamed' && f.previous_filename ? f.previous_filename : null,
      ...(parsed ?? emptyLines()),
      // A pure rename or a mode change has an empty patch: nothing changed inside, and nothing to compare.
      hasPatch: parsed !== null,
      allLinesAdded: parsed === null && status === 'added',
    });
  }
  return diff;
}

function emptyLines(): Pick<DiffFile, 'added' | 'hunks' | 'deleted' | 'leftHunks'> {
  return { added: new Set(), hunks: [], deleted: new Set(), leftHunks: [] };
}

/** Parses the hunks of one file's patch (what the API's `patch` field holds: no file headers). */
export function parsePatch(patch: string): Pick<DiffFile, 'added' | 'hunks' | 'deleted' | 'leftHunks'> {
  const out = emptyLines();
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[3]);
      const oldCount = header[2] === undefined ? 1 : Number(header[2]);
      const newCount = header[4] === undefined ? 1 : Number(header[4]);
      if (newCount > 0) out.hunks.push({ start: newLine, end: newLine + newCount - 1 });
      if (oldCount > 0) out.leftHunks.push({ start: oldLine, end: oldLine + oldCount - 1 });
      // A side with zero lines starts "after" line N: the next line is N+1 only when N counts.
      if (oldCount === 0) oldLine++;
      if (newCount === 0) newLine++;
      inHunk = true;
    } else if (!inHunk) {
      continue;
    } else if (line.startsWith('+')) {
      out.added.add(newLine++);
    } else if (line.startsWith('-')) {
      out.deleted.add(oldLine++);
    } else if (line.startsWith(' ') || line === '') {
      // An empty line inside a hunk is a context line whose trailing space was stripped.
      oldLine++;
      newLine++;
    }
    // "\ No newline at end of file" counts for neither side.
  }
  return out;
}

/** Whether `line` lies on the new side of a hunk (a valid RIGHT-side comment line). */
export function hunkOf(file: DiffFile, line: number): LineRange | null {
  return file.hunks.find((h) => line >= h.start && line <= h.end) ?? null;
}

/**
 * GitHub omits the patch of binary files and very large diffs: compare the two versions ourselves, so findings on
 * changed lines are still told from old ones. Only `paths` (the files the review read) are compared.
 */
export async function fillMissingPatches(diff: DiffSet, paths: Set<string>, base: Workspace | null, head: Workspace): Promise<string[]> {
  const notes: string[] = [];
  for (const file of diff.values()) {
    if (file.hasPatch || file.status === 'removed' || file.status === 'added' || !paths.has(file.path)) continue;
    const after = await head.read(file.path);
    const before = base ? await base.read(file.previousPath ?? file.path) : null;
    const changes = after.ok && before?.ok ? lineChanges(before.text, after.text) : null;
    if (changes) {
      file.added = changes.added;
      file.deleted = changes.deleted;
    } else {
      file.allLinesAdded = true;
    }
    notes.push(`${file.path}: GitHub gave no diff for this file; ${changes ? 'changed lines were found by comparing both versions' : 'every line counts as changed'}, and it gets no inline comments`);
  }
  return notes;
}

/** The same shape as the local `--diff` mode uses, for `touchesChange`. */
export function asFileChange(file: DiffFile): FileChange {
  return { path: file.path, status: file.status, previousPath: file.previousPath, addedLines: file.added, allLinesAdded: file.allLinesAdded };
}

/** `git diff before after` in the local clone, parsed into the same DiffSet (push events with both commits present). */
export function diffFromGit(root: string, before: string, after: string): DiffSet {
  const text = git(root, ['diff', '--no-color', '--no-ext-diff', '--find-renames', '--unified=3', before, after, '--']);
  return parseGitDiff(text);
}

/** Parses multi-file `git diff` output (with `diff --git` headers). */
export function parseGitDiff(text: string): DiffSet {
  const diff: DiffSet = new Map();
  const sections = text.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
  for (const section of sections) {
    const lines = section.split('\n');
    let oldPath: string | null = null;
    let newPath: string | null = null;
    let status: DiffStatus = 'modified';
    let binary = false;
    const hunkStart = lines.findIndex((l) => l.startsWith('@@'));
    const headerLines = hunkStart < 0 ? lines : lines.slice(0, hunkStart);
    for (const line of headerLines) {
      if (line.startsWith('new file mode')) status = 'added';
      else if (line.startsWith('deleted file mode')) status = 'removed';
      else if (line.startsWith('rename from ')) (oldPath = unquote(line.slice(12))), (status = 'renamed');
      else if (line.startsWith('rename to ')) newPath = unquote(line.slice(10));
      else if (line.startsWith('--- ')) oldPath = stripSide(line.slice(4)) ?? oldPath;
      else if (line.startsWith('+++ ')) newPath = stripSide(line.slice(4)) ?? newPath;
      else if (line.startsWith('Binary files ')) binary = true;
    }
    if (!oldPath && !newPath) {
      // No ---/+++ (mode change, binary): take the paths from the first line.
      const m = /^diff --git (?:"?a\/)(.+?)"? (?:"?b\/)(.+?)"?$/.exec(lines[0]);
      if (m) (oldPath = m[1]), (newPath = m[2]);
    }
    const path = status === 'removed' ? oldPath : newPath ?? oldPath;
    if (!path) continue;
    const parsed = hunkStart >= 0 ? parsePatch(lines.slice(hunkStart).join('\n')) : emptyLines();
    diff.set(path, {
      path,
      status,
      previousPath: status === 'renamed' ? oldPath : null,
      ...parsed,
      hasPatch: !binary,
      allLinesAdded: binary && status === 'added',
    });
  }
  return diff;
}

function stripSide(p: string): string | null {
  const raw = unquote(p.replace(/\t.*$/, ''));
  if (raw === '/dev/null') return null;
  return raw.replace(/^[ab]\//, '');
}

function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  try {
    return JSON.parse(p) as string;
  } catch {
    return p.slice(1, -1);
  }
}
