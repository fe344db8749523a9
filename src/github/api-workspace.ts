// A workspace read through the REST API at one commit: for runs whose GITHUB_WORKSPACE holds no checkout of the
// commit to review (the default pull_request checkout is the merge commit), and for base commits not in the clone.
// Confined like the other workspaces: regular files of the tree only (no symlinks, no submodules), a size cap.
import { decodeText } from '../workspace/decode.js';
import { DEFAULT_MAX_FILE_BYTES, normalizeRelative, type ReadResult, type Workspace } from '../workspace/workspace.js';
import { describeError, type GitHub } from './client.js';

interface TreeBlob {
  sha: string;
  size: number;
}

/** Blob contents by blob sha, shared by the workspaces of one run: a file unchanged between base and head is fetched once. */
export type BlobCache = Map<string, Promise<ReadResult>>;

export class ApiTreeWorkspace implements Workspace {
  private readonly blobs = new Map<string, TreeBlob>();
  private readonly dirs = new Set<string>(['']);
  /** GitHub cut the recursive tree short (over 100,000 entries or 7 MB): some files are missing. */
  truncated = false;

  private constructor(
    readonly root: string,
    private readonly gh: GitHub,
    private readonly repo: { owner: string; repo: string },
    readonly commit: string,
    private readonly maxFileBytes: number,
    private readonly cache: BlobCache,
  ) {}

  /** Lists the commit's whole tree in one request (`GET /git/trees/{sha}?recursive=1`). */
  static async load(
    gh: GitHub,
    params: { owner: string; repo: string; sha: string; root: string; maxFileBytes?: number; cache?: BlobCache },
  ): Promise<ApiTreeWorkspace> {
    const ws = new ApiTreeWorkspace(params.root, gh, { owner: params.owner, repo: params.repo }, params.sha, params.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, params.cache ?? new Map());
    const { data } = await gh.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner: params.owner,
      repo: params.repo,
      tree_sha: params.sha,
      recursive: '1',
    });
    ws.truncated = Boolean(data.truncated);
    for (const entry of data.tree) {
      const path = entry.path === undefined ? null : normalizeRelative(entry.path);
      if (!path || !entry.sha) continue;
      if (entry.type === 'tree') {
        ws.addDir(path);
        continue;
      }
      // Regular files only: symlinks (120000) and submodules (commit entries) are never followed.
      if (entry.type !== 'blob' || (entry.mode !== '100644' && entry.mode !== '100755')) continue;
      ws.blobs.set(path, { sha: entry.sha, size: entry.size ?? 0 });
      const slash = path.lastIndexOf('/');
      if (slash > 0) ws.addDir(path.slice(0, slash));
    }
    return ws;
  }

  private addDir(dir: string): void {
    for (let i = dir.indexOf('/'); i >= 0; i = dir.indexOf('/', i + 1)) this.dirs.add(dir.slice(0, i));
    this.dirs.add(dir);
  }

  read(relPath: string): Promise<ReadResult> {
    const rel = normalizeRelative(relPath);
    const blob = rel === null ? undefined : this.blobs.get(rel);
    if (!blob || rel === null) return Promise.resolve({ ok: false, reason: 'not found inside the repository' });
    if (blob.size > this.maxFileBytes) return Promise.resolve({ ok: false, reason: `too large (${blob.size} bytes; the limit is ${this.maxFileBytes})` });
    let cached = this.cache.get(blob.sha);
    if (!cached) {
      cached = this.fetchBlob(blob);
      this.cache.set(blob.sha, cached);
    }
    return cached;
  }

  private async fetchBlob(blob: TreeBlob): Promise<ReadResult> {
    try {
      const { data } = await this.gh.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...this.repo, file_sha: blob.sha });
      const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
      if (bytes.length > this.maxFileBytes) return { ok: false, reason: `too large (${bytes.length} bytes; the limit is ${this.maxFileBytes})` };
      return decodeText(bytes);
    } catch (error) {
      return { ok: false, reason: `cannot be read through the API (${describeError(error)})` };
    }
  }

  async exists(relPath: string): Promise<'file' | 'dir' | null> {
    const rel = normalizeRelative(relPath);
    if (rel === null) return null;
    return this.blobs.has(rel) ? 'file' : this.dirs.has(rel) ? 'dir' : null;
  }

  async list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    const rel = normalizeRelative(relDir);
    if (rel === null || !this.dirs.has(rel)) return null;
    const prefix = rel ? `${rel}/` : '';
    const entries = new Map<string, 'file' | 'dir'>();
    for (const [set, type] of [[this.blobs.keys(), 'file'], [this.dirs.values(), 'dir']] as const) {
      for (const path of set) {
        if (!path.startsWith(prefix) || path === rel) continue;
        const rest = path.slice(prefix.length);
        if (rest && !rest.includes('/')) entries.set(rest, type);
      }
    }
    return [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
