// Where to read a commit from, cheapest first: the checkout on disk, git objects in the local clone, the REST API.
import { git } from '../changes/git.js';
import { DiskWorkspace, type Workspace } from '../workspace/workspace.js';
import { GitTreeWorkspace } from '../workspace/git.js';
import { ApiTreeWorkspace, type BlobCache } from './api-workspace.js';
import type { GitHub } from './client.js';

export type WorkspaceSource = 'checkout' | 'git' | 'api';

export interface CommitWorkspace {
  workspace: Workspace;
  source: WorkspaceSource;
  /** Something the user should know (e.g. a truncated tree). */
  notice: string | null;
}

/** The commit checked out in `root`, or null when root is no git checkout (or git is unavailable). */
export function checkedOutCommit(root: string): string | null {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).trim() || null;
  } catch {
    return null;
  }
}

/** Whether the local clone has the commit's objects (`git cat-file -e`). Shallow clones often do not. */
export function hasLocalCommit(root: string, sha: string): boolean {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return false;
  try {
    git(root, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

export interface WorkspaceOptions {
  root: string;
  sha: string;
  gh: GitHub;
  owner: string;
  repo: string;
  /** Accept the working tree when it is a checkout of `sha` (the head); never for a base commit. */
  allowCheckout: boolean;
  /** Shared between the head and base API workspaces of a run. */
  blobCache?: BlobCache;
}

export async function workspaceAt(options: WorkspaceOptions): Promise<CommitWorkspace> {
  const { root, sha } = options;
  if (options.allowCheckout && checkedOutCommit(root)?.toLowerCase() === sha.toLowerCase()) {
    return { workspace: new DiskWorkspace(root), source: 'checkout', notice: null };
  }
  if (hasLocalCommit(root, sha)) {
    try {
      return { workspace: readFailuresAsUnread(new GitTreeWorkspace(root, sha)), source: 'git', notice: null };
    } catch {
      // Objects present but unreadable (e.g. a partial clone): the API still has them.
    }
  }
  const api = await ApiTreeWorkspace.load(options.gh, { owner: options.owner, repo: options.repo, sha, root, cache: options.blobCache });
  const notice = api.truncated ? `GitHub truncated the file tree of ${sha.slice(0, 7)} (too many files): some files may not have been reviewed; check out the repository to review it all` : null;
  return { workspace: api, source: 'api', notice };
}

/** In a partial clone a blob may be missing and `git cat-file` fails: that file is unread, the review goes on. */
function readFailuresAsUnread(ws: Workspace): Workspace {
  return {
    root: ws.root,
    read: (p) => ws.read(p).catch((error: unknown) => ({ ok: false as const, reason: `cannot be read from git (${(error as Error).message.split('\n')[0]})` })),
    exists: (p) => ws.exists(p),
    list: (p) => ws.list(p),
  };
}
