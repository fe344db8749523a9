// What the non-RUN rules share: every instruction with its stage (ONBUILD triggers included), instruction flags, the
// sources and destination of a COPY/ADD read from dockerfile-ast with exact positions (exec form, heredocs,
// continuations), the variables an ENV/LABEL value refers to, and the build contexts a Dockerfile is built with.
import path from 'node:path';
import type { Flag, Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import type { Range } from '../../../src/engine/types.js';
import { filesOfKind, type Project } from '../../../src/model/project.js';
import { expandAt, type DockerfileFile, type DockerfileStage } from '../../../src/parse/dockerfile.js';
import { fromLsp } from '../../../src/parse/positions.js';
import { normalizeRelative } from '../../../src/workspace/workspace.js';
import { buildOf } from '../../../src/model/compose-build.js';
import { allServices } from '../../../src/model/compose-project.js';

// ─── Instructions with their stage ───────────────────────────────────────────────────────────────────────────────

export interface StageInstruction {
  /** The instruction itself, or the trigger of an ONBUILD. */
  instruction: Instruction;
  stage: DockerfileStage;
  /** True for an ONBUILD trigger: it runs later, in the build of an image FROM this one. */
  onbuild: boolean;
  /** The ONBUILD holding the trigger, or the instruction itself. */
  holder: Instruction;
}

/** Every instruction after a FROM with its stage, ONBUILD triggers as their own entries (the ONBUILD itself is not listed). */
export function stageInstructionsAll(file: DockerfileFile): StageInstruction[] {
  const out: StageInstruction[] = [];
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'ONBUILD') {
        out.push({ instruction, stage, onbuild: false, holder: instruction });
        continue;
      }
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger) out.push({ instruction: trigger, stage, onbuild: true, holder: instruction });
    }
  }
  return out;
}

/** Instructions with one of `keywords` (ONBUILD triggers included), in source order. */
export function instructionsNamed(file: DockerfileFile, ...keywords: string[]): StageInstruction[] {
  return stageInstructionsAll(file).filter((i) => keywords.includes(i.instruction.getKeyword()));
}

/** A flag of an instruction (`--from`, `--network`), by lower-case name. */
export function flagNamed(instruction: Instruction, name: string): Flag | null {
  const withFlags = instruction as Partial<Pick<JSONInstruction, 'getFlags'>>;
  if (typeof withFlags.getFlags !== 'function') return null;
  return withFlags.getFlags().find((f) => f.getName().toLowerCase() === name) ?? null;
}

export function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

// ─── COPY / ADD ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface CopyWord {
  /** The value Docker uses: quotes removed, JSON decoded; a heredoc source is its name (`<<EOF` → `EOF`). */
  value: string;
  /** Exactly as written. */
  written: string;
  range: Range;
  heredoc: boolean;
}

export interface CopyArgs {
  keyword: 'COPY' | 'ADD';
  /** Exec form: `COPY ["a", "b", "/c/"]`. */
  json: boolean;
  sources: CopyWord[];
  dest: CopyWord;
  /** The `--from` value as written, or null. */
  from: string | null;
}

/**
 * The sources and destination of a COPY or ADD (or such an ONBUILD trigger); null when it has fewer than two
 * arguments or the exec form does not parse.
 */
export function copyArgs(file: DockerfileFile, instruction: Instruction): CopyArgs | null {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return null;
  const from = flagNamed(instruction, 'from')?.getValue() ?? null;
  const words = jsonWords(file, instruction as JSONInstruction) ?? shellWords(file, instruction);
  if (words === null || words.words.length < 2) return null;
  return { keyword, json: words.json, sources: words.words.slice(0, -1), dest: words.words[words.words.length - 1], from };
}

function jsonWords(file: DockerfileFile, instruction: JSONInstruction): { words: CopyWord[]; json: true } | null {
  const strings = instruction.getJSONStrings();
  if (!strings.length) return null;
  const words: CopyWord[] = [];
  for (const string of strings) {
    const range = fromLsp(string.getRange());
    if (range.line !== range.endLine) return null;
    // dockerfile-ast drops white space inside JSON strings: read the source text instead.
    const written = (file.lines[range.line - 1] ?? '').slice(range.column - 1, range.endColumn - 1);
    let value: unknown;
    try {
      value = JSON.parse(written);
    } catch {
      return null;
    }
    if (typeof value !== 'string') return null;
    words.push({ value, written, range, heredoc: false });
  }
  return { words, json: true };
}

