import type { Arg, Env, Flag, Instruction, JSONInstruction, Run } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf, stageAncestry, variablesAt, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { baseImageSets, closestName, isKnownBaseImage, PLATFORM_ARGS, PROXY_ARGS, RUNTIME_VARS, variableUses, type LspRange, type VarUse } from './lib/variables.js';

/** Instructions whose arguments BuildKit expands (ARG values and RUN --mount options are handled on their own). */
const EXPANDED = new Set(['ENV', 'LABEL', 'ADD', 'COPY', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);
/** COPY/ADD flags BuildKit expands (`--from` is never expanded; the others take no variables in practice). */
const EXPANDED_FLAGS = new Set(['chown', 'chmod']);

/** The source ranges of an instruction BuildKit expands, heredoc bodies left out. */
function expandedRanges(instruction: Instruction): LspRange[] {
  const keyword = instruction.getKeyword();
  const flags = typeof (instruction as Partial<JSONInstruction>).getFlags === 'function' ? (instruction as JSONInstruction).getFlags() : [];
  const flagRanges = (keep: (f: Flag) => boolean) =>
    flags.filter((f) => keep(f) && f.getValueRange()).map((f) => f.getValueRange()!);
  if (keyword === 'RUN') return flagRanges((f) => f.getName().toLowerCase() === 'mount');
  if (!EXPANDED.has(keyword)) return [];
  const heredocs = keyword === 'COPY' || keyword === 'ADD' ? (instruction as unknown as Run).getHeredocs() : [];
  const firstBodyLine = Math.min(...heredocs.map((h) => (h.getContentRange() ?? h.getDelimiterRange())?.start.line ?? Infinity));
  const args = instruction.getArguments().filter((a) => a.getRange().start.line < firstBodyLine);
  const ranges = flagRanges((f) => EXPANDED_FLAGS.has(f.getName().toLowerCase()));
  if (args.length) ranges.push({ start: args[0].getRange().start, end: args[args.length - 1].getRange().end });
  return ranges;
}

/** Where a name is declared by ARG/ENV: every stage, with the line of each declaration. */
function declarations(file: DockerfileFile): { stage: DockerfileStage; instruction: Instruction; name: string }[] {
  const out: { stage: DockerfileStage; instruction: Instruction; name: string }[] = [];
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'ARG') {
        const property = (instruction as Arg).getProperty();
        if (property) out.push({ stage, instruction, name: property.getName() });
      } else if (keyword === 'ENV') {
        for (const property of (instruction as Env).getProperties()) out.push({ stage, instruction, name: property.getName() });
      }
    }
  }
  return out;
}

function stageLabel(stage: DockerfileStage): string {
  return stage.name ? `\`${stage.name}\`` : `#${stage.index + 1}`;
}

