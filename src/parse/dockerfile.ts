// Dockerfile → instructions grouped into build stages, with resolved base images and exact positions.
import { DockerfileParser, type Arg, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
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
