// The file tree of one commit (from `git ls-tree` or the API's recursive tree): lookups and listings without I/O.
import { normalizeRelative, type ReadResult } from './workspace.js';

export interface TreeBlob {
  /** Git object id of the blob. */
  sha: string;
  size: number;
}

export class TreeIndex {
  private readonly blobs = new Map<string, TreeBlob>();
  /** Children of every directory (the root is ''), so listing is proportional to the folder, not the tree. */
  private readonly children = new Map<string, Map<string, 'file' | 'dir'>>([['', new Map()]]);

  /** Adds a tree entry; only regular files (mode 100644/100755) are kept: symlinks and submodules are never followed. */
  addEntry(rawPath: string, type: string, mode: string, sha: string, size: number): void {
    const path = normalizeRelative(rawPath);
    if (!path) return;
    if (type === 'tree') return this.addDir(path);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return;
    this.blobs.set(path, { sha, size });
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    this.addDir(dir);
    this.children.get(dir)!.set(path.slice(slash + 1), 'file');
  }

  private addDir(dir: string): void {
    if (this.children.has(dir)) return;
    this.children.set(dir, new Map());
    const slash = dir.lastIndexOf('/');
    const parent = slash < 0 ? '' : dir.slice(0, slash);
    this.addDir(parent);
    this.children.get(parent)!.set(dir.slice(slash + 1), 'dir');
  }

  blob(relPath: string): TreeBlob | undefined {
    const rel = normalizeRelative(relPath);
    return rel === null ? undefined : this.blobs.get(rel);
  }

  exists(relPath: string): 'file' | 'dir' | null {
    const rel = normalizeRelative(relPath);
    if (rel === null) return null;
    return this.blobs.has(rel) ? 'file' : this.children.has(rel) ? 'dir' : null;
  }

  list(relDir: string): { name: string; type: 'file' | 'dir' }[] | null {
    const rel = normalizeRelative(relDir);
    const entries = rel === null ? undefined : this.children.get(rel);
    if (!entries) return null;
    return [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** The refusal for a blob over the size cap, or null when it may be read. */
export function oversize(size: number, maxFileBytes: number): ReadResult | null {
  return size > maxFileBytes ? { ok: false, reason: `too large (${size} bytes; the limit is ${maxFileBytes})` } : null;
}
