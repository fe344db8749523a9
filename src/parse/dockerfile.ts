// Dockerfile → instructions grouped into build stages, with resolved base images and exact positions.
import { DockerfileParser, type Arg, type Dockerfile, type Env, type From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { shellOfInstruction, type ShellScript } from './shell.js';
import type { Range } from '../engine/types.js';
import { expandVariables, parseImageRef, type ImageRef } from './image.js';
import { fromLsp } from './positions.js';
import { splitLines, type ParseProblem, type SourceFile } from './source.js';

export const INSTRUCTION_KEYWORDS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

export interface BaseImage {
  /** The FROM argument as written (before ARG expansion). */
  written: string;
  /** After expanding ARGs declared before the first FROM with their defaults (and given build args). */
  ref: ImageRef | null;
  /** True when some variable in the reference has no value: the image cannot be judged statically. */
  unresolved: boolean;
  /** The earlier stage this FROM builds on, if it names one. */
  stage: DockerfileStage | null;
  isScratch: boolean;
}

export interface DockerfileStage {
  index: number;
  /** As written after AS, or null. */
  name: string | null;
  from: From;
  base: BaseImage;
  /** FROM first, then every instruction up to the next FROM. */
  instructions: Instruction[];
  isFinal: boolean;
}

export interface DockerfileFile extends SourceFile {
  kind: 'dockerfile';
  ast: Dockerfile;
  escapeChar: string;
  /** Instructions in source order (ONBUILD triggers stay inside their ONBUILD). */
  instructions: Instruction[];
  /** ARGs declared before the first FROM. */
  globalArgs: Map<string, string | null>;
  stages: DockerfileStage[];
}

export function rangeOf(node: { getRange(): Parameters<typeof fromLsp>[0] }): Range {
  return fromLsp(node.getRange());
}

export function parseDockerfile(path: string, text: string, buildArgs: Record<string, string> = {}): { file: DockerfileFile; problems: ParseProblem[] } {
  const ast = parseWithSpacedHeredocs(text);
  const instructions = ast.getInstructions();
  const problems: ParseProblem[] = [];
  const globalArgs = new Map<string, string | null>();
  const stages: DockerfileStage[] = [];
  let current: DockerfileStage | null = null;

  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (!INSTRUCTION_KEYWORDS.has(keyword)) {
      problems.push({ path, message: `unknown instruction \`${instruction.getInstruction()}\``, range: fromLsp(instruction.getInstructionRange()) });
      continue;
    }
    if (keyword === 'FROM') {
      const from = instruction as From;
      const base = resolveBase(from, globalArgs, buildArgs, stages);
      current = { index: stages.length, name: from.getBuildStage(), from, base, instructions: [from], isFinal: false };
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    } else if (keyword === 'ARG') {
      const property = (instruction as Arg).getProperty();
      if (property) {
        // A default may use earlier ARGs (`ARG IMAGE=python:$VERSION`): store it expanded, or null when some value is unknown.
        const raw = property.getValue();
        const expanded = raw === null ? null : expandVariables(raw, (name) => (name in buildArgs ? buildArgs[name] : globalArgs.get(name)));
        globalArgs.set(property.getName(), expanded === null || expanded.unresolved ? null : expanded.value);
      }
    } else {
      problems.push({ path, message: `\`${keyword}\` before the first FROM: only ARG may come before FROM`, range: fromLsp(instruction.getInstructionRange()) });
    }
  }
  if (stages.length) stages[stages.length - 1].isFinal = true;
  else if (instructions.length || text.trim()) {
    problems.push({ path, message: 'no FROM instruction: this is not a buildable Dockerfile', range: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
  }

  const file: DockerfileFile = {
    path, kind: 'dockerfile', text, lines: splitLines(text), ast, escapeChar: ast.getEscapeCharacter(), instructions, globalArgs, stages,
  };
  return { file, problems };
}

function resolveBase(from: From, globalArgs: Map<string, string | null>, buildArgs: Record<string, string>, stages: DockerfileStage[]): BaseImage {
  const written = from.getImage() ?? '';
  const { value, unresolved } = expandVariables(written, (name) => (name in buildArgs ? buildArgs[name] : globalArgs.get(name)));
  const lower = value.toLowerCase();
  const stage = stages.find((s) => s.name !== null && s.name.toLowerCase() === lower) ?? null;
  return { written, ref: stage ? null : parseImageRef(value), unresolved, stage, isScratch: lower === 'scratch' };
}

/** The stage a build ends in: the named target, or the last one. */
export function targetStage(file: DockerfileFile, target?: string | null): DockerfileStage | null {
  if (target) return file.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase()) ?? null;
  return file.stages[file.stages.length - 1] ?? null;
}

/** Instructions of a stage with a given keyword. */
export function stageInstructions<T extends Instruction = Instruction>(stage: DockerfileStage, keyword: string): T[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword) as T[];
}

/** The chain of stages a stage builds on (itself first), following `FROM <stage>`. */
export function stageAncestry(stage: DockerfileStage): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let s: DockerfileStage | null = stage; s && !chain.includes(s); s = s.base.stage) chain.push(s);
  return chain;
}

