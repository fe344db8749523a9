// Git object ids computed the way git does, so the fake server's blob and tree SHAs equal those of the real checkout.
import { createHash } from 'node:crypto';

export type FileContent = string | Buffer;
/** A commit's files: repository-relative path → content. */
export type Snapshot = ReadonlyMap<string, Buffer>;

export function toBuffer(content: FileContent): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

function objectId(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

export function blobSha(content: Buffer): string {
  return objectId('blob', content);
}

export interface TreeEntry {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

interface DirNode {
  dirs: Map<string, DirNode>;
  files: Map<string, Buffer>;
}

function buildDirs(files: Snapshot): DirNode {
  const root: DirNode = { dirs: new Map(), files: new Map() };
  for (const [path, content] of files) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { dirs: new Map(), files: new Map() }));
      dir = next;
    }
    dir.files.set(parts[parts.length - 1], content);
  }
  return root;
}

/** Hashes one directory (git sorts entries by name, directories compared as "name/"); fills `out` with every entry. */
function hashDir(dir: DirNode, prefix: string, out: TreeEntry[]): string {
  const entries: { sortKey: string; name: string; mode: string; sha: string }[] = [];
  for (const [name, sub] of dir.dirs) {
    const path = prefix + name;
    const placeholder: TreeEntry = { path, mode: '040000', type: 'tree', sha: '' };
    out.push(placeholder);
    placeholder.sha = hashDir(sub, `${path}/`, out);
    entries.push({ sortKey: `${name}/`, name, mode: '40000', sha: placeholder.sha });
  }
  for (const [name, content] of dir.files) {
    const sha = blobSha(content);
    out.push({ path: prefix + name, mode: '100644', type: 'blob', sha, size: content.length });
    entries.push({ sortKey: name, name, mode: '100644', sha });
  }
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)));
  const body = Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])));
  return objectId('tree', body);
}

/** The root tree SHA of a snapshot and every tree and blob entry below it (paths sorted as git lists them). */
export function treeOf(files: Snapshot): { sha: string; entries: TreeEntry[] } {
  const entries: TreeEntry[] = [];
  const sha = hashDir(buildDirs(files), '', entries);
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  return { sha, entries };
}

/** Git's heuristic: a NUL byte in the first 8,000 bytes makes a file binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
