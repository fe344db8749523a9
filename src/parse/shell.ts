// The shell inside RUN (and shell-form CMD/ENTRYPOINT/HEALTHCHECK): parsed once with tree-sitter-bash into a flat
// list of commands with exact Dockerfile positions, plus the small query vocabulary rules use instead of regexes.
import v8 from 'node:v8';
import { Language, Parser, type Node as TSNode } from 'web-tree-sitter';
import type { Heredoc, Instruction, Onbuild, Run } from 'dockerfile-ast';
import type { Range } from '../engine/types.js';
import { locateWasm } from './wasm.js';

// ─── Public types ────────────────────────────────────────────────────────────────────────────────────────────────

/** Maps an offset in the parsed text to a 1-based line/column (columns count UTF-16 code units, as SARIF does). */
export type OffsetMapper = (offset: number) => { line: number; column: number };

/** One shell word (command name or argument). */
export interface ShellWord {
  /**
   * The word as the command receives it: quotes removed and escapes resolved (`'a b'` → `a b`, `foo\ bar` →
   * `foo bar`). In a dynamic word the expansions are kept verbatim while the static parts are still unquoted
   * (`"$PKG"` → `$PKG`, `"curl=${V}"` → `curl=${V}`); check `dynamic` before trusting the value.
   */
  value: string;
  /** The word exactly as written in the shell text. */
  raw: string;
  range: Range;
  /** True when the word contains `$var`, `${…}`, `$(…)`, `` `…` ``, `$((…))` or `<(…)`. Globs, `~` and braces are not dynamic. */
  dynamic: boolean;
}

/** How a command is joined to the statement before it. `'|'`/`'|&'` for the second and later members of a pipeline. */
export type ShellJoin = '&&' | '||' | ';' | '\n' | '&' | '|' | '|&';

export interface ShellRedirect {
  /** The operator with its file descriptor, if any: `>`, `>>`, `2>`, `&>`, `>&`, `<`, `<<`, `<<-`, `<<<`. */
  op: string;
  /** The target's value: a path, a descriptor number, or the delimiter word of a heredoc (quotes removed). */
  target: string;
}

export interface ShellAssignment {
  name: string;
  value: string;
}

export interface ShellCommand {
  /** Basename of the command word once wrappers are stripped: `/usr/bin/apt-get` → `apt-get`. */
  name: string;
  nameWord: ShellWord;
  /** The words after the command name (wrappers and their options are not included). */
  args: ShellWord[];
  /** The whole simple command, from its first prefix assignment or wrapper to its last argument. */
  range: Range;
  /** Wrappers stripped in order, e.g. `sudo env A=1 pip …` → `['sudo', 'env']` with `name` `pip`. */
  wrappers: string[];
  /** `VAR=x cmd` prefix assignments, plus the `NAME=value` operands of `env`/`sudo` wrappers. */
  assignments: ShellAssignment[];
  /** Position in a pipeline of two or more commands (`curl … | sh` → curl is 0 of 2, sh is 1 of 2). */
  pipeline: { index: number; length: number } | null;
  redirects: ShellRedirect[];
  /**
   * The operator joining this command to the statement before it in the same list, or null for the first command of
   * a script, of a `$(…)`, or of an `if`/`for`/`while` body. A `( … )` or `{ …; }` group passes its own join on to
   * its first command (`a && (b; c)` → b is joined by `&&`).
   */
  joinedBy: ShellJoin | null;
  /** True inside `( … )`, `$( … )`, `` `…` ``, `<( … )`, or a child shell (`sh -c '…'`, `bash <<EOF`). */
  inSubshell: boolean;
}

export interface ShellScript {
  /**
   * The text that was parsed. For a Dockerfile instruction it starts at the first shell character and is the same
   * length as the Dockerfile text it came from: Dockerfile comment lines and line continuations are blanked, CRs
   * before newlines become spaces. Positions (`range`) always point into the original file.
   */
  source: string;
  /** False when tree-sitter reported a syntax error anywhere (including nested `sh -c` scripts and heredoc scripts). */
  ok: boolean;
  /** Every command in source order, including those inside `$(…)`, `if`/`for`/`while`, functions, subshells, `sh -c '…'`. */
  commands: ShellCommand[];
  /** Real pipelines only (two or more commands), each in order. */
  pipelines: ShellCommand[][];
}

// ─── Initialisation ──────────────────────────────────────────────────────────────────────────────────────────────

let shellParser: Parser | null = null;
let initialising: Promise<void> | null = null;

/** Loads tree-sitter and the bash grammar once; concurrent and repeated calls share one promise. */
export function initShell(): Promise<void> {
  initialising ??= loadParser().catch((error: unknown) => {
    initialising = null; // a failed load may be retried
    throw error;
  });
  return initialising;
}

