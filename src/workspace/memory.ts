// A workspace held in memory: for tests, and for content fetched through an API or from git objects.
import path from 'node:path';
import { decodeText } from './decode.js';
import { DEFAULT_MAX_FILE_BYTES, normalizeRelative, type ReadResult, type Workspace } from './workspace.js';

export class MemoryWorkspace implements Workspace {
  readonly root: string;
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array>, root = '/memory', private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES) {
    this.root = root;
    for (const [p, content] of Object.entries(files)) {
      const rel = normalizeRelative(p);
      if (rel) this.files.set(rel, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }

  async read(relPath: string): Promise<ReadResult> {
    const rel = normalizeRelative(relPath);
    const bytes = rel === null ? undefined : this.files.get(rel);
    if (!bytes) return { ok: false, reason: 'not found inside the repository' };
    if (bytes.length > this.maxFileBytes) return { ok: false, reason: `too large (${bytes.length} bytes; the limit is ${this.maxFileBytes})` };
    return decodeText(bytes);
  }

  async exists(relPath: string): Promise<'file' | 'dir' | null> {
    const rel = normalizeRelative(relPath);
    if (rel === null) return null;
    if (this.files.has(rel)) return 'file';
    const prefix = rel ? `${rel}/` : '';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'dir';
    return null;
  }

  async list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    const rel = normalizeRelative(relDir);
    if (rel === null || (rel && (await this.exists(rel)) !== 'dir')) return null;
    const prefix = rel ? `${rel}/` : '';
    const entries = new Map<string, 'file' | 'dir'>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'dir');
    }
    return [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Paths of every file, for tests. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  static basename(p: string): string {
    return path.posix.basename(p);
  }
}
