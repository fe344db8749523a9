// nginx configuration → a tree of directives with exact positions, read the way nginx's own reader
// (ngx_conf_read_token in src/core/ngx_conf_file.c) reads it; crossplane (nginxinc/crossplane) follows the same rules.
//
// - A directive is words followed by `;`, or by `{` … `}` for a block. Words are separated by blanks (space, tab,
//   CR, LF); `;` and `{` end a word anywhere outside quotes, `}` only where a new word would start (so `${VAR}` and
//   `a}b` are single words).
// - `"…"` and `'…'` quote a word (which may span lines); after the closing quote only a blank, `;`, `{` or `)` may
//   follow. A quote inside an unquoted word is an ordinary character.
// - `\` escapes the next character; in the word's value `\"`, `\'`, `\\` lose the backslash and `\t`, `\r`, `\n`
//   become tab, CR and LF; other escapes stay as written (regexes keep their `\.`).
// - `$` directly followed by `{` starts a variable (`${name}`): that `{` does not open a block. Templates rendered by
//   envsubst (`listen ${NGINX_PORT};`) therefore read as plain words.
// - `#` starts a comment only where a word would start (`a#b` is one word); it runs to the end of the line.
// - `*_by_lua_block { … }` (OpenResty) holds Lua code, not directives: its body is skipped as raw text, honouring Lua
//   strings, long brackets and comments, as crossplane's Lua extension does.
//
// The reader never throws: a syntax error is recorded in `problems` (with nginx's wording where it has one) and the
// reader recovers (an unclosed block is closed at the end of the file, a directive missing its `;` before `}` is kept),
// so one mistake never hides the rest of the file. Blocks nested deeper than 64 levels are read flat (a reader limit,
// flagged as such). `include` is a directive like any other: the rules treat an include of a file they cannot read as
// "unknown" (rules/project/lib-nginx.ts).
import type { Range } from '../engine/types.js';

export interface NginxWord {
  /** The word as nginx passes it to the directive: quotes removed, `\"` `\'` `\\` `\t` `\r` `\n` unescaped. */
  value: string;
  /** Exactly as written, quotes included. */
  raw: string;
  quoted: boolean;
  range: Range;
}

export interface NginxDirective {
  /** The directive's name (its first word's value). */
  name: string;
  nameWord: NginxWord;
  args: NginxWord[];
  /** From the name to the `;`, or to the `}` closing the directive's block (to the end of the file when unclosed). */
  range: Range;
  /** The directive's children when it opens a block, else null. A raw block (`content_by_lua_block`) has none. */
  block: NginxDirective[] | null;
  /** True for a block whose body is not nginx syntax (`*_by_lua_block`). */
  raw: boolean;
  parent: NginxDirective | null;
}

export interface NginxComment {
  /** After the `#`, trimmed. */
  text: string;
  range: Range;
}

export interface NginxProblem {
  message: string;
  range: Range;
  /** A limit of this reader, not an nginx syntax error (nginx itself would accept the text). */
  limit?: boolean;
}

export interface NginxConfig {
  directives: NginxDirective[];
  comments: NginxComment[];
  /** Syntax errors, in source order; empty when nginx would accept the file's syntax. */
  problems: NginxProblem[];
}

// ─── Tokens ──────────────────────────────────────────────────────────────────────────────────────────────────────

type Token =
  | { type: 'word'; word: NginxWord; start: number; end: number }
  | { type: ';' | '{' | '}'; start: number; end: number }
  | { type: 'comment'; text: string; start: number; end: number };

const BLANK = new Set([' ', '\t', '\r', '\n']);

