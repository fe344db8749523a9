// Local git: the changes between two refs (or a ref and the working tree) for `--diff`.
import { execFileSync } from 'node:child_process';
import { parseUnifiedDiff, type ChangeSet } from './diff.js';

export class GitError extends Error {}

export function git(root: string, args: string[]): string {
  return gitBytes(root, args).toString('utf8');
}

export function gitBytes(root: string, args: string[], maxBuffer = 256 * 1024 * 1024): Buffer {
  try {
    return execFileSync('git', ['-C', root, '-c', 'core.quotepath=off', ...args], { maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.toString().trim();
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

export interface DiffSpec {
  base: string;
  /** null: compare with the working tree (staged, unstaged and untracked files). */
  head: string | null;
  /** `A...B`: compare B with the merge base of A and B, as a pull request does. */
  mergeBase: boolean;
}

export function parseDiffSpec(spec: string): DiffSpec {
  if (!spec || spec.startsWith('-')) throw new GitError(`invalid --diff value \`${spec}\``);
  const three = spec.split('...');
  if (three.length === 2) return { base: three[0] || 'HEAD', head: three[1] || 'HEAD', mergeBase: true };
  const two = spec.split('..');
  if (two.length === 2) return { base: two[0] || 'HEAD', head: two[1] || 'HEAD', mergeBase: false };
  return { base: spec, head: null, mergeBase: false };
}

/** Resolves a ref to a commit id; throws GitError for unknown refs. */
export function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new GitError(`invalid ref \`${ref}\``);
  return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
}

export function gitChanges(root: string, spec: DiffSpec): ChangeSet {
  let base = resolveCommit(root, spec.base);
  const head = spec.head === null ? null : resolveCommit(root, spec.head);
  if (spec.mergeBase && head) base = git(root, ['merge-base', base, head]).trim();
  const args = ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--find-renames', base];
  if (head) args.push(head);
  const changes = parseUnifiedDiff(git(root, [...args, '--']));
  if (!head) {
    // Untracked files are part of "my change" when comparing with the working tree.
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
    for (const path of untracked) changes.set(path, { path, status: 'added', previousPath: null, addedLines: new Set(), allLinesAdded: true });
  }
  return changes;
}