/**
 * The variables an instruction of `stage` sees: ARG and ENV set before it in the stage and in the stages it builds on
 * (`FROM <stage>`), values expanded; an ARG re-declared without a value takes the global default. `null` means
 * declared but without a known value; names never declared are absent. (dockerfile-ast's `resolveVariable` does not
 * expand values, ignores `FROM <stage>` and recurses forever past the last stage, hence this.)
 */
export function variablesAt(file: DockerfileFile, stage: DockerfileStage, instruction: Instruction): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  const expand = (text: string) => {
    const { value, unresolved } = expandVariables(text, (name) => vars.get(name));
    return unresolved ? null : value;
  };
  for (const s of stageAncestry(stage).reverse()) {
    for (const i of s.instructions) {
      if (i === instruction) return vars;
      const keyword = i.getKeyword();
      if (keyword === 'ARG') {
        const property = (i as Arg).getProperty();
        if (!property) continue;
        const name = property.getName();
        const value = property.getValue();
        if (value !== null) vars.set(name, expand(value));
        else if (!vars.has(name)) vars.set(name, file.globalArgs.get(name) ?? null);
      } else if (keyword === 'ENV') {
        // Every value of one ENV sees the variables as they were before it (`ENV A=1 B=$A` leaves B as A was).
        const values = (i as Env).getProperties().map((p) => [p.getName(), expand(p.getValue() ?? '')] as const);
        for (const [name, value] of values) vars.set(name, value);
      }
    }
  }
  return vars;
}

/** Expands `$VAR` / `${VAR…}` in `text` as `instruction` of `stage` sees them; `unresolved` when some value is unknown. */
export function expandAt(file: DockerfileFile, stage: DockerfileStage, instruction: Instruction, text: string): { value: string; unresolved: boolean } {
  if (!text.includes('$')) return { value: text, unresolved: false };
  const vars = variablesAt(file, stage, instruction);
  return expandVariables(text, (name) => vars.get(name));
}

const shellCache = new WeakMap<Instruction, ShellScript | null>();

/** The parsed shell of a RUN (or ONBUILD RUN, shell-form CMD/ENTRYPOINT/HEALTHCHECK), parsed once per instruction. */
export function shellOf(file: DockerfileFile, instruction: Instruction): ShellScript | null {
  if (!shellCache.has(instruction)) shellCache.set(instruction, shellOfInstruction(file.text, instruction, file.escapeChar));
  return shellCache.get(instruction) ?? null;
}

/** Every RUN of the file with its shell, including the RUNs inside ONBUILD triggers. */
export function runInstructions(file: DockerfileFile): { instruction: Instruction; stage: DockerfileStage | null; onbuild: boolean }[] {
  const out: { instruction: Instruction; stage: DockerfileStage | null; onbuild: boolean }[] = [];
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() === 'RUN') out.push({ instruction, stage, onbuild: false });
      else if (instruction.getKeyword() === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') out.push({ instruction: trigger, stage, onbuild: true });
      }
    }
  }
  return out;
}

// ─── `RUN cat << 'EOF'`: a heredoc with a blank before its delimiter ─────────────────────────────────────────────
//
// BuildKit folds the blanks after `<<` into the heredoc word (`<< EOF` ≡ `<<EOF`); dockerfile-ast does not
// (upstream issue #120): with `<<` the body and delimiter lines become bogus instructions, with `<<-` the instruction
// swallows the rest of the file. Such a file is re-parsed from a copy in which each spaced operator is closed up,
// without moving anything else:
//   - `<< WORD` (one blank) becomes `<<-WORD`, same length: every position stays exact. `<<-` only differs from `<<`
//     in accepting a tab-indented delimiter line, so this is used only when no body line is one.
//   - otherwise (`<<- WORD`, several blanks, a tab-indented look-alike) the operator moves right onto its word
//     (`<<-  WORD` → `  <<-WORD`): only the operator token's own start column moves; every other position is exact.
// `file.text` stays the original, so the shell of the RUN is read from what was written. A spaced operator is closed
// up only when it is a word of its own on the command line of a RUN, COPY or ADD (or ONBUILD one), outside quotes,
// and every heredoc of that line finds its delimiter line — as BuildKit requires; otherwise the file is left alone.

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const SPACED_OPERATOR = /^<<-?$/;
const ATTACHED_HEREDOC = /^<<(-?)(\S+)$/;

/** dockerfile-ast's parse of `text`, re-done on a closed-up copy when some heredoc has a blank before its word. */
export function parseWithSpacedHeredocs(text: string): Dockerfile {
  let ast = DockerfileParser.parse(text);
  if (!text.includes('<<')) return ast;
  const lines = splitLines(text);
  let current = lines;
  // A `<<-` operator may have swallowed later instructions: look again after each repair (bounded).
  for (let round = 0; round < 16; round++) {
    const edits = spacedHeredocEdits(ast, current);
    if (edits.length === 0) break;
    const next = current.slice();
    for (const edit of edits) next[edit.line] = edit.text;
    current = next;
    ast = DockerfileParser.parse(current.join('\n'));
  }
  return ast;
}