class Reader {
  readonly text: string;
  pos = 0;
  /** Syntax errors met while reading words. */
  readonly errors: NginxProblem[] = [];
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset (columns count UTF-16 code units). */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /** Range of [start, end) (end exclusive; an empty range sits at `start`). */
  range(start: number, rawEnd: number): Range {
    // A range never ends with a line break (an unclosed block or quote runs to the end of the file).
    let end = rawEnd;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    const a = this.position(start);
    if (end <= start) return { line: a.line, column: a.column, endLine: a.line, endColumn: a.column };
    const b = this.position(end - 1);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column + 1 };
  }

  next(): Token | null {
    const text = this.text;
    while (this.pos < text.length && BLANK.has(text[this.pos])) this.pos++;
    if (this.pos >= text.length) return null;
    const start = this.pos;
    const c = text[start];
    if (c === ';' || c === '{' || c === '}') {
      this.pos++;
      return { type: c, start, end: this.pos };
    }
    if (c === '#') {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      this.pos = end;
      return { type: 'comment', text: text.slice(start + 1, end).trim(), start, end: text[end - 1] === '\r' ? end - 1 : end };
    }
    if (c === '"' || c === "'") return this.quoted(c);
    return this.unquoted();
  }

  private quoted(quote: string): Token {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) {
      this.errors.push({ message: `unexpected end of file: the ${quote === '"' ? 'double' : 'single'}-quoted string is never closed`, range: this.range(start, start + 1) });
      i = text.length;
    }
    const end = Math.min(i + 1, text.length);
    this.pos = end;
    const word: NginxWord = { value: unescape(text.slice(start + 1, i)), raw: text.slice(start, end), quoted: true, range: this.range(start, end) };
    const after = text[end];
    if (after !== undefined && !BLANK.has(after) && after !== ';' && after !== '{' && after !== ')') {
      // nginx: `unexpected "x"` after a closing quote. The word is kept; what follows is read as the next word.
      this.errors.push({ message: `unexpected \`${after}\` right after the closing quote of ${word.raw}: nginx needs a space, \`;\` or \`{\` there`, range: this.range(end, end + 1) });
    }
    return { type: 'word', word, start, end };
  }

  private unquoted(): Token {
    const text = this.text;
    const start = this.pos;
    let i = start;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '{') {
        // `${name}`: the brace belongs to the variable; nginx reads on to the next blank, `;` or `{`.
        i += 2;
        continue;
      }
      if (BLANK.has(c) || c === ';' || c === '{') break;
      i++;
    }
    const end = Math.min(i, text.length);
    this.pos = end;
    const raw = text.slice(start, end);
    return { type: 'word', word: { value: unescape(raw), raw, quoted: false, range: this.range(start, end) }, start, end };
  }

  /** Skips a Lua body after its `{`: returns the offset just after the matching `}`, or null at end of file. */
  skipLua(): number | null {
    const text = this.text;
    let depth = 1;
    let i = this.pos;
    while (i < text.length) {
      const c = text[i];
      if (c === '-' && text[i + 1] === '-') {
        const long = longBracket(text, i + 2);
        if (long) {
          const close = text.indexOf(`]${'='.repeat(long.level)}]`, long.end);
          i = close < 0 ? text.length : close + long.level + 2;
        } else {
          const nl = text.indexOf('\n', i);
          i = nl < 0 ? text.length : nl + 1;
        }
        continue;
      }
      if (c === '"' || c === "'") {
        i++;
        while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '[') {
        const long = longBracket(text, i);
        if (long) {
          const close = text.indexOf(`]${'='.repeat(long.level)}]`, long.end);
          i = close < 0 ? text.length : close + long.level + 2;
          continue;
        }
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return i + 1;
      }
      i++;
    }
    this.pos = text.length;
    return null;
  }
}

/** A Lua long bracket opening at `at` (`[[`, `[==[`): its level and the offset after it. */
function longBracket(text: string, at: number): { level: number; end: number } | null {
  if (text[at] !== '[') return null;
  let j = at + 1;
  while (text[j] === '=') j++;
  return text[j] === '[' ? { level: j - at - 1, end: j + 1 } : null;
}

