// Inline suppressions: our own `# docker-review-disable-next-line <rule>[, <rule>…]` and `# docker-review-disable
// [<rule>…]`, and the peers' pragmas, mapped through each rule's `meta.equivalents` so teams keep theirs:
//   hadolint  `# hadolint ignore=DL3008,SC2086` (next instruction), `# hadolint stage ignore=…` (that stage),
//             `# hadolint global ignore=…` (the file), in Dockerfiles;
//   BuildKit  `# check=skip=JSONArgsRecommended,UndefinedVar` / `# check=skip=all` (parser directive: the file);
//   dclint    `# dclint disable-line [rules]`, `# dclint disable [rules]`, `# dclint disable-file`, in compose files.
// A docker-review rule covering several peer codes is suppressed when ANY of its codes is named; a peer pragma naming
// no rule (`skip=all`, `disable-file`) covers every rule with an equivalent in that peer, and only those. Peer pragmas
// never cover the engine's own findings (a file that does not parse): no peer lets its pragmas silence those either.
import { Lexer } from 'yaml';
import { BUILTIN_META } from './builtin.js';
import { coversAny, normalizeCode } from './peer-config.js';
import type { RuleMeta } from './types.js';
import type { ParsedFile } from '../model/project.js';
import type { DockerfileFile } from '../parse/dockerfile.js';

export interface Suppressions {
  /** True when a finding of the rule starting on `line` is suppressed. */
  suppresses(meta: RuleMeta, line: number): boolean;
}

export interface SuppressionOptions {
  /** False when `.hadolint.yaml` sets `disable-ignore-pragma: true`. */
  hadolintPragmas?: boolean;
}

interface Comment {
  line: number;
  text: string;
}

/** Lines `from`..`to` (1-based, inclusive) where findings of the rules `matches` accepts are suppressed. */
interface Scope {
  from: number;
  to: number;
  matches(meta: RuleMeta): boolean;
}

const WHOLE_FILE = { from: 1, to: Number.POSITIVE_INFINITY };
const BUILTIN = new Set(BUILTIN_META.map((m) => m.id));

/** Cheap pre-check: only files mentioning one of these are scanned for comments at all. */
export const MAY_SUPPRESS = /docker-review-disable|hadolint|dclint|check\s*=/i;

const OWN = /^#\s*docker-review-(disable-next-line|disable)\b(.*)$/;
// hadolint's grammar (Hadolint/Pragma.hs): codes are runs of D, L, S, C and digits, an optional `# comment` after.
const HADOLINT = /^#[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([DLSC0-9]+(?:[ \t]*,[ \t]*[DLSC0-9]+)*)[ \t]*(?:#.*)?$/;
const DCLINT = /^#\s*dclint\s+(disable-file|disable-line|disable)\b(.*)$/;

/** Comments of a file, found by its own parser. */
function commentsOf(file: ParsedFile): Comment[] {
  switch (file.kind) {
    case 'dockerfile':
      return dockerfileComments(file);
    case 'compose':
      return yamlComments(file.text);
    default:
      // .dockerignore, env and nginx files: a comment is a line whose first non-blank character is '#'.
      return file.lines.flatMap((text, i) => (text.trimStart().startsWith('#') ? [{ line: i + 1, text: text.trim() }] : []));
  }
}

/**
 * dockerfile-ast's comments, plus the leading `# name=value` lines it took for parser directives it does not know
 * (`# hadolint ignore=DL3006` on line 1 is one), read from the source at the parser's range.
 */
function dockerfileComments(file: DockerfileFile): Comment[] {
  const comments = file.ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, text: c.toString().trim() }));
  for (const directive of file.ast.getDirectives()) {
    if (directive.getDirective() !== null) continue;
    const { start, end } = directive.getRange();
    const text = (file.lines[start.line] ?? '').slice(start.character, end.line === start.line ? end.character : undefined);
    comments.push({ line: start.line + 1, text: text.trim() });
  }
  return comments.sort((a, b) => a.line - b.line);
}

/** YAML comments with their lines, from the `yaml` lexer (zero-width control tokens skipped). */
function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  let line = 1;
  let scanned = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('#')) {
      for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) line++;
      comments.push({ line, text: token.trim() });
    }
    offset += token.length;
  }
  return comments;
}

/** Lines a next-line directive covers: the whole next instruction in a Dockerfile, else the next non-comment line. */
function nextLineSpan(file: ParsedFile, commentLine: number): [number, number] | null {
  if (file.kind === 'dockerfile') {
    const next = file.instructions.find((i) => i.getRange().start.line + 1 > commentLine);
    if (next) return [next.getRange().start.line + 1, next.getRange().end.line + 1];
    return null;
  }
  for (let l = commentLine + 1; l <= file.lines.length; l++) {
    const t = file.lines[l - 1].trim();
    if (t && !t.startsWith('#')) return [l, l];
  }
  return null;
}

function ruleList(rest: string): string[] | 'all' {
  // Anything after " -- " is a free-text reason, as in ESLint.
  const ids = rest.split(/\s--\s/)[0].split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : 'all';
}