async function loadParser(): Promise<void> {
  // V8 otherwise re-compiles the 1.3 MB grammar with its optimising tier in the background and holds process exit
  // until that finishes (~1.2 s on 2 cores); the baseline compiler parses a review's shell snippets just as fast.
  // Must be set before the first WebAssembly module is compiled.
  v8.setFlagsFromString('--liftoff-only');
  await Parser.init({ locateFile: () => locateWasm('tree-sitter.wasm') });
  const bash = await Language.load(locateWasm('tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(bash);
  shellParser = parser;
}

function readyParser(): Parser {
  if (shellParser === null) throw new Error('shell parser not initialised: await initShell() first');
  return shellParser;
}

// ─── Parsing a snippet ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Parses a shell snippet synchronously (after `initShell()`). Without `mapOffset`, positions are relative to the
 * snippet (line 1, column 1 = its first character). Never throws on bad syntax: returns `ok: false` with whatever
 * commands tree-sitter recovered.
 */
export function parseShell(source: string, mapOffset?: OffsetMapper): ShellScript {
  const text = blankCarriageReturns(source);
  const sink = newSink();
  parseInto(text, mapOffset ?? snippetMapper(text), sink, { inSubshell: false, depth: 0, heredocs: null });
  return finish(text, sink);
}

interface Sink {
  commands: ShellCommand[];
  pipelines: ShellCommand[][];
  ok: boolean;
}

/** A heredoc of a Dockerfile RUN, located by dockerfile-ast; offsets are in the instruction's shell text. */
interface DockerHeredoc {
  start: number;
  end: number;
  op: '<<' | '<<-';
  name: string;
  quoted: boolean;
  content: { start: number; end: number } | null;
}

/** Everything a walk over one tree needs. */
interface Walk {
  text: string;
  map: OffsetMapper;
  sink: Sink;
  inSubshell: boolean;
  depth: number;
  /** Dockerfile heredocs by the offset of their (rewritten) `<<`; null outside shellOfInstruction. */
  heredocs: ReadonlyMap<number, DockerHeredoc> | null;
  /** The command each Dockerfile heredoc feeds, filled during the walk. */
  consumers: Map<number, ShellCommand>;
}

type WalkOptions = Pick<Walk, 'inSubshell' | 'depth' | 'heredocs'>;

/** `sh -c "sh -c '…'"` chains deeper than this are left as plain words. */
const MAX_DEPTH = 4;

function newSink(): Sink {
  return { commands: [], pipelines: [], ok: true };
}

function parseInto(text: string, map: OffsetMapper, sink: Sink, options: WalkOptions): Walk {
  const walk: Walk = { text, map, sink, ...options, consumers: new Map() };
  withTree(text, (root) => {
    if (root.hasError) sink.ok = false;
    walkBlock(root, walk, null);
  }, sink);
  return walk;
}

/** Parses `text` and hands the root to `use`; the tree lives in wasm memory and must be freed. */
function withTree(text: string, use: (root: TSNode) => void, sink: Sink): void {
  const tree = readyParser().parse(text);
  if (tree === null) {
    sink.ok = false;
    return;
  }
  try {
    use(tree.rootNode);
  } finally {
    tree.delete();
  }
}

function finish(source: string, sink: Sink): ShellScript {
  const byPosition = (a: ShellCommand, b: ShellCommand): number => a.range.line - b.range.line || a.range.column - b.range.column;
  const commands = [...sink.commands].sort(byPosition);
  const pipelines = [...sink.pipelines].sort((a, b) => byPosition(a[0], b[0]));
  return { source, ok: sink.ok, commands, pipelines };
}

// ─── Walking the tree ────────────────────────────────────────────────────────────────────────────────────────────

/** Node types that are statements of a list (things separated by `;`, `&`, newlines, `&&`, `||`, `|`). */
const STATEMENTS = new Set([
  'command', 'redirected_statement', 'list', 'pipeline', 'negated_command', 'subshell', 'compound_statement',
  'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition',
  'declaration_command', 'unset_command', 'test_command', 'variable_assignment', 'variable_assignments'
]);
/** Groups whose first command inherits the group's own join. */
const GROUPS = new Set(['subshell', 'compound_statement']);
const SUBSTITUTIONS = new Set(['command_substitution', 'process_substitution']);
const SIMPLE_COMMANDS = new Set(['command', 'declaration_command', 'unset_command']);
const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);
const TERMINATORS = new Map<string, ShellJoin>([[';', ';'], ['&', '&'], [';;', ';'], [';&', ';'], [';;&', ';']]);
const JOINS = new Map<string, ShellJoin>([['&&', '&&'], ['||', '||'], [';', ';'], ['&', '&'], ['|', '|'], ['|&', '|&']]);

function childrenOf(node: TSNode): TSNode[] {
  return node.children.filter((child): child is TSNode => child !== null);
}

/** Walks a node whose children are statements separated by terminators and keywords (program, bodies, `$(…)`). */
function walkBlock(node: TSNode, walk: Walk, firstJoin: ShellJoin | null): void {
  let seen = false;
  let pending: ShellJoin | null = null;
  let first = firstJoin;
  for (const child of childrenOf(node)) {
    if (STATEMENTS.has(child.type)) {
      walkStatement(child, seen ? pending ?? '\n' : first, walk);
      seen = true;
      pending = null;
      first = null;
    } else if (!child.isNamed) {
      const terminator = TERMINATORS.get(child.type);
      if (terminator !== undefined) pending = terminator;
      else if (child.type !== '\n') seen = false; // a keyword (then, do, `(`, `$(`) starts a new list
    } else if (child.type !== 'comment') {
      walkAny(child, walk);
    }
  }
}

/** Looks inside a non-statement node (words, conditions, clauses) for commands, e.g. in `$(…)`. */
function walkAny(node: TSNode, walk: Walk): void {
  if (node.childCount === 0) return;
  if (SUBSTITUTIONS.has(node.type)) walkBlock(node, { ...walk, inSubshell: true }, null);
  else if (node.type === 'heredoc_redirect') walkHeredocBody(node, null, walk);
  else walkBlock(node, walk, null);
}

/** One and-or element: a pipeline's members (a single member when there is no pipe) and how it is joined. */
interface AndOrElement {
  join: ShellJoin | null;
  members: { node: TSNode; pipe: ShellJoin | null; redirects?: TSNode[] }[];
}

function walkStatement(node: TSNode, join: ShellJoin | null, walk: Walk): void {
  const elements = andOr(node);
  elements[0].join = join;
  for (const element of elements) walkElement(element, walk);
}

/** Flattens `list`/`pipeline` nesting into and-or elements (also undoing a grammar quirk, see andOrPipeline). */
function andOr(node: TSNode): AndOrElement[] {
  if (node.type === 'list') return andOrList(node);
  if (node.type === 'pipeline') return andOrPipeline(node);
  if (node.type === 'redirected_statement') return andOrRedirected(node);
  return [{ join: null, members: [{ node, pipe: null }] }];
}

function andOrList(node: TSNode): AndOrElement[] {
  const out: AndOrElement[] = [];
  let op: ShellJoin | null = null;
  for (const child of childrenOf(node)) {
    if (!child.isNamed) op = JOINS.get(child.type) ?? op;
    else if (child.type !== 'comment') {
      const part = andOr(child);
      if (out.length > 0) part[0].join = op ?? '&&';
      out.push(...part);
    }
  }
  return out.length > 0 ? out : [{ join: null, members: [] }];
}

/** tree-sitter-bash parses `a | b | c && d` as `a | (b | c && d)`; merging the inner list's head restores bash's reading. */
function andOrPipeline(node: TSNode): AndOrElement[] {
  const out: AndOrElement[] = [{ join: null, members: [] }];
  let pipe: ShellJoin = '|';
  for (const child of childrenOf(node)) {
    if (!child.isNamed) pipe = child.type === '|&' ? '|&' : child.type === '|' ? '|' : pipe;
    else if (child.type !== 'comment') mergePipelinePart(out, andOr(child), pipe);
  }
  return out;
}

function mergePipelinePart(out: AndOrElement[], part: AndOrElement[], pipe: ShellJoin): void {
  const current = out[out.length - 1];
  const [head, ...rest] = part;
  if (head.members.length > 0 && current.members.length > 0) head.members[0].pipe = pipe;
  current.members.push(...head.members);
  out.push(...rest);
}

/**
 * Undoes two tree-sitter-bash quirks: `a && b >f` hangs `>f` on the whole list (bash gives it to b), and what follows
 * `<<EOF` on its line (`&& c`, `| sh`) is put inside the heredoc redirect.
 */
function andOrRedirected(node: TSNode): AndOrElement[] {
  const body = node.childForFieldName('body');
  const redirects = node.childrenForFieldName('redirect').filter((r): r is TSNode => r !== null);
  if (body === null || (body.type !== 'list' && body.type !== 'pipeline')) {
    const out: AndOrElement[] = [{ join: null, members: [{ node, pipe: null }] }];
    appendHeredocTails(out, redirects);
    return out;
  }
  const out = andOr(body);
  const last = out[out.length - 1].members.at(-1);
  if (last !== undefined) last.redirects = redirects;
  appendHeredocTails(out, redirects);
  return out;
}

function appendHeredocTails(out: AndOrElement[], redirects: TSNode[]): void {
  for (const redirect of redirects) {
    if (redirect.type !== 'heredoc_redirect') continue;
    let op: ShellJoin | null = null;
    for (const child of childrenOf(redirect)) {
      if (!child.isNamed) op = JOINS.get(child.type) ?? op;
      else if (child.type === 'pipeline' && child.firstChild?.type === '|') mergePipelinePart(out, andOrPipeline(child), '|');
      else if (STATEMENTS.has(child.type)) {
        const part = andOr(child);
        part[0].join = op ?? ';';
        out.push(...part);
        op = null;
      }
    }
  }
}

function walkElement(element: AndOrElement, walk: Walk): void {
  const length = element.members.length;
  const commands: ShellCommand[] = [];
  element.members.forEach((member, index) => {
    const join = index === 0 ? element.join : member.pipe ?? '|';
    const command = walkMember(member.node, join, length > 1 ? { index, length } : null, walk, member.redirects ?? []);
    if (command !== null) commands.push(command);
  });
  if (commands.length >= 2) walk.sink.pipelines.push(commands);
}

/** Walks one pipeline member; returns the ShellCommand when the member is a simple command. */
function walkMember(
  node: TSNode,
  join: ShellJoin | null,
  pipe: ShellCommand['pipeline'],
  walk: Walk,
  redirects: TSNode[]
): ShellCommand | null {
  if (node.type === 'redirected_statement') {
    const own = node.childrenForFieldName('redirect').filter((r): r is TSNode => r !== null);
    const body = node.childForFieldName('body');
    if (body !== null) return walkMember(body, join, pipe, walk, [...redirects, ...own]);
    for (const redirect of own) walkRedirect(redirect, null, walk);
    return null;
  }
  if (node.type === 'negated_command') {
    const inner = node.namedChildren.find((c): c is TSNode => c !== null && STATEMENTS.has(c.type));
    return inner === undefined ? null : walkMember(inner, join, pipe, walk, redirects);
  }
  if (SIMPLE_COMMANDS.has(node.type)) return emitCommand(node, join, pipe, redirects, walk);
  walkBlock(node, node.type === 'subshell' ? { ...walk, inSubshell: true } : walk, GROUPS.has(node.type) ? join : null);
  for (const redirect of redirects) walkRedirect(redirect, null, walk);
  return null;
}

/** The parts of a simple command collected from its node and the redirects around it. */
interface CommandParts {
  words: { at: number; word: ShellWord }[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  heredocStarts: number[];
}

function emitCommand(
  node: TSNode,
  join: ShellJoin | null,
  pipe: ShellCommand['pipeline'],
  redirectNodes: TSNode[],
  walk: Walk
): ShellCommand | null {
  const parts: CommandParts = { words: [], assignments: [], redirects: [], heredocStarts: [] };
  if (node.type === 'command') collectCommand(node, parts, walk);
  else collectDeclaration(node, parts, walk);
  for (const redirect of redirectNodes) collectRedirect(redirect, parts, walk);
  parts.words.sort((a, b) => a.at - b.at);
  const command =
    parts.words.length === 0
      ? null
      : buildCommand(parts.words.map((w) => w.word), parts.assignments, parts.redirects, {
          range: rangeAt(walk.map, node.startIndex, node.endIndex),
          joinedBy: join,
          pipeline: pipe,
          inSubshell: walk.inSubshell
        });
  if (command !== null) {
    walk.sink.commands.push(command);
    for (const start of parts.heredocStarts) walk.consumers.set(start, command);
  }
  for (const child of node.namedChildren) if (child !== null && !REDIRECTS.has(child.type)) walkAny(child, walk);
  for (const child of node.namedChildren) if (child !== null && REDIRECTS.has(child.type)) walkRedirect(child, command, walk);
  for (const redirect of redirectNodes) walkRedirect(redirect, command, walk);
  if (command !== null) parseDashC(command, walk, true);
  return command;
}

function collectCommand(node: TSNode, parts: CommandParts, walk: Walk): void {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child === null) continue;
    if (child.type === 'variable_assignment') parts.assignments.push(assignmentOf(child, walk));
    else if (child.type === 'command_name') addWord(parts, child.firstNamedChild ?? child, walk);
    else if (REDIRECTS.has(child.type)) collectRedirect(child, parts, walk);
    else if (node.fieldNameForChild(i) === 'argument') addWord(parts, child, walk);
  }
}

