// A workspace read through the REST API at one commit: for runs whose GITHUB_WORKSPACE holds no checkout of the
// commit to review (the default pull_request checkout is the merge commit), and for base commits not in the clone.
// Confined like the other workspaces: regular files of the tree only (no symlinks, no submodules), a size cap.
import { decodeText } from '../workspace/decode.js';
import { oversize, TreeIndex, type TreeBlob } from '../workspace/tree-index.js';
import { DEFAULT_MAX_FILE_BYTES, type ReadResult, type Workspace } from '../workspace/workspace.js';
import { describeError, type GitHub } from './client.js';

/** Blob contents by blob sha, shared by the workspaces of one run: a file unchanged between base and head is fetched once. */
export type BlobCache = Map<string, Promise<ReadResult>>;

export class ApiTreeWorkspace implements Workspace {
  private readonly tree = new TreeIndex();
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
      if (entry.path !== undefined && entry.sha) ws.tree.addEntry(entry.path, entry.type ?? '', entry.mode ?? '', entry.sha, entry.size ?? 0);
    }
    return ws;
  }

  read(relPath: string): Promise<ReadResult> {
    const blob = this.tree.blob(relPath);
    if (!blob) return Promise.resolve({ ok: false, reason: 'not found inside the repository' });
    const refused = oversize(blob.size, this.maxFileBytes);
    if (refused) return Promise.resolve(refused);
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
      return oversize(bytes.length, this.maxFileBytes) ?? decodeText(bytes);
    } catch (error) {
      return { ok: false, reason: `cannot be read through the API (${describeError(error)})` };
    }
  }

  async exists(relPath: string): Promise<'file' | 'dir' | null> {
    return this.tree.exists(relPath);
  }

  async list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    return this.tree.list(relDir);
  }
}