export function suppressionsOf(file: ParsedFile, options: SuppressionOptions = {}): Suppressions {
  const scopes: Scope[] = [];
  const comments = commentsOf(file);
  for (const comment of comments) {
    const own = OWN.exec(comment.text);
    if (!own) continue;
    const rules = ruleList(own[2]);
    const matches = (meta: RuleMeta) => rules === 'all' || rules.includes(meta.id);
    if (own[1] === 'disable') scopes.push({ ...WHOLE_FILE, matches });
    else {
      const span = nextLineSpan(file, comment.line);
      if (span) scopes.push({ from: span[0], to: span[1], matches });
    }
  }
  const peer: Scope[] = [];
  if (file.kind === 'dockerfile') {
    if (options.hadolintPragmas !== false) peer.push(...hadolintScopes(file, comments));
    peer.push(...buildkitScopes(file));
  }
  if (file.kind === 'compose') peer.push(...dclintScopes(file, comments));
  for (const scope of peer) scopes.push({ ...scope, matches: (meta) => !BUILTIN.has(meta.id) && scope.matches(meta) });
  return { suppresses: (meta, line) => scopes.some((s) => line >= s.from && line <= s.to && s.matches(meta)) };
}

// ─── hadolint ──────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * `ignore=`: the next instruction, all its lines (hadolint wants it on the very next line; blank and comment lines in
 * between are allowed here). Inside a continued instruction it does nothing (hadolint reports on the instruction's
 * first line, which is above it). `stage ignore=`: from the comment to the end of the stage of the next instruction
 * (placed before a FROM: that whole stage). `global ignore=`: the whole file. ShellCheck codes (SC…) are accepted
 * and match nothing.
 */
function hadolintScopes(file: DockerfileFile, comments: Comment[]): Scope[] {
  const scopes: Scope[] = [];
  const lineOf = (position: { line: number }) => position.line + 1;
  for (const comment of comments) {
    const pragma = HADOLINT.exec(comment.text);
    if (!pragma) continue;
    const codes = new Set(pragma[2].split(',').map(normalizeCode));
    const matches = (meta: RuleMeta) => coversAny(meta, 'hadolint', codes);
    if (pragma[1] === 'global') {
      scopes.push({ ...WHOLE_FILE, matches });
      continue;
    }
    const inside = file.instructions.some((i) => lineOf(i.getRange().start) < comment.line && lineOf(i.getRange().end) >= comment.line);
    if (pragma[1] === 'stage') {
      const target = file.instructions.find((i) => lineOf(i.getRange().end) >= comment.line);
      if (!target) continue;
      const targetLine = lineOf(target.getRange().start);
      const froms = file.stages.map((s) => lineOf(s.from.getRange().start));
      const next = froms.find((l) => l > targetLine);
      scopes.push({ from: comment.line, to: next === undefined ? Number.POSITIVE_INFINITY : next - 1, matches });
    } else if (!inside) {
      const span = nextLineSpan(file, comment.line);
      if (span) scopes.push({ from: span[0], to: span[1], matches });
    }
  }
  return scopes;
}

// ─── BuildKit ──────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * `# check=skip=A,B;error=true` among the parser directives at the top of the file (BuildKit stops reading directives
 * at the first line that is not a known one: `syntax`, `escape`, `check`). `skip=all` covers every rule with a BuildKit
 * equivalent. `error=true` (fail the build on a check) and `experimental=…` have no effect here: fail-on decides.
 */
function buildkitScopes(file: DockerfileFile): Scope[] {
  let expected = 0;
  for (const directive of file.ast.getDirectives()) {
    const line = directive.getRange().start.line;
    const name = directive.getName().toLowerCase();
    if (line !== expected || !['syntax', 'escape', 'check'].includes(name)) break;
    expected++;
    if (name !== 'check') continue;
    // dockerfile-ast's value stops at the first blank; BuildKit takes the rest of the line.
    const value = /^#\s*check\s*=\s*(.*?)\s*$/i.exec((file.lines[line] ?? '').trim())?.[1] ?? directive.getValue();
    const skip = checkSkip(value);
    if (skip === null) return [];
    return [{ ...WHOLE_FILE, matches: (meta) => coversAny(meta, 'buildkit', skip) }];
  }
  return [];
}

/** The `skip` part of a check directive's value (BuildKit's ParseLintOptions), or null when there is none. */
function checkSkip(value: string): ReadonlySet<string> | 'all' | null {
  for (const part of value.trim().split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== 'skip') continue;
    const list = part.slice(eq + 1).trim();
    if (list === 'all') return 'all';
    return new Set(list.split(',').map(normalizeCode).filter(Boolean));
  }
  return null;
}

// ─── dclint ────────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * As dclint reads them: `# dclint disable-file` and `# dclint disable [rules]` count on the first line that is not
 * blank or `---` (the whole file); `# dclint disable-line [rules]` anywhere (a comment on its own line: the next line
 * that is not blank or a comment; after a value: its own line). Rules are separated by blanks (commas accepted);
 * none named means every rule with a dclint equivalent.
 */
function dclintScopes(file: ParsedFile, comments: Comment[]): Scope[] {
  const scopes: Scope[] = [];
  const firstLine = file.lines.findIndex((l) => l.trim() !== '' && l.trim() !== '---') + 1;
  for (const comment of comments) {
    const pragma = DCLINT.exec(comment.text);
    if (!pragma) continue;
    const names = pragma[1] === 'disable-file' ? [] : pragma[2].trim().split(/[\s,]+/).filter(Boolean);
    const codes: ReadonlySet<string> | 'all' = names.length ? new Set(names.map(normalizeCode)) : 'all';
    const matches = (meta: RuleMeta) => coversAny(meta, 'dclint', codes);
    if (pragma[1] !== 'disable-line') {
      if (comment.line === firstLine) scopes.push({ ...WHOLE_FILE, matches });
      continue;
    }
    const ownLine = (file.lines[comment.line - 1] ?? '').trimStart().startsWith('#');
    const span: [number, number] | null = ownLine ? nextLineSpan(file, comment.line) : [comment.line, comment.line];
    if (span) scopes.push({ from: span[0], to: span[1], matches });
  }
  return scopes;
}