function shellWords(file: DockerfileFile, instruction: Instruction): { words: CopyWord[]; json: false } | null {
  const args = instruction.getArguments();
  // With heredocs, the arguments after the command line are the bodies: keep the logical line holding the first `<<`.
  const first = args.find((a) => a.getValue().startsWith('<<'));
  let lastLine = Infinity;
  if (first) {
    lastLine = fromLsp(first.getRange()).line;
    while (continues(file, lastLine)) lastLine++;
  }
  const words: CopyWord[] = [];
  for (const arg of args) {
    const range = fromLsp(arg.getRange());
    if (range.line > lastLine) break;
    const written = arg.getValue();
    const heredoc = written.startsWith('<<');
    const value = heredoc ? written.replace(/^<<-?/, '').replace(/["']/g, '') : unquote(written);
    words.push({ value, written, range, heredoc });
  }
  return { words, json: false };
}

/** True when `line` (1-based) ends with the escape character, so the instruction continues on the next line. */
function continues(file: DockerfileFile, line: number): boolean {
  const text = (file.lines[line - 1] ?? '').replace(/[ \t\r]+$/, '');
  const escape = file.escapeChar || '\\';
  return text.endsWith(escape) && line < file.lines.length;
}

/**
 * The value of a COPY/ADD word with ARG/ENV values expanded as the instruction sees them; null when a variable has no
 * known value, or for an ONBUILD trigger using variables (they take the values of the child build).
 */
export function expandedWord(file: DockerfileFile, item: StageInstruction, word: CopyWord): string | null {
  if (word.heredoc || !word.value.includes('$')) return word.value;
  if (item.onbuild) return null;
  const { value, unresolved } = expandAt(file, item.stage, item.instruction, word.value);
  return unresolved ? null : value;
}

/** Every COPY and ADD (ONBUILD triggers included) with its parsed arguments. */
export function copies(file: DockerfileFile): (StageInstruction & { args: CopyArgs })[] {
  const out: (StageInstruction & { args: CopyArgs })[] = [];
  for (const item of instructionsNamed(file, 'COPY', 'ADD')) {
    const args = copyArgs(file, item.instruction);
    if (args) out.push({ ...item, args });
  }
  return out;
}

/** POSIX or Windows absolute path. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

// ─── Variable references in instruction text ─────────────────────────────────────────────────────────────────────

export interface VariableRef {
  name: string;
  /** Of the `$` up to the end of the name (`$A`, `${A`). */
  range: Range;
}

/**
 * The `$NAME` / `${NAME…}` references Docker expands in the source text of `range` (an ENV or LABEL value as written):
 * none inside single quotes, none after the escape character. Defaults inside `${A:-$B}` count too.
 */
export function variableRefs(file: DockerfileFile, range: Range): VariableRef[] {
  const escape = file.escapeChar || '\\';
  const refs: VariableRef[] = [];
  let single = false;
  let double = false;
  for (let line = range.line; line <= range.endLine; line++) {
    const text = file.lines[line - 1] ?? '';
    const from = line === range.line ? range.column - 1 : 0;
    const to = line === range.endLine ? Math.min(text.length, range.endColumn - 1) : text.length;
    for (let i = from; i < to; i++) {
      const c = text[i];
      if (c === escape && !single) {
        i++;
        continue;
      }
      if (c === "'" && !double) single = !single;
      else if (c === '"' && !single) double = !double;
      else if (c === '$' && !single) {
        const braced = text[i + 1] === '{';
        const start = braced ? i + 2 : i + 1;
        let end = start;
        while (end < to && /[A-Za-z0-9_]/.test(text[end]) && !(end === start && /[0-9]/.test(text[end]))) end++;
        if (end === start) continue;
        refs.push({ name: text.slice(start, end), range: { line, column: i + 1, endLine: line, endColumn: end + 1 } });
        i = end - 1;
      }
    }
  }
  return refs;
}

/** The value of a flag with ARG/ENV values expanded (as written for an ONBUILD trigger); null when unknown. */
export function flagValueAt(file: DockerfileFile, item: StageInstruction, flag: Flag): string | null {
  const value = flag.getValue();
  if (value === null || !value.includes('$')) return value;
  if (item.onbuild) return null;
  const expanded = expandAt(file, item.stage, item.instruction, value);
  return expanded.unresolved ? null : expanded.value;
}

/** Every flag of an instruction with a given lower-case name (`--mount` may repeat). */
export function flagsNamed(instruction: Instruction, name: string): Flag[] {
  const withFlags = instruction as Partial<Pick<JSONInstruction, 'getFlags'>>;
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().filter((f) => f.getName().toLowerCase() === name);
}

// ─── Build contexts ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The build contexts (repository paths, '' for the root) this Dockerfile is built with: those of the compose services
 * that build it, else its own folder (the `docker build -f … <dir>` default when nothing says otherwise).
 */
export function buildContexts(project: Project, dockerfile: DockerfileFile): string[] {
  let byDockerfile = contextsByProject.get(project);
  if (!byDockerfile) {
    // One pass over every service, shared by every Dockerfile and rule of this review (linear in the repository).
    byDockerfile = new Map();
    for (const service of allServices(project)) {
      const build = buildOf(service.dir, project, service.data, service.env);
      if (!build?.dockerfilePath || build.context === null) continue;
      const set = byDockerfile.get(build.dockerfilePath) ?? new Set<string>();
      set.add(build.context);
      byDockerfile.set(build.dockerfilePath, set);
    }
    contextsByProject.set(project, byDockerfile);
  }
  const contexts = byDockerfile.get(dockerfile.path);
  if (contexts?.size) return [...contexts];
  return [normalizeRelative(path.posix.dirname(dockerfile.path)) ?? ''];
}

const contextsByProject = new WeakMap<Project, Map<string, Set<string>>>();