function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const n = raw[i + 1];
    if (n === '"' || n === "'" || n === '\\') {
      out += n;
      i++;
    } else if (n === 't' || n === 'r' || n === 'n') {
      out += n === 't' ? '\t' : n === 'r' ? '\r' : '\n';
      i++;
    } else out += c;
  }
  return out;
}

// ─── Directives ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Common directives that never take a block: one followed by `{` is missing its `;`. */
const SIMPLE_DIRECTIVES = new Set([
  'listen', 'server_name', 'root', 'alias', 'index', 'try_files', 'return', 'rewrite', 'proxy_pass', 'fastcgi_pass', 'uwsgi_pass',
  'grpc_pass', 'proxy_set_header', 'proxy_http_version', 'add_header', 'include', 'error_page', 'access_log', 'error_log',
  'client_max_body_size', 'gzip', 'gzip_types', 'expires', 'set', 'server_tokens', 'ssl_certificate', 'ssl_certificate_key',
  'ssl_protocols', 'keepalive_timeout', 'sendfile', 'default_type', 'worker_processes', 'worker_connections', 'user', 'pid',
  'resolver', 'allow', 'deny', 'auth_basic', 'auth_basic_user_file', 'proxy_read_timeout', 'proxy_connect_timeout',
]);

/** Blocks nested deeper than this are read flat (real configs nest a handful of levels; this bounds recursion). */
const MAX_DEPTH = 64;

interface Frame {
  directive: NginxDirective | null;
  children: NginxDirective[];
  /** Offset of the directive's first character. */
  start: number;
}

export function parseNginx(text: string): NginxConfig {
  const reader = new Reader(text);
  const root: Frame = { directive: null, children: [], start: 0 };
  const stack: Frame[] = [root];
  const comments: NginxComment[] = [];
  const problems: NginxProblem[] = [];
  let words: NginxWord[] = [];
  let wordsStart = 0;
  let wordsEnd = 0;
  /** Open braces beyond MAX_DEPTH, read without a frame of their own. */
  let overflow = 0;
  const top = () => stack[stack.length - 1];

  const make = (end: number, block: boolean): NginxDirective => {
    const [nameWord, ...args] = words;
    const directive: NginxDirective = {
      name: nameWord.value,
      nameWord,
      args,
      range: reader.range(wordsStart, end),
      block: block ? [] : null,
      raw: false,
      parent: top().directive,
    };
    top().children.push(directive);
    words = [];
    return directive;
  };
  /** Extends a block's range to `end` (its `}`, or the end of the file). */
  const close = (frame: Frame, end: number) => {
    if (frame.directive) frame.directive.range = reader.range(frame.start, end);
  };

  // Problems are kept in the order nginx would meet them (it stops at the first).
  const drain = () => {
    if (reader.errors.length) problems.push(...reader.errors.splice(0));
  };
  for (let token = reader.next(); token !== null; token = reader.next()) {
    drain();
    switch (token.type) {
      case 'comment':
        comments.push({ text: token.text, range: reader.range(token.start, token.end) });
        break;
      case 'word':
        if (!words.length) wordsStart = token.start;
        wordsEnd = token.end;
        words.push(token.word);
        break;
      case ';':
        if (!words.length) problems.push({ message: 'unexpected `;`: there is no directive before it', range: reader.range(token.start, token.end) });
        else make(token.end, false);
        break;
      case '{': {
        if (stack.length > MAX_DEPTH) {
          if (!overflow) problems.push({ message: `blocks nested more than ${MAX_DEPTH} levels deep`, range: reader.range(token.start, token.end), limit: true });
          overflow++;
          if (words.length) make(token.end, false);
          break;
        }
        if (!words.length) {
          problems.push({ message: 'unexpected `{`: a block needs a directive name before it', range: reader.range(token.start, token.end) });
          // Keep the braces balanced: the anonymous block's directives are read but belong to no directive.
          stack.push({ directive: null, children: [], start: token.start });
          break;
        }
        const start = wordsStart;
        if (SIMPLE_DIRECTIVES.has(words[0].value)) {
          // nginx: `directive "listen" is not terminated by ";"` (it read the following lines up to this `{` as arguments).
          problems.push({ message: `\`${words[0].value}\` is not terminated by \`;\` (nginx reads on to the \`{\` on line ${reader.position(token.start).line})`, range: words[0].range });
        }
        const directive = make(token.end, true);
        if (/_by_lua_block$/.test(directive.name)) {
          directive.raw = true;
          const end = reader.skipLua();
          if (end === null) problems.push({ message: `unexpected end of file: the \`${directive.name}\` block is never closed (missing \`}\`)`, range: directive.nameWord.range });
          close({ directive, children: [], start }, end ?? text.length);
          break;
        }
        stack.push({ directive, children: directive.block!, start });
        break;
      }
      case '}': {
        if (overflow) {
          if (words.length) make(wordsEnd, false);
          overflow--;
          break;
        }
        if (words.length) {
          problems.push({ message: `\`${words[0].value}\` is not terminated by \`;\` before \`}\``, range: words[words.length - 1].range });
          make(wordsEnd, false);
        }
        if (stack.length === 1) {
          problems.push({ message: 'unexpected `}`: no block is open here', range: reader.range(token.start, token.end) });
          break;
        }
        close(stack.pop()!, token.end);
        break;
      }
    }
  }
  if (words.length) {
    problems.push({ message: `unexpected end of file: \`${words[0].value}\` is not terminated by \`;\``, range: words[words.length - 1].range });
    make(wordsEnd, false);
  }
  while (stack.length > 1) {
    const frame = stack.pop()!;
    const name = frame.directive?.nameWord;
    problems.push({
      message: name
        ? `unexpected end of file: the \`${name.value}\` block opened on line ${name.range.line} is never closed (missing \`}\`)`
        : 'unexpected end of file: a block is never closed (missing `}`)',
      range: name?.range ?? reader.range(frame.start, frame.start + 1),
    });
    close(frame, text.length);
  }
  drain();
  return { directives: root.children, comments, problems };
}

