// A workspace read from git objects at a commit: reviews a ref that is not checked out (`--diff A..B`, base scores).
import { git, gitBytes } from '../changes/git.js';
import { decodeText } from './decode.js';
import { DEFAULT_MAX_FILE_BYTES, normalizeRelative, type ReadResult, type Workspace } from './workspace.js';

interface Blob {
  oid: string;
  size: number;
}

export class GitTreeWorkspace implements Workspace {
  private readonly blobs = new Map<string, Blob>();
  private readonly dirs = new Set<string>(['']);

  constructor(readonly root: string, readonly commit: string, private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES) {
    const out = git(root, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit]);
    for (const entry of out.split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [mode, type, oid, size] = entry.slice(0, tab).split(/\s+/);
      const path = entry.slice(tab + 1);
      // Regular files only: symlinks (120000) and submodules are never followed.
      if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
      this.blobs.set(path, { oid, size: Number(size) });
      for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) this.dirs.add(path.slice(0, i));
    }
  }

  async read(relPath: string): Promise<ReadResult> {
    const rel = normalizeRelative(relPath);
    const blob = rel === null ? undefined : this.blobs.get(rel);
    if (!blob) return { ok: false, reason: 'not found inside the repository' };
    if (blob.size > this.maxFileBytes) return { ok: false, reason: `too large (${blob.size} bytes; the limit is ${this.maxFileBytes})` };
    const bytes = gitBytes(this.root, ['cat-file', 'blob', blob.oid]);
    return decodeText(bytes);
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
    for (const path of [...this.blobs.keys(), ...this.dirs]) {
      if (!path.startsWith(prefix) || path === rel) continue;
      const rest = path.slice(prefix.length);
      if (!rest || rest.includes('/')) continue;
      entries.set(rest, this.blobs.has(path) ? 'file' : 'dir');
    }
    return [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
