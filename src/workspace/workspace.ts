// Safe, confined file access. Every read of repository content goes through a Workspace.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeText } from './decode.js';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export interface Workspace {
  /** Absolute root; every path handed in or out is relative to it, with '/'. */
  readonly root: string;
  read(relPath: string): Promise<ReadResult>;
  exists(relPath: string): Promise<'file' | 'dir' | null>;
  /** Entries of a directory (names only), or null when it is not a directory inside the workspace. */
  list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null>;
}

/** Normalises a repository-relative path; returns null when it leaves the root. */
export function normalizeRelative(relPath: string): string | null {
  if (relPath.includes('\0')) return null;
  const posix = relPath.replace(/\\/g, '/');
  if (posix.startsWith('/')) return null;
  const norm = path.posix.normalize(posix === '' ? '.' : posix);
  if (norm === '..' || norm.startsWith('../')) return null;
  return norm === '.' ? '' : norm.replace(/\/$/, '');
}

function tooLarge(size: number, limit: number): ReadResult {
  return { ok: false, reason: `too large (${size} bytes; the limit is ${limit})` };
}

export class DiskWorkspace implements Workspace {
  readonly root: string;
  private realRoot: string | null = null;

  constructor(root: string, private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES) {
    this.root = path.resolve(root);
  }

  private readonly realDirs = new Map<string, Promise<string | null>>();

  /** Real path of a repository directory, or null when it does not exist or resolves outside the root. Cached. */
  private realDir(rel: string): Promise<string | null> {
    let cached = this.realDirs.get(rel);
    if (!cached) {
      cached = (async () => {
        this.realRoot ??= await fs.realpath(this.root);
        if (rel === '') return this.realRoot;
        const parent = await this.realDir(path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel));
        if (parent === null) return null;
        return this.confine(path.join(parent, path.posix.basename(rel)));
      })();
      this.realDirs.set(rel, cached);
    }
    return cached;
  }

  /** Resolves a path whose parent is already real: only a symlink needs realpath, and must stay inside the root. */
  private async confine(candidate: string): Promise<string | null> {
    try {
      const stat = await fs.lstat(candidate);
      if (!stat.isSymbolicLink()) return candidate;
      const real = await fs.realpath(candidate);
      // Symlinks are followed only while they stay inside the repository.
      return real === this.realRoot || real.startsWith(this.realRoot + path.sep) ? real : null;
    } catch {
      return null;
    }
  }

  private async resolveInside(relPath: string): Promise<string | null> {
    const rel = normalizeRelative(relPath);
    if (rel === null) return null;
    if (rel === '') return this.realDir('');
    const dir = path.posix.dirname(rel);
    const parent = await this.realDir(dir === '.' ? '' : dir);
    return parent === null ? null : this.confine(path.join(parent, path.posix.basename(rel)));
  }

  async read(relPath: string): Promise<ReadResult> {
    const real = await this.resolveInside(relPath);
    if (real === null) return { ok: false, reason: 'not found inside the repository' };
    let handle;
    try {
      // Only regular files are opened (a FIFO would block `open`, a device never ends), without blocking, and never
      // more than the cap is read, even from a file that grows while it is read.
      const before = await fs.stat(real);
      if (!before.isFile()) return { ok: false, reason: 'not a regular file' };
      if (before.size > this.maxFileBytes) return tooLarge(before.size, this.maxFileBytes);
      handle = await fs.open(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const stat = await handle.stat();
      if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
      if (stat.size > this.maxFileBytes) return tooLarge(stat.size, this.maxFileBytes);
      // Read to the end, but stop one byte past the cap: the file may have grown since `stat`.
      const chunks: Buffer[] = [];
      let length = 0;
      while (length <= this.maxFileBytes) {
        const chunk = Buffer.alloc(Math.min(Math.max(stat.size - length, 0), this.maxFileBytes - length) + 1);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
      }
      if (length > this.maxFileBytes) return { ok: false, reason: `too large (over ${this.maxFileBytes} bytes, the limit)` };
      return decodeText(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length));
    } catch (error) {
      return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
    } finally {
      await handle?.close();
    }
  }

  async exists(relPath: string): Promise<'file' | 'dir' | null> {
    const real = await this.resolveInside(relPath);
    if (real === null) return null;
    try {
      const stat = await fs.stat(real);
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null;
    } catch {
      return null;
    }
  }

  async list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    const real = await this.resolveInside(relDir);
    if (real === null) return null;
    try {
      const entries = await fs.readdir(real, { withFileTypes: true });
      const out: { name: string; type: 'file' | 'dir' }[] = [];
      for (const entry of entries) {
        if (entry.isFile()) out.push({ name: entry.name, type: 'file' });
        else if (entry.isDirectory()) out.push({ name: entry.name, type: 'dir' });
        else if (entry.isSymbolicLink()) {
          // Symlinked files inside the root are reviewed; symlinked directories are not walked (no cycles).
          const target = await this.exists(path.posix.join(relDir, entry.name));
          if (target === 'file') out.push({ name: entry.name, type: 'file' });
        }
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return null;
    }
  }
}
