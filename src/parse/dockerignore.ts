// .dockerignore → patterns with their lines, matched with Docker's own semantics (@balena/dockerignore: its pattern
// cleaning and parent-directory rules), but with a linear matcher instead of the regular expression it builds: Docker
// matches with Go's RE2, which never backtracks, while a JavaScript RegExp of `**/*a*a*/**/b` takes seconds on one long
// path, and one of `[` or `(a|` throws.
import dockerignoreModule, { type Ignore } from '@balena/dockerignore';

// The package is CommonJS (`module.exports = factory`) while its types declare a default export.
const dockerignoreFactory = dockerignoreModule as unknown as (options?: { ignorecase?: boolean }) => Ignore;
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
  /** Patterns Docker refuses (an unterminated `[`): they match nothing here; `docker build` fails on them. */
  invalidPatterns: IgnorePattern[];
}

// ─── The matcher ─────────────────────────────────────────────────────────────────────────────────────────────────

type Token =
  | { t: 'lit'; c: string }
  | { t: 'any' } // ?  : one character but /
  | { t: 'star' } // *  : any run without /
  | { t: 'dirs' } // **/ (or ** inside): nothing, or anything ending with /
  | { t: 'rest' } // ** at the end: anything
  | { t: 'class'; negated: boolean; ranges: [string, string][] };

class BadPattern extends Error {}

/**
 * The pattern as tokens, read exactly as @balena/dockerignore builds its regular expression (`**`, `*`, `?`, `\x`,
 * `[…]`), except that characters Go's patterns give no meaning (`(`, `+`, `|`, `{`…) match themselves, as in Docker.
 */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        tokens.push(pattern[i + 1] === undefined ? { t: 'rest' } : { t: 'dirs' });
      } else tokens.push({ t: 'star' });
    } else if (ch === '?') tokens.push({ t: 'any' });
    else if (ch === '\\') {
      tokens.push({ t: 'lit', c: pattern[i + 1] ?? '\\' });
      if (pattern[i + 1] !== undefined) i++;
    } else if (ch === '[') {
      let j = i + 1;
      const negated = pattern[j] === '^';
      if (negated) j++;
      const ranges: [string, string][] = [];
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        let lo = pattern[j];
        if (lo === '\\' && j + 1 < pattern.length) lo = pattern[++j];
        if (pattern[j + 1] === '-' && j + 2 < pattern.length && pattern[j + 2] !== ']') {
          let hi = pattern[j + 2];
          j += 2;
          if (hi === '\\' && j + 1 < pattern.length) hi = pattern[++j];
          if (hi < lo) throw new BadPattern(`range out of order in ${pattern}`);
          ranges.push([lo, hi]);
        } else ranges.push([lo, lo]);
      }
      if (j >= pattern.length) throw new BadPattern(`unterminated [ in ${pattern}`);
      tokens.push({ t: 'class', negated, ranges });
      i = j;
    } else tokens.push({ t: 'lit', c: ch });
  }
  return tokens;
}

/** A matcher for the whole of `path` (anchored), simulating the pattern's automaton: O(path × pattern), no backtracking. */
function linearMatcher(pattern: string, ignorecase: boolean): (path: string) => boolean {
  const tokens = tokenize(pattern);
  const fold = (c: string) => (ignorecase ? c.toLowerCase() : c);
  const inClass = (token: Extract<Token, { t: 'class' }>, c: string) => {
    const variants = ignorecase ? [c, c.toLowerCase(), c.toUpperCase()] : [c];
    const hit = variants.some((v) => token.ranges.some(([lo, hi]) => v >= lo && v <= hi));
    return hit !== token.negated;
  };
  const m = tokens.length;
  // State k: before token k; state m + k: inside the `dirs` token k (after some characters, before its final /).
  const close = (states: Set<number>) => {
    for (let k = 0; k < m; k++) {
      const t = tokens[k].t;
      if (states.has(k) && (t === 'star' || t === 'rest' || t === 'dirs')) states.add(k + 1);
    }
    return states;
  };
  return (path: string) => {
    let states = close(new Set([0]));
    for (let i = 0; i < path.length; i++) {
      const c = path[i];
      const next = new Set<number>();
      for (const s of states) {
        if (s >= m + 1) {
          // Inside `dirs` token k = s - m - 1: any character stays; a / may end it.
          next.add(s);
          if (c === '/') next.add(s - m);
          continue;
        }
        if (s === m) continue;
        const token = tokens[s];
        switch (token.t) {
          case 'lit':
            if (fold(token.c) === fold(c)) next.add(s + 1);
            break;
          case 'any':
            if (c !== '/') next.add(s + 1);
            break;
          case 'class':
            if (inClass(token, c)) next.add(s + 1);
            break;
          case 'star':
            if (c !== '/') next.add(s);
            break;
          case 'rest':
            next.add(s);
            break;
          case 'dirs':
            next.add(m + 1 + s);
            if (c === '/') next.add(s + 1);
            break;
        }
      }
      if (next.size === 0) return false;
      states = close(next);
    }
    return states.has(m);
  };
}

/** The library's matcher with its regular expressions replaced by linear ones (its rule parsing kept as is). */
function dockerignore(): Ignore {
  const ignore = dockerignoreFactory() as Ignore & { _compile(rule: { pattern: string; regexp?: { test(path: string): boolean } }): unknown };
  ignore._compile = (rule) => {
    if (!rule.regexp) {
      let test: (path: string) => boolean;
      try {
        test = linearMatcher(rule.pattern, true);
      } catch {
        test = () => false;
      }
      rule.regexp = { test };
    }
    return rule;
  };
  return ignore;
}

/** True when Docker accepts the pattern (the cleaned form the library keeps is what is checked). */
function isValidPattern(pattern: string): boolean {
  try {
    tokenize(pattern);
    return true;
  } catch {
    return false;
  }
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
  const invalidPatterns = patterns.filter((p) => !isValidPattern(p.pattern));
  const all = dockerignore().add(patterns.map((p) => (p.negated ? `!${p.pattern}` : p.pattern)));
  const single = new Map<IgnorePattern, Ignore>();
  const matcherOf = (p: IgnorePattern) => {
    let m = single.get(p);
    if (!m) single.set(p, (m = dockerignore().add(p.pattern)));
    return m;
  };
  return {
    path, kind: 'dockerignore', text, lines, patterns, invalidPatterns,
    ignores: (p) => all.ignores(p),
    decidingPattern: (p) => {
      for (let i = patterns.length - 1; i >= 0; i--) if (matcherOf(patterns[i]).ignores(p)) return patterns[i];
      return null;
    },
  };
}