/** `export A=1 B`, `declare -r X`, `unset A`: the keyword is the name, each operand a word. */
function collectDeclaration(node: TSNode, parts: CommandParts, walk: Walk): void {
  for (const child of childrenOf(node)) {
    if (REDIRECTS.has(child.type)) collectRedirect(child, parts, walk);
    else if (child.isNamed || parts.words.length === 0) addWord(parts, child, walk);
  }
}

function addWord(parts: CommandParts, node: TSNode, walk: Walk): void {
  parts.words.push({ at: node.startIndex, word: wordOf(node, walk) });
}

function assignmentOf(node: TSNode, walk: Walk): ShellAssignment {
  const value = node.childForFieldName('value');
  return { name: node.childForFieldName('name')?.text ?? '', value: value === null ? '' : decode(value, walk.text).value };
}

function collectRedirect(node: TSNode, parts: CommandParts, walk: Walk): void {
  const tokens = childrenOf(node);
  const descriptor = tokens.find((c) => c.type === 'file_descriptor')?.text ?? '';
  const operator = tokens.find((c) => !c.isNamed)?.type ?? '';
  if (node.type === 'heredoc_redirect') {
    const start = tokens.find((c) => c.type === 'heredoc_start');
    parts.redirects.push({ op: descriptor + operator, target: start === undefined ? '' : heredocName(start.text) });
    for (const inner of tokens) {
      if (inner.type === 'file_redirect' || inner.type === 'herestring_redirect') collectRedirect(inner, parts, walk);
    }
    return;
  }
  const destinations = node.type === 'file_redirect' ? node.childrenForFieldName('destination') : node.namedChildren;
  const [target, ...extra] = destinations.filter((d): d is TSNode => d !== null && d.type !== 'file_descriptor');
  const dockerHeredoc = walk.heredocs?.get(node.startIndex);
  if (dockerHeredoc !== undefined) {
    parts.redirects.push({ op: dockerHeredoc.op, target: dockerHeredoc.name });
    parts.heredocStarts.push(node.startIndex);
  } else {
    parts.redirects.push({ op: descriptor + operator, target: target === undefined ? '' : decode(target, walk.text).value });
  }
  // tree-sitter-bash attaches words after `>file` to the redirect (`cmd >x arg`); bash gives them to the command.
  for (const word of extra) addWord(parts, word, walk);
}

