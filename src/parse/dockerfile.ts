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
  const ast = DockerfileParser.parse(text);
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
      if (property) globalArgs.set(property.getName(), property.getValue());
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
        for (const property of (i as Env).getProperties()) vars.set(property.getName(), expand(property.getValue() ?? ''));
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
