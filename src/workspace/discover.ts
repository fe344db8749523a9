// Finds the Docker-related files under the given paths.
import path from 'node:path';
import picomatch from 'picomatch';
import type { FileKind } from '../engine/types.js';
import { normalizeRelative, type Workspace } from './workspace.js';

/** Folders never walked: VCS data, dependencies and vendored code. */
export const SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', 'third_party', 'third-party',
  '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.terraform', '.next', '.nuxt',
]);

/**
 * Last extensions that make `dockerfile.<ext>` / `containerfile.<ext>` source code, documentation, data or a template
 * about Dockerfiles rather than one (`dockerfile.ts`, `Dockerfile.md`, `Dockerfile.j2`, `Dockerfile.orig`).
 */
const NOT_A_DOCKERFILE = new Set([
  'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'py', 'pyc', 'go', 'rs', 'java', 'kt', 'rb', 'php', 'cs', 'c', 'h',
  'cpp', 'swift', 'scala', 'clj', 'ex', 'exs', 'lua', 'pl', 'sh', 'bash', 'ps1', 'md', 'markdown', 'rst', 'txt', 'adoc',
  'html', 'json', 'yaml', 'yml', 'toml', 'xml', 'ini', 'cfg', 'snap', 'map', 'd', 'lock', 'j2', 'jinja', 'jinja2', 'tpl',
  'tmpl', 'template', 'erb', 'mustache', 'hbs', 'ejs', 'njk', 'in', 'orig', 'bak', 'swp', 'rej', 'old', 'tmp', 'disabled',
  'png', 'svg', 'jpg', 'gif', 'pdf', 'zip', 'gz', 'tgz', 'patch', 'diff', 'log',
]);

/** The kind of a Docker-related file from its name alone, or null. nginx and env files are found through references. */
export function classifyByName(fileName: string): FileKind | null {
  const name = fileName.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if ((name.startsWith('dockerfile.') || name.startsWith('containerfile.')) && NOT_A_DOCKERFILE.has(ext)) return null;
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) {
    return name.endsWith('.dockerignore') ? 'dockerignore' : 'dockerfile';
  }
  if (name === 'containerfile' || name.startsWith('containerfile.') || name.endsWith('.containerfile')) {
    return name.endsWith('.dockerignore') || name.endsWith('.containerignore') ? 'dockerignore' : 'dockerfile';
  }
  if (name === '.dockerignore' || name.endsWith('.dockerignore') || name === '.containerignore') return 'dockerignore';
  if (/^(docker-)?compose(\.[^/]+)?\.ya?ml$/.test(name) || /^docker-compose[-_.][^/]*\.ya?ml$/.test(name)) return 'compose';
  return null;
}

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
}

export interface DiscoverOptions {
  /** Globs (relative to the root, picomatch syntax) of files or folders not to review. */
  ignore?: string[];
  /** Stop after this many files (a bound for hostile trees). */
  maxFiles?: number;
}

export async function discover(ws: Workspace, paths: string[], options: DiscoverOptions = {}): Promise<{ files: DiscoveredFile[]; problems: string[] }> {
  const isIgnored = options.ignore?.length ? picomatch(options.ignore, { dot: true }) : () => false;
  const maxFiles = options.maxFiles ?? 20000;
  const found = new Map<string, FileKind>();
  const problems: string[] = [];

  const walk = async (dir: string): Promise<void> => {
    const entries = await ws.list(dir);
    if (!entries) return;
    for (const entry of entries) {
      if (found.size >= maxFiles) return;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (isIgnored(rel) || isIgnored(`${rel}/`)) continue;
      if (entry.type === 'dir') {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(rel);
      } else {
        const kind = classifyByName(entry.name);
        if (kind) found.set(rel, kind);
      }
    }
  };

  for (const input of paths.length ? paths : ['.']) {
    const rel = normalizeRelative(path.isAbsolute(input) ? path.relative(ws.root, input) : input);
    if (rel === null) {
      problems.push(`${input}: outside the repository root, not reviewed`);
      continue;
    }
    const type = await ws.exists(rel);
    if (type === 'dir') await walk(rel);
    else if (type === 'file') {
      const kind = classifyByName(path.posix.basename(rel));
      if (kind) found.set(rel, kind);
      else problems.push(`${input}: not a Docker-related file name, not reviewed`);
    } else problems.push(`${input}: no such file or directory`);
  }
  if (found.size >= maxFiles) problems.push(`stopped after ${maxFiles} files`);
  const files = [...found].map(([p, kind]) => ({ path: p, kind })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, problems };
}