export default defineRule({
  meta: {
    id: 'undefined-variable',
    title: 'Variable used but not defined',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Docker expands an undefined `$VAR` in ENV, COPY, WORKDIR, LABEL and the like to an empty string without any error: `COPY $APP_DIR .` copies the whole context, `ENV PATH=$PAHT:/app` drops the system path.',
    fixable: false,
    equivalents: { buildkit: ['UndefinedVar'] },
    appliesTo: 'dockerfile',
    strength: 'Every variable the Dockerfile expands is defined where it is used',
  },
  check(ctx) {
    const file = ctx.file;
    const declared = declarations(file);
    for (const stage of file.stages) {
      const ancestry = stageAncestry(stage);
      const root = ancestry[ancestry.length - 1].base;
      // A base image we cannot see may set any variable; the official ones we know are checked against their ENV.
      const rootName = root.stage === null && !root.isScratch && !root.unresolved ? root.ref?.name ?? null : null;
      const fromScratch = root.isScratch;
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        const uses: { use: VarUse; extra: Set<string> }[] = [];
        if (keyword === 'ARG') {
          // Each default is expanded with the ARGs declared before it.
          const property = (instruction as Arg).getProperty();
          const valueRange = property?.getValueRange();
          if (valueRange) for (const use of variableUses(file, [valueRange])) uses.push({ use, extra: new Set() });
        } else {
          const ranges = expandedRanges(instruction);
          if (!ranges.length) continue;
          // Names set elsewhere in the same ENV are env-reference-same-instruction's (hadolint DL3044) business.
          const own = keyword === 'ENV' ? new Set((instruction as Env).getProperties().map((p) => p.getName())) : new Set<string>();
          for (const use of variableUses(file, ranges)) uses.push({ use, extra: own });
        }
        if (!uses.length) continue;
        ctx.applies();
        const vars = variablesAt(file, stage, instruction);
        const known = new Set([...vars.keys(), 'PATH']);
        const line = rangeOf(instruction).line;
        const reported = new Set<string>();
        for (const { use, extra } of uses) {
          const name = use.name;
          if (known.has(name) || extra.has(name) || reported.has(name)) continue;
          // `${A:?message}` fails the build on purpose when A is unset.
          if (use.modifier === ':?' || use.modifier === '?') continue;
          if (rootName && baseImageSets(rootName, name)) continue;
          // `${A:-x}` / `${A:+x}`: the author handled "unset"; other modifiers (`${A%.*}`) expand an unset A to nothing.
          const defaulted = use.modifier !== null && /^:?[-+]$/.test(use.modifier);
          let reason: string | null = null;
          let hint: string | undefined;
          const later = declared.find((d) => d.stage === stage && d.name === name && rangeOf(d.instruction).line > line);
          const elsewhere = declared.find((d) => !ancestry.includes(d.stage) && d.name === name);
          if (file.globalArgs.has(name)) {
            reason = `\`ARG ${name}\` is declared before the first \`FROM\`, and such ARGs are only visible to \`FROM\` lines`;
            hint = `Repeat \`ARG ${name}\` (without a value: it inherits the global default) inside the stage, before this line.`;
          } else if (PLATFORM_ARGS.includes(name)) {
            reason = `\`${name}\` is one of BuildKit's platform ARGs, predefined only in the global scope`;
            hint = `Add \`ARG ${name}\` to the stage, before this line.`;
          } else if (PROXY_ARGS.has(name)) {
            reason = `the proxy build args reach the environment of \`RUN\` only, they are never expanded in other instructions`;
          } else if (later) {
            reason = `it is declared on line ${rangeOf(later.instruction).line}, after this use`;
          } else if (elsewhere) {
            reason = `it is only declared in stage ${stageLabel(elsewhere.stage)} (line ${rangeOf(elsewhere.instruction).line}), and each stage starts from its own base image's environment`;
            hint = `Declare it again in this stage (\`ARG ${name}\` or \`ENV ${name}=…\`).`;
          } else {
            const suggestion = closestName(name, known);
            if (suggestion) reason = `did you mean \`$${suggestion}\`?`;
            else if (fromScratch && !defaulted) reason = 'no ARG or ENV declares it, and the stage builds on `scratch`';
            else if (RUNTIME_VARS.has(name) && rootName && isKnownBaseImage(rootName) && !defaulted) {
              reason = `the shell sets \`$${name}\` when a command runs, but neither the Dockerfile nor the \`${rootName}\` image sets it with ENV, and instructions other than RUN only see those`;
              hint = name === 'HOME' ? 'Write the path (`/root`, `/home/app`) or set it first (`ENV HOME=/home/app`).' : undefined;
            }
          }
          if (reason === null) continue;
          reported.add(name);
          const effect = !defaulted
            ? 'it expands to an empty string'
            : use.modifier!.includes('+') ? `\`\${${name}${use.modifier}…}\` is always empty` : `\`\${${name}${use.modifier}…}\` always takes its default`;
          ctx.report({
            range: use.range,
            message: `\`$${name}\` is not defined here, so ${effect}: ${reason}`,
            hint,
            key: `${name}:${(file.lines[use.range.line - 1] ?? '').trim()}`,
          });
        }
      }
    }
  },
});