interface LineEdit {
  /** 0-based line and its replacement (same length). */
  line: number;
  text: string;
}

function spacedHeredocEdits(ast: Dockerfile, lines: string[]): LineEdit[] {
  const escape = ast.getEscapeCharacter() || '\\';
  const edits = new Map<number, string>();
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    let args = instruction.getArguments();
    if (keyword === 'ONBUILD') {
      if (!HEREDOC_KEYWORDS.has(args[0]?.getValue().toUpperCase() ?? '')) continue;
      args = args.slice(1);
    } else if (!HEREDOC_KEYWORDS.has(keyword)) continue;
    if (!args.some((a) => SPACED_OPERATOR.test(a.getValue()))) continue;
    if (args[0]?.getValue().startsWith('[')) continue; // JSON form: no heredocs
    // The command line: the instruction's first line and its continuation lines; bodies start after it.
    const first = instruction.getRange().start.line;
    let last = first;
    while (last + 1 < lines.length && endsWithEscape(lines[last], escape)) last++;
    const words = args.filter((a) => a.getRange().start.line <= last);
    const heredocs: { name: string; chomp: boolean; spaced: { line: number; start: number; blanks: number; op: string } | null }[] = [];
    let unsure = false;
    for (let i = 0; i < words.length; i++) {
      const value = words[i].getValue();
      const start = words[i].getRange().start;
      if (SPACED_OPERATOR.test(value)) {
        const word = words[i + 1];
        if (!word || word.getRange().start.line !== start.line || quotedAt(lines, first, start, escape)) continue;
        const name = delimiterName(word.getValue());
        if (name === null) {
          unsure = true;
          break;
        }
        const blanks = word.getRange().start.character - (start.character + value.length);
        heredocs.push({ name, chomp: value === '<<-', spaced: { line: start.line, start: start.character, blanks, op: value } });
        i++;
      } else {
        const attached = ATTACHED_HEREDOC.exec(value);
        if (!attached || quotedAt(lines, first, start, escape)) continue;
        const name = delimiterName(attached[2]);
        if (name !== null) heredocs.push({ name, chomp: attached[1] === '-', spaced: null });
      }
    }
    if (unsure || !heredocs.some((h) => h.spaced)) continue;
    // Every heredoc of the line needs its delimiter line, in order, as BuildKit reads them.
    let line = last + 1;
    const lookalike: boolean[] = [];
    for (const heredoc of heredocs) {
      let found = -1;
      let tabbed = false;
      for (let l = line; l < lines.length; l++) {
        const candidate = lines[l].replace(/\r$/, '');
        if (candidate === heredoc.name || (heredoc.chomp && candidate.replace(/^\t+/, '') === heredoc.name)) {
          found = l;
          break;
        }
        if (candidate.replace(/^\t+/, '') === heredoc.name) tabbed = true;
      }
      if (found < 0) {
        unsure = true;
        break;
      }
      lookalike.push(tabbed);
      line = found + 1;
    }
    if (unsure) continue;
    heredocs.forEach((heredoc, i) => {
      const spaced = heredoc.spaced;
      if (!spaced) return;
      const text = edits.get(spaced.line) ?? lines[spaced.line];
      const { start, blanks, op } = spaced;
      const replacement = op === '<<' && blanks === 1 && !lookalike[i] ? '<<-' : `${' '.repeat(blanks)}${op}`;
      edits.set(spaced.line, text.slice(0, start) + replacement + text.slice(start + op.length + blanks));
    });
  }
  return [...edits].map(([line, text]) => ({ line, text }));
}

function endsWithEscape(line: string, escape: string): boolean {
  return line.replace(/[ \t\r]+$/, '').endsWith(escape);
}

/** The delimiter of a heredoc word (`EOF`, `'EOF'`, `"EOF"`, `\EOF`), or null when it is not a plain word. */
function delimiterName(word: string): string | null {
  const quoted = /^(['"])(.+)\1$/.exec(word);
  const name = quoted ? quoted[2] : word.startsWith('\\') ? word.slice(1) : word;
  return /^[A-Za-z0-9_.-]+$/.test(name) ? name : null;
}

/** True when `at` lies inside a quoted string of the command line that starts on line `first`. */
function quotedAt(lines: string[], first: number, at: { line: number; character: number }, escape: string): boolean {
  let quote: string | null = null;
  for (let l = first; l <= at.line; l++) {
    const text = lines[l];
    if (l > first && text.trimStart().startsWith('#')) continue; // a comment line inside a continued instruction
    const end = l === at.line ? at.character : text.length;
    for (let c = 0; c < end; c++) {
      const ch = text[c];
      if (quote === "'") {
        if (ch === "'") quote = null;
      } else if (ch === escape) c++;
      else if (quote === '"') {
        if (ch === '"') quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
    }
  }
  return quote !== null;
}
