// .dockerignore → patterns with their lines, matched with Docker's own semantics (@balena/dockerignore).
import dockerignoreModule, { type Ignore } from '@balena/dockerignore';

// The package is CommonJS (`module.exports = factory`) while its types declare a default export.
const dockerignore = dockerignoreModule as unknown as (options?: { ignorecase?: boolean }) => Ignore;
import { splitLines, type SourceFile } from './source.js';

export interface IgnorePattern {
  /** The pattern as Docker reads it (trimmed, without a leading "!"). */
  pattern: string;
  negated: boolean;
  line: number;
}

export interface DockerignoreFile extends SourceFile {
  kind: 'dockerignore';
  patterns: IgnorePattern[];
  /** True when Docker would leave `path` (relative to the build context) out of the context. */
  ignores(path: string): boolean;
  /** The pattern that decides `path`'s fate (the last one matching it), or null. */
  decidingPattern(path: string): IgnorePattern | null;
}

export function parseDockerignore(path: string, text: string): DockerignoreFile {
  const lines = splitLines(text);
  const patterns: IgnorePattern[] = [];
  lines.forEach((raw, index) => {
    // Docker's reader: lines starting with # are comments; surrounding white space is dropped.
    if (raw.startsWith('#')) return;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const negated = trimmed.startsWith('!');
    const pattern = negated ? trimmed.slice(1).trim() : trimmed;
    if (pattern) patterns.push({ pattern, negated, line: index + 1 });
  });
  const all = dockerignore().add(patterns.map((p) => (p.negated ? `!${p.pattern}` : p.pattern)));
  const single = new Map<IgnorePattern, Ignore>();
  const matcherOf = (p: IgnorePattern) => {
    let m = single.get(p);
    if (!m) single.set(p, (m = dockerignore().add(p.pattern)));
    return m;
  };
  return {
    path, kind: 'dockerignore', text, lines, patterns,
    ignores: (p) => all.ignores(p),
    decidingPattern: (p) => {
      for (let i = patterns.length - 1; i >= 0; i--) if (matcherOf(patterns[i]).ignores(p)) return patterns[i];
      return null;
    },
  };
}