/** Visits what hangs off a redirect: `$(…)` in targets and heredoc bodies. */
function walkRedirect(node: TSNode, command: ShellCommand | null, walk: Walk): void {
  if (node.type === 'heredoc_redirect') walkHeredocBody(node, command, walk);
  else walkBlock(node, walk, null);
}

/** A native heredoc body: a script when it feeds a shell (`bash <<EOF`), else data whose `$(…)` still run. */
function walkHeredocBody(redirect: TSNode, command: ShellCommand | null, walk: Walk): void {
  const body = childrenOf(redirect).find((c) => c.type === 'heredoc_body');
  if (body === undefined) return;
  if (command !== null && feedsShell(command) && walk.depth < MAX_DEPTH) {
    const start = body.startIndex;
    parseInto(walk.text.slice(start, body.endIndex), (o) => walk.map(start + o), walk.sink, childShell(walk, true));
  } else {
    walkAny(body, walk);
  }
}

function childShell(walk: Walk, inSubshell: boolean): WalkOptions {
  return { inSubshell, depth: walk.depth + 1, heredocs: null };
}

// ─── Words ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Where each character of a static word's value came from, so `sh -c '…'` can be parsed with exact positions. */
interface WordSource {
  offsets: number[];
  end: number;
  map: OffsetMapper;
}

const wordSources = new WeakMap<ShellWord, WordSource>();

interface Decoded {
  value: string;
  offsets: number[];
  dynamic: boolean;
}

const EXPANSIONS = new Set([
  'simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion'
]);

function wordOf(node: TSNode, walk: Walk): ShellWord {
  const decoded = decode(node, walk.text);
  const word: ShellWord = {
    value: decoded.value,
    raw: walk.text.slice(node.startIndex, node.endIndex),
    range: rangeAt(walk.map, node.startIndex, node.endIndex),
    dynamic: decoded.dynamic
  };
  if (!decoded.dynamic) wordSources.set(word, { offsets: decoded.offsets, end: node.endIndex, map: walk.map });
  return word;
}

function decode(node: TSNode, text: string): Decoded {
  const out: Decoded = { value: '', offsets: [], dynamic: false };
  decodeInto(node, text, out);
  return out;
}

function decodeInto(node: TSNode, text: string, out: Decoded): void {
  const { startIndex: start, endIndex: end, type } = node;
  if (EXPANSIONS.has(type)) {
    appendRaw(out, text, start, end);
    out.dynamic = true;
  } else if (type === 'word' || type === 'number') unescapeInto(out, text, start, end, isUnquotedEscape);
  else if (type === 'raw_string') appendRaw(out, text, start + 1, Math.max(start + 1, end - 1));
  else if (type === 'ansi_c_string') ansiCInto(out, text, start + 2, Math.max(start + 2, end - 1));
  else if (type === 'string_content') unescapeInto(out, text, start, end, isDoubleQuotedEscape);
  else if (node.childCount === 0) appendRaw(out, text, start, end);
  else decodeChildren(node, text, out, type === 'string' || type === 'translated_string');
}

/** Concatenates the children's values; text between children (if any) is taken literally. */
function decodeChildren(node: TSNode, text: string, out: Decoded, quoted: boolean): void {
  let cursor = node.startIndex;
  for (const child of childrenOf(node)) {
    appendRaw(out, text, cursor, child.startIndex);
    const isQuote = quoted && !child.isNamed && (child.type === '"' || child.type === '$"');
    if (!isQuote) decodeInto(child, text, out);
    cursor = child.endIndex;
  }
  appendRaw(out, text, cursor, node.endIndex);
}

function appendRaw(out: Decoded, text: string, start: number, end: number): void {
  for (let i = start; i < end; i++) push(out, text[i], i);
}

function push(out: Decoded, char: string, offset: number): void {
  out.value += char;
  out.offsets.push(offset);
}

const isUnquotedEscape = (): boolean => true;
const isDoubleQuotedEscape = (next: string): boolean => '$`"\\\n'.includes(next);

/** Resolves backslash escapes; `\<newline>` is a line continuation and vanishes. */
function unescapeInto(out: Decoded, text: string, start: number, end: number, escapes: (next: string) => boolean): void {
  for (let i = start; i < end; i++) {
    const next = text[i + 1];
    if (text[i] === '\\' && i + 1 < end && escapes(next)) {
      if (next !== '\n') push(out, next, i + 1);
      i++;
    } else push(out, text[i], i);
  }
}

