// A workspace read from git objects at a commit: reviews a ref that is not checked out (`--diff A..B`, base scores).
import { git, gitBytes } from '../changes/git.js';
import { decodeText } from './decode.js';
import { oversize, TreeIndex } from './tree-index.js';
import { DEFAULT_MAX_FILE_BYTES, type ReadResult, type Workspace } from './workspace.js';

export class GitTreeWorkspace implements Workspace {
  private readonly tree = new TreeIndex();

  constructor(readonly root: string, readonly commit: string, private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES) {
    const out = git(root, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit]);
    for (const entry of out.split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [mode, type, oid, size] = entry.slice(0, tab).split(/\s+/);
      this.tree.addEntry(entry.slice(tab + 1), type, mode, oid, Number(size));
    }
  }

  async read(relPath: string): Promise<ReadResult> {
    const blob = this.tree.blob(relPath);
    if (!blob) return { ok: false, reason: 'not found inside the repository' };
    return oversize(blob.size, this.maxFileBytes) ?? decodeText(gitBytes(this.root, ['cat-file', 'blob', blob.sha]));
  }

  async exists(relPath: string): Promise<'file' | 'dir' | null> {
    return this.tree.exists(relPath);
  }

  async list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    return this.tree.list(relDir);
  }
}