// ─── Queries ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Calls `visit` for every directive, depth first in source order, with its enclosing directives (outermost first). */
export function walkNginx(directives: NginxDirective[], visit: (directive: NginxDirective, ancestors: NginxDirective[]) => void, ancestors: NginxDirective[] = []): void {
  for (const directive of directives) {
    visit(directive, ancestors);
    if (directive.block) walkNginx(directive.block, visit, [...ancestors, directive]);
  }
}

/** Every directive named one of `names` (at any depth), in source order. */
export function nginxDirectivesNamed(directives: NginxDirective[], ...names: string[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  walkNginx(directives, (d) => {
    if (names.includes(d.name)) out.push(d);
  });
  return out;
}

/** The directives of a block (or of the file's top level) named one of `names`, not descending into sub-blocks. */
export function childrenNamed(block: NginxDirective[] | null, ...names: string[]): NginxDirective[] {
  return (block ?? []).filter((d) => names.includes(d.name));
}

/** The enclosing directives of `directive`, innermost first. */
export function ancestorsOf(directive: NginxDirective): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (let p = directive.parent; p; p = p.parent) out.push(p);
  return out;
}

/** Comments inside `range` (a block's body) and on the lines right above it (no blank line between). */
export function commentsAround(config: NginxConfig, range: Range, lines: string[]): NginxComment[] {
  const inside = config.comments.filter((c) => c.range.line >= range.line && c.range.line <= range.endLine);
  const above: NginxComment[] = [];
  for (let line = range.line - 1; line >= 1; line--) {
    const comment = config.comments.find((c) => c.range.line === line && (lines[line - 1] ?? '').trim().startsWith('#'));
    if (!comment) break;
    above.unshift(comment);
  }
  return [...above, ...inside];
}