const ANSI_C: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"'
};

/** `$'…'` strings: the common escapes only (octal/hex/unicode escapes stay as written). */
function ansiCInto(out: Decoded, text: string, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const replacement = text[i] === '\\' && i + 1 < end ? ANSI_C[text[i + 1]] : undefined;
    if (replacement === undefined) push(out, text[i], i);
    else push(out, replacement, ++i);
  }
}

/** `'EOF'`, `"EOF"`, `\EOF` → `EOF`. */
function heredocName(start: string): string {
  return [...start].filter((c) => c !== "'" && c !== '"' && c !== '\\').join('');
}

// ─── Commands and wrappers ───────────────────────────────────────────────────────────────────────────────────────

interface CommandPlace {
  range: Range;
  joinedBy: ShellJoin | null;
  pipeline: ShellCommand['pipeline'];
  inSubshell: boolean;
}

function buildCommand(words: ShellWord[], assignments: ShellAssignment[], redirects: ShellRedirect[], place: CommandPlace): ShellCommand {
  const { rest, wrappers, wrapperAssignments } = stripWrappers(words);
  const [nameWord, ...args] = rest;
  return {
    name: commandBasename(nameWord.value),
    nameWord,
    args,
    range: place.range,
    wrappers,
    assignments: [...assignments, ...wrapperAssignments],
    pipeline: place.pipeline,
    redirects,
    joinedBy: place.joinedBy,
    inSubshell: place.inSubshell
  };
}

function commandBasename(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash < 0 || slash === value.length - 1 ? value : value.slice(slash + 1);
}

/** How to skip past a wrapper's own options to the command it runs. */
interface WrapperSpec {
  /** Options that take the next word as their value. */
  withValue: ReadonlySet<string>;
  /** Positional operands before the wrapped command (`timeout 10 cmd`, `gosu user cmd`). */
  operands?: number;
  /** `NAME=value` operands before the command (`env A=1 cmd`, `sudo A=1 cmd`). */
  assignments?: boolean;
  /** Returns false when this use is not a wrapper at all (`command -v foo` only looks foo up). */
  wraps?: (words: ShellWord[]) => boolean;
}

const WRAPPERS: ReadonlyMap<string, WrapperSpec> = new Map<string, WrapperSpec>([
  ['sudo', {
    withValue: new Set(['-u', '-g', '-p', '-r', '-t', '-C', '-D', '-R', '-T', '-U', '-h', '--user', '--group', '--prompt',
      '--role', '--type', '--close-from', '--chdir', '--chroot', '--other-user', '--host', '--command-timeout']),
    assignments: true
  }],
  ['env', { withValue: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']), assignments: true }],
  ['xargs', { withValue: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--eof',
    '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var']) }],
  ['time', { withValue: new Set(['-f', '-o', '--format', '--output']) }],
  ['nice', { withValue: new Set(['-n', '--adjustment']) }],
  ['exec', { withValue: new Set(['-a']) }],
  ['command', { withValue: new Set(), wraps: (words) => !words.some((w) => w.value === '-v' || w.value === '-V') }],
  ['nohup', { withValue: new Set() }],
  ['timeout', { withValue: new Set(['-s', '-k', '--signal', '--kill-after']), operands: 1 }],
  ['gosu', { withValue: new Set(), operands: 1 }],
  ['su-exec', { withValue: new Set(), operands: 1 }]
]);

function stripWrappers(words: ShellWord[]): { rest: ShellWord[]; wrappers: string[]; wrapperAssignments: ShellAssignment[] } {
  const wrappers: string[] = [];
  const wrapperAssignments: ShellAssignment[] = [];
  let rest = words;
  for (;;) {
    const name = commandBasename(rest[0].value);
    const spec = rest[0].dynamic ? undefined : WRAPPERS.get(name);
    if (spec === undefined || (spec.wraps !== undefined && !spec.wraps(rest))) break;
    const assigned: ShellAssignment[] = [];
    const start = wrappedCommandIndex(rest, spec, assigned);
    if (start >= rest.length) break; // `sudo -i`, `env`, bare `xargs`: the wrapper is the command
    wrappers.push(name);
    wrapperAssignments.push(...assigned);
    rest = rest.slice(start);
  }
  return { rest, wrappers, wrapperAssignments };
}

function wrappedCommandIndex(words: ShellWord[], spec: WrapperSpec, assigned: ShellAssignment[]): number {
  let i = 1;
  while (i < words.length) {
    const value = words[i].value;
    if (value === '--') return i + 1 + (spec.operands ?? 0);
    if (isFlagWord(words[i])) i += takesValue(value, spec.withValue) ? 2 : 1;
    else if (spec.assignments === true && isAssignmentWord(value)) {
      const eq = value.indexOf('=');
      assigned.push({ name: value.slice(0, eq), value: value.slice(eq + 1) });
      i++;
    } else break;
  }
  return i + (spec.operands ?? 0);
}

function isAssignmentWord(value: string): boolean {
  const eq = value.indexOf('=');
  if (eq <= 0) return false;
  const name = value.slice(0, eq);
  return [...name].every((c, i) => c === '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9'));
}

// ─── Child shells: `sh -c '…'` and heredocs fed to a shell ───────────────────────────────────────────────────────

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
/** Shell options that take a value (`bash -o pipefail -c …`). */
const SHELL_VALUE_FLAGS = ['-o', '+o', '-O', '+O'];

/** Parses the script of `sh -c 'script'` when it is a static word, mapping positions back through its quoting. */
function parseDashC(command: ShellCommand, walk: Walk, inSubshell: boolean): void {
  if (!SHELLS.has(command.name) || !hasFlag(command, '-c') || walk.depth >= MAX_DEPTH) return;
  const script = argsNoFlags(command, SHELL_VALUE_FLAGS)[0];
  const source = script === undefined ? undefined : wordSources.get(script);
  if (script === undefined || source === undefined) return;
  const map: OffsetMapper = (o) => source.map(source.offsets[o] ?? source.end);
  parseInto(script.value, map, walk.sink, childShell(walk, inSubshell));
}

/** True when the command reads its script from stdin: `bash`, `sh -s`, `sudo sh -eux` (no `-c`, no script file). */
function feedsShell(command: ShellCommand): boolean {
  if (!SHELLS.has(command.name) || hasFlag(command, '-c')) return false;
  return hasFlag(command, '-s') || argsNoFlags(command, SHELL_VALUE_FLAGS).length === 0;
}

