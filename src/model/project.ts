// The project: every reviewed file parsed once, plus the links between them that rules need.
import path from 'node:path';
import type { FileKind } from '../engine/types.js';
import { parseCompose, type ComposeFile } from '../parse/compose.js';
import { parseDockerfile, type DockerfileFile } from '../parse/dockerfile.js';
import { parseDockerignore, type DockerignoreFile } from '../parse/dockerignore.js';
import { splitLines, type ParseProblem, type SourceFile } from '../parse/source.js';
import type { DiscoveredFile } from '../workspace/discover.js';
import { normalizeRelative, type Workspace } from '../workspace/workspace.js';

/** nginx configs and env files: kept as text until their own parsers arrive. */
export interface PlainFile extends SourceFile {
  kind: 'nginx' | 'env';
}

export type ParsedFile = DockerfileFile | ComposeFile | DockerignoreFile | PlainFile;

export type FileOfKind<K extends FileKind> = Extract<ParsedFile, { kind: K }>;

/** A file that was found but not reviewed, and why (binary, too large, unreadable). */
export interface UnreadFile {
  path: string;
  kind: FileKind;
  reason: string;
}

export interface Project {
  files: ParsedFile[];
  byPath: Map<string, ParsedFile>;
  unread: UnreadFile[];
  problems: ParseProblem[];
}

export function filesOfKind<K extends FileKind>(project: Project, kind: K): FileOfKind<K>[] {
  return project.files.filter((f): f is FileOfKind<K> => f.kind === kind);
}

/** The .dockerignore Docker applies to a Dockerfile built with `context` (default: the Dockerfile's folder). */
export function dockerignoreFor(project: Project, dockerfile: DockerfileFile, context?: string): DockerignoreFile | null {
  const specific = project.byPath.get(`${dockerfile.path}.dockerignore`);
  if (specific?.kind === 'dockerignore') return specific;
  const dir = context ?? path.posix.dirname(dockerfile.path);
  const general = project.byPath.get(dir === '.' || dir === '' ? '.dockerignore' : `${dir}/.dockerignore`);
  return general?.kind === 'dockerignore' ? general : null;
}

function parseFile(file: DiscoveredFile, text: string): { parsed: ParsedFile; problems: ParseProblem[] } {
  switch (file.kind) {
    case 'dockerfile': {
      const { file: parsed, problems } = parseDockerfile(file.path, text);
      return { parsed, problems };
    }
    case 'compose': {
      const { file: parsed, problems } = parseCompose(file.path, text);
      return { parsed, problems };
    }
    case 'dockerignore':
      return { parsed: parseDockerignore(file.path, text), problems: [] };
    default:
      return { parsed: { path: file.path, kind: file.kind, text, lines: splitLines(text) }, problems: [] };
  }
}

export async function loadProject(ws: Workspace, discovered: DiscoveredFile[]): Promise<Project> {
  const project: Project = { files: [], byPath: new Map(), unread: [], problems: [] };
  const load = async (file: DiscoveredFile) => {
    if (project.byPath.has(file.path) || project.unread.some((u) => u.path === file.path)) return;
    const read = await ws.read(file.path);
    if (!read.ok) {
      project.unread.push({ path: file.path, kind: file.kind, reason: read.reason });
      return;
    }
    const { parsed, problems } = parseFile(file, read.text);
    project.files.push(parsed);
    project.byPath.set(parsed.path, parsed);
    project.problems.push(...problems);
  };
  for (const file of discovered) await load(file);
  // Files the stack pulls in by reference: env files and nginx configs mounted or copied into images.
  for (const ref of referencedFiles(project)) {
    if (await ws.exists(ref.path) === 'file') await load(ref);
  }
  project.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return project;
}

function referencedFiles(project: Project): DiscoveredFile[] {
  const refs: DiscoveredFile[] = [];
  const add = (base: string, target: string, kind: FileKind) => {
    // Absolute and home paths point outside the repository: never read.
    if (target.startsWith('/') || target.startsWith('~') || target.includes('$')) return;
    const rel = normalizeRelative(path.posix.join(base, target));
    if (rel) refs.push({ path: rel, kind });
  };
  for (const file of project.files) {
    const dir = path.posix.dirname(file.path);
    if (file.kind === 'compose') {
      for (const service of file.services) {
        for (const envFile of asList(service.data.env_file)) {
          const p = typeof envFile === 'string' ? envFile : (envFile as { path?: unknown })?.path;
          if (typeof p === 'string') add(dir, p, 'env');
        }
        for (const volume of asList(service.data.volumes)) {
          const bind = bindMount(volume);
          if (bind && bind.target.startsWith('/etc/nginx')) add(dir, bind.source, 'nginx');
        }
      }
    } else if (file.kind === 'dockerfile') {
      for (const copy of file.ast.getCOPYs()) {
        const args = copy.getArguments().map((a) => a.getValue());
        const dest = args[args.length - 1];
        if (args.length >= 2 && dest?.startsWith('/etc/nginx') && !copy.getFromFlag()) {
          for (const src of args.slice(0, -1)) if (!/[*?[]/.test(src)) add(dir, src, 'nginx');
        }
      }
    }
  }
  return refs;
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A compose volume entry that binds a host path (short or long syntax), or null. */
export function bindMount(volume: unknown): { source: string; target: string } | null {
  if (typeof volume === 'string') {
    const parts = volume.split(':');
    if (parts.length < 2) return null;
    const [source, target] = parts;
    if (!/^(\.|\/|~)/.test(source)) return null;
    return { source, target };
  }
  if (volume && typeof volume === 'object') {
    const v = volume as { type?: unknown; source?: unknown; target?: unknown };
    if (v.type === 'bind' && typeof v.source === 'string' && typeof v.target === 'string') return { source: v.source, target: v.target };
  }
  return null;
}
