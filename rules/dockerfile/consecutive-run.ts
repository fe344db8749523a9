import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf, shellOf } from '../../src/parse/dockerfile.js';

/** The RUN's flags as written (`--mount=…`, `--network=…`): RUNs with different flags cannot be merged. */
function flagsOf(instruction: Instruction): string {
  return (instruction as JSONInstruction).getFlags().map((f) => `${f.getName()}=${f.getValue() ?? ''}`).sort().join(' ');
}

export default defineRule({
  meta: {
    id: 'consecutive-run',
    title: 'Consecutive RUN instructions could be one',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'Each RUN adds a layer; short RUNs in a row (one or two commands each) are usually one step split by habit. Merging them with `&&` makes fewer layers and lets a cleanup in the same RUN actually shrink the image.',
    fixable: false,
    equivalents: { hadolint: ['DL3059'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
    strength: 'RUN steps are grouped',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      let previous: { instruction: Instruction; count: number; flags: string } | null = null;
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'RUN') {
          previous = null;
          continue;
        }
        ctx.applies();
        const script = shellOf(ctx.file, instruction);
        const current = { instruction, count: script?.commands.length ?? 0, flags: flagsOf(instruction) };
        // Three or more commands in either RUN: the split looks deliberate (as hadolint judges it).
        if (previous && previous.flags === current.flags && previous.count <= 2 && current.count <= 2 && current.count > 0 && previous.count > 0) {
          const line = rangeOf(previous.instruction).line;
          ctx.report({
            range: rangeOf(instruction),
            message: `This RUN follows the RUN on line ${line} directly: merge them with \`&&\` into one layer`,
          });
        }
        previous = current;
      }
    }
  },
});