/** A `#!` line naming something other than a shell (`#!/usr/bin/env python3`) makes a RUN heredoc a non-shell script. */
function hasForeignShebang(body: string): boolean {
  if (!body.startsWith('#!')) return false;
  const newline = body.indexOf('\n');
  const words = body.slice(2, newline < 0 ? body.length : newline).trim().split(/[ \t]+/);
  const interpreter = commandBasename(words[0] ?? '');
  const program = interpreter === 'env' ? words.slice(1).find((w) => !w.startsWith('-')) ?? '' : interpreter;
  return !SHELLS.has(commandBasename(program));
}

// ─── Dockerfile instructions ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The shell of a `RUN` (also `ONBUILD RUN`, shell- or exec-form `CMD`/`ENTRYPOINT`, `HEALTHCHECK CMD`), with positions
 * in the Dockerfile. Exec form (`RUN ["apt-get", "install", "x"]`) gives one command built from the JSON strings
 * (and the commands of `["sh", "-c", "…"]`). Heredocs: `RUN <<EOF` (body is the script unless it starts with a
 * non-shell `#!`) and `RUN bash <<EOF` parse the body as shell; other heredocs (`RUN python3 <<EOF`) are data and only
 * show as a `<<` redirect. Returns null for other instructions or when there is no shell text.
 */
export function shellOfInstruction(dockerfileText: string, instruction: Instruction, escapeChar: string): ShellScript | null {
  const target = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : instruction;
  const start = target === null ? null : shellStart(target);
  if (target === null || start === null) return null;
  const lines = cachedLineStarts(dockerfileText);
  const from = offsetAt(lines, start, dockerfileText.length);
  const to = offsetAt(lines, target.getRange().end, dockerfileText.length);
  if (to <= from) return null;
  const raw = dockerfileText.slice(from, to);
  const map: OffsetMapper = (o) => positionAt(lines, from + o);
  const { text, logicalEnd } = normaliseInstruction(raw, escapeChar === '' ? '\\' : escapeChar);
  const exec = scanJsonArray(text.slice(0, logicalEnd));
  if (exec !== null) return execFormScript(text, exec, map);
  const heredocs = target.getKeyword() === 'RUN' ? dockerHeredocs((target as Run).getHeredocs(), lines, from, raw) : [];
  return heredocScript(text, logicalEnd, heredocs, map);
}

/** Where the shell text starts: after the keyword and flags (`--mount=…`), or after `CMD` for HEALTHCHECK. */
function shellStart(instruction: Instruction): { line: number; character: number } | null {
  const keyword = instruction.getKeyword();
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') return instruction.getArgumentsRange()?.start ?? null;
  if (keyword !== 'HEALTHCHECK') return null;
  const [subcommand, first] = instruction.getArguments();
  return subcommand?.getValue().toUpperCase() === 'CMD' && first !== undefined ? first.getRange().start : null;
}

/** Parses the (heredoc-rewritten) command line, then each heredoc body that is a script. */
function heredocScript(text: string, logicalEnd: number, heredocs: DockerHeredoc[], map: OffsetMapper): ShellScript {
  const sink = newSink();
  const byStart = new Map(heredocs.map((h) => [h.start, h]));
  const walk = parseInto(rewriteHeredocs(text, logicalEnd, heredocs), map, sink, { inSubshell: false, depth: 0, heredocs: byStart });
  const only = heredocs.length === 1 && text.slice(0, logicalEnd).trim() === text.slice(heredocs[0].start, heredocs[0].end);
  for (const heredoc of heredocs) parseDockerHeredoc(heredoc, text, walk, only);
  return finish(text, sink);
}

/** `text` is the instruction text with the bodies intact (the walk's own text has them blanked). */
function parseDockerHeredoc(heredoc: DockerHeredoc, text: string, walk: Walk, only: boolean): void {
  if (heredoc.content === null) return;
  const { start, end } = heredoc.content;
  const source = text.slice(start, end);
  const consumer = walk.consumers.get(heredoc.start);
  const map: OffsetMapper = (o) => walk.map(start + o);
  // BuildKit runs a lone `RUN <<EOF` body as the script itself (honouring a `#!`); otherwise sh sees a real heredoc.
  if (only ? !hasForeignShebang(source) : consumer !== undefined && feedsShell(consumer)) {
    parseInto(source, map, walk.sink, childShell(walk, !only));
  } else if (!heredoc.quoted && consumer !== undefined) {
    walkDataHeredoc(heredoc.name, source, map, walk);
  }
}

/** An unquoted data heredoc still runs its `$(…)`: parse it as a real heredoc to find them. */
function walkDataHeredoc(name: string, body: string, map: OffsetMapper, walk: Walk): void {
  const prefix = `: <<${name}\n`;
  const inner: Walk = { ...walk, text: `${prefix}${body}\n${name}\n`, map: (o) => map(o - prefix.length), consumers: new Map() };
  withTree(inner.text, (root) => {
    for (const body of root.descendantsOfType('heredoc_body')) if (body !== null) walkAny(body, inner);
  }, walk.sink);
}

/** The heredocs dockerfile-ast found, in shell-text offsets; incomplete ones (no delimiter line) are left to bash. */
function dockerHeredocs(found: Heredoc[], lines: number[], from: number, raw: string): DockerHeredoc[] {
  const out: DockerHeredoc[] = [];
  const offset = (position: { line: number; character: number }): number => offsetAt(lines, position, Infinity) - from;
  for (const heredoc of found) {
    const content = heredoc.getContentRange();
    const start = offset(heredoc.getStartRange().start);
    if (heredoc.getDelimiterRange() === null || !raw.startsWith('<<', start)) continue;
    const nameStart = offset(heredoc.getNameRange().start);
    let end = offset(heredoc.getNameRange().end);
    const quote = raw[nameStart - 1];
    if ((quote === "'" || quote === '"') && raw[end] === quote) end++;
    out.push({
      start,
      end,
      op: raw.startsWith('<<-', start) ? '<<-' : '<<',
      name: heredoc.getName(),
      quoted: [..."'\"\\"].some((quote) => raw.slice(start, end).includes(quote)), // <<'EOF', <<"EOF", <<\EOF
      content: content === null ? null : { start: offset(content.start), end: offset(content.end) }
    });
  }
  return out;
}

/**
 * tree-sitter-bash cannot parse `<<EOF` before a command, alone, or twice on one line. Rewrite each `<<NAME` to a
 * same-length `<HHHH` file redirect (recognised by offset later) and blank the bodies, which are parsed separately.
 */
function rewriteHeredocs(text: string, logicalEnd: number, heredocs: DockerHeredoc[]): string {
  if (heredocs.length === 0) return text;
  const chars = text.slice(0, logicalEnd).split(''); // UTF-16 units, like every offset here
  for (const { start, end } of heredocs) for (let i = start + 1; i < end; i++) chars[i] = 'H';
  const bodies = text.slice(logicalEnd).split('').map((c) => (c === '\n' ? c : ' '));
  return chars.join('') + bodies.join('');
}

/**
 * Makes the instruction text what bash would see, keeping every offset: a continuation (escape char, optional
 * blanks, newline) plus any comment or empty lines Docker drops after it becomes blanks ending in `\`+newline; CRs
 * before newlines become spaces. `logicalEnd` is where the command line ends and heredoc bodies begin.
 */
function normaliseInstruction(raw: string, escape: string): { text: string; logicalEnd: number } {
  const chars = raw.split('');
  let lineStart = 0;
  let joinFrom = -1;
  let logicalEnd = raw.length;
  for (;;) {
    const newline = raw.indexOf('\n', lineStart);
    const line = raw.slice(lineStart, newline < 0 ? raw.length : newline);
    if (joinFrom >= 0 && isDroppedLine(line)) {
      if (newline < 0) break;
      lineStart = newline + 1;
      continue;
    }
    if (joinFrom >= 0) joinLines(chars, joinFrom, lineStart);
    joinFrom = -1;
    const escapeAt = continuationAt(line, escape);
    if (escapeAt >= 0 && newline < 0) chars[lineStart + escapeAt] = ' '; // a trailing continuation at the very end
    if (escapeAt < 0 || newline < 0) {
      logicalEnd = newline < 0 ? raw.length : newline + 1;
      break;
    }
    joinFrom = lineStart + escapeAt;
    lineStart = newline + 1;
  }
  if (joinFrom >= 0) for (let i = joinFrom; i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return { text: blankCarriageReturns(chars.join('')), logicalEnd };
}

/** Docker drops blank lines and `#` comment lines inside a continued instruction. */
function isDroppedLine(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

/** Index of the escape char ending `line` (only blanks may follow it), else -1. */
function continuationAt(line: string, escape: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end--;
  return end > 0 && line[end - 1] === escape ? end - 1 : -1;
}

/** Turns `[from, to)` (escape char … newline before the next kept line) into blanks followed by `\`+newline. */
function joinLines(chars: string[], from: number, to: number): void {
  for (let i = from; i < to - 2; i++) chars[i] = ' ';
  chars[to - 2] = '\\';
  chars[to - 1] = '\n';
}

function blankCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) if (chars[i] === '\r' && (i + 1 === chars.length || chars[i + 1] === '\n')) chars[i] = ' ';
  return chars.join('');
}

// ─── Exec form ───────────────────────────────────────────────────────────────────────────────────────────────────

interface JsonString {
  value: string;
  offsets: number[];
  start: number;
  end: number;
}

interface JsonArray {
  strings: JsonString[];
  start: number;
  end: number;
}

/** Exec form is a JSON array of strings; anything else (even `['a']`) is shell form, as in BuildKit. */
function scanJsonArray(text: string): JsonArray | null {
  const start = skipBlanks(text, 0);
  if (text[start] !== '[') return null;
  const strings: JsonString[] = [];
  let i = skipBlanks(text, start + 1);
  if (text[i] === ']') return skipBlanks(text, i + 1) === text.length ? { strings, start, end: i + 1 } : null;
  for (;;) {
    const string = scanJsonString(text, i);
    if (string === null) return null;
    strings.push(string);
    i = skipBlanks(text, string.end);
    if (text[i] === ']') break;
    if (text[i] !== ',') return null;
    i = skipBlanks(text, i + 1);
  }
  return skipBlanks(text, i + 1) === text.length ? { strings, start, end: i + 1 } : null;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function scanJsonString(text: string, start: number): JsonString | null {
  if (text[start] !== '"') return null;
  const out: Decoded = { value: '', offsets: [], dynamic: false };
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '"') return { value: out.value, offsets: out.offsets, start, end: i + 1 };
    if (char < ' ') return null;
    if (char !== '\\') push(out, char, i);
    else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      push(out, String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i);
      i += 5;
    } else if (JSON_ESCAPES[text[i + 1]] !== undefined) {
      push(out, JSON_ESCAPES[text[i + 1]], i + 1);
      i++;
    } else return null;
  }
  return null;
}

/** Skips whitespace and the `\`+newline left by normaliseInstruction. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (' \t\n'.includes(text[i]) || (text[i] === '\\' && text[i + 1] === '\n'))) i++;
  return i;
}

function execFormScript(text: string, array: JsonArray, map: OffsetMapper): ShellScript {
  const sink = newSink();
  if (array.strings.length > 0) {
    const words = array.strings.map((s) => jsonWord(text, s, map));
    const place = { range: rangeAt(map, array.start, array.end), joinedBy: null, pipeline: null, inSubshell: false };
    const command = buildCommand(words, [], [], place);
    sink.commands.push(command);
    const walk: Walk = { text, map, sink, inSubshell: false, depth: 0, heredocs: null, consumers: new Map() };
    parseDashC(command, walk, false); // `["sh", "-c", "…"]`: that script is the instruction's only shell
  }
  return finish(text, sink);
}

function jsonWord(text: string, string: JsonString, map: OffsetMapper): ShellWord {
  const word: ShellWord = {
    value: string.value,
    raw: text.slice(string.start, string.end),
    range: rangeAt(map, string.start, string.end),
    dynamic: false // exec form is not run by a shell: nothing is expanded
  };
  wordSources.set(word, { offsets: string.offsets, end: string.end, map });
  return word;
}

// ─── Positions ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The end is the position after the last character (not `map(end)`, which may lie past a quote or escape). */
function rangeAt(map: OffsetMapper, start: number, end: number): Range {
  const from = map(start);
  const last = end > start ? map(end - 1) : { line: from.line, column: from.column - 1 };
  return { line: from.line, column: from.column, endLine: last.line, endColumn: last.column + 1 };
}

/** Line start offsets; `\r\n`, `\n` and a lone `\r` end a line, as in the LSP documents dockerfile-ast uses. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

/** Rules call shellOfInstruction once per instruction of the same file: keep that file's line starts. */
let lastLines: { text: string; starts: number[] } | null = null;

function cachedLineStarts(text: string): number[] {
  if (lastLines?.text !== text) lastLines = { text, starts: lineStarts(text) };
  return lastLines.starts;
}

function offsetAt(lines: number[], position: { line: number; character: number }, max: number): number {
  const lineStart = lines[Math.min(position.line, lines.length - 1)] ?? 0;
  return Math.min(lineStart + position.character, max);
}

function positionAt(lines: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lines[low] + 1 };
}

function snippetMapper(text: string): OffsetMapper {
  const lines = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.push(i + 1);
  return (offset) => positionAt(lines, offset);
}

// ─── Queries (the vocabulary rules use) ──────────────────────────────────────────────────────────────────────────

/** Commands whose name (after wrappers are stripped) is one of `names`, in source order. */
export function commandsNamed(script: ShellScript, ...names: string[]): ShellCommand[] {
  return script.commands.filter((command) => names.includes(command.name));
}

/** Commands named one of `names` that come after `command` in the script (all commands when no names are given). */
export function commandsAfter(script: ShellScript, command: ShellCommand, ...names: string[]): ShellCommand[] {
  const later = script.commands.slice(script.commands.indexOf(command) + 1);
  return names.length === 0 ? later : later.filter((c) => names.includes(c.name));
}

/**
 * True when the command has any of `flags` before a `--`. Long flags match with or without `=value`
 * (`--progress=dot` has `--progress`). Two-character short flags also match inside a group (`-qy` has `-y`).
 * Synonyms are not implied: pass `'-y', '--yes', '--assume-yes'` to accept any of them.
 * Other single-dash flags (`-name`, `-rf` as a whole) match only exactly.
 */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  return optionWords(command).some((word) => flags.some((flag) => flagMatches(word.value, flag)));
}

/**
 * The first value given to `flag`: `--mount=x`, `--mount x`, `-o x`, `-ox`, or `-euo x` (a group ending in the
 * flag takes the next word). Assumes `flag` takes a value; null when absent.
 */
export function flagValue(command: ShellCommand, flag: string): string | null {
  return flagValues(command, flag)[0] ?? null;
}

/** Every value given to `flag` (`-o A -o B` → `['A', 'B']`), with the forms `flagValue` accepts. */
export function flagValues(command: ShellCommand, flag: string): string[] {
  const words = optionWords(command);
  const values: string[] = [];
  words.forEach((word, i) => {
    const value = valueOfFlag(word.value, flag, words[i + 1]?.value);
    if (value !== null) values.push(value);
  });
  return values;
}

/**
 * Positional arguments: skips flags, and the value word of each flag listed in `flagsWithValues` (exact spelling:
 * `-o`, `--prefix`; a short one also counts at the end of a group, `-qr file`). Everything after `--` is positional.
 * Examples of value flags: apt-get `-o`, `-t`; pip `-r`, `-c`, `-i`, `--index-url`; npm `--prefix`.
 */
export function argsNoFlags(command: ShellCommand, flagsWithValues: readonly string[] = []): ShellWord[] {
  const withValue = new Set(flagsWithValues);
  const out: ShellWord[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i];
    if (word.value === '--' && !word.dynamic) return out.concat(command.args.slice(i + 1));
    if (!isFlagWord(word)) out.push(word);
    else if (takesValue(word.value, withValue)) i++;
  }
  return out;
}

/** The first positional argument (`apt-get -y install x` → `install`), or null. */
export function subcommand(command: ShellCommand, flagsWithValues: readonly string[] = []): string | null {
  return argsNoFlags(command, flagsWithValues)[0]?.value ?? null;
}

/** True when any argument's value is exactly one of `values`. */
export function hasArg(command: ShellCommand, ...values: string[]): boolean {
  return command.args.some((word) => values.includes(word.value));
}

/** The words that can be options: every argument before a `--`. */
function optionWords(command: ShellCommand): ShellWord[] {
  const end = command.args.findIndex((word) => word.value === '--' && !word.dynamic);
  return end < 0 ? command.args : command.args.slice(0, end);
}

function isFlagWord(word: ShellWord): boolean {
  return word.value.length > 1 && word.value.startsWith('-');
}

/** A short-option group such as `-qy` or `+ex` (letters and digits only, so `-Dx.y=z` is not taken apart). */
function isShortGroup(value: string): boolean {
  return value.length > 2 && (value[0] === '-' || value[0] === '+') && value[1] !== '-' && /^[A-Za-z0-9]+$/.test(value.slice(1));
}

function isShortFlag(flag: string): boolean {
  return flag.length === 2 && (flag[0] === '-' || flag[0] === '+') && flag[1] !== '-';
}

function flagMatches(value: string, flag: string): boolean {
  if (value === flag) return true;
  if (flag.startsWith('--')) return value.startsWith(`${flag}=`);
  if (isShortFlag(flag)) return isShortGroup(value) && value[0] === flag[0] && value.includes(flag[1], 1);
  return value.startsWith(`${flag}=`);
}

/** getopt's reading: in a group, the first option that takes a value swallows the rest, or the next word if last. */
function takesValue(value: string, withValue: ReadonlySet<string>): boolean {
  if (withValue.has(value)) return true;
  if (value.startsWith('--') || !isShortGroup(value)) return false;
  for (let i = 1; i < value.length; i++) if (withValue.has(value[0] + value[i])) return i === value.length - 1;
  return false;
}

function valueOfFlag(value: string, flag: string, next: string | undefined): string | null {
  if (value === flag) return next ?? null;
  if (!isShortFlag(flag)) return value.startsWith(`${flag}=`) ? value.slice(flag.length + 1) : null;
  if (value.length <= 2 || value[0] !== flag[0] || value[1] === '-') return null;
  const at = value.indexOf(flag[1], 1);
  if (at < 0) return null;
  return at === value.length - 1 ? next ?? null : value.slice(at + 1);
}
