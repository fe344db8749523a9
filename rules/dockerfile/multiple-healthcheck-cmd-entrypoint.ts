import { defineRule } from '../../src/engine/rule.js';
import { rangeOf, stageInstructions } from '../../src/parse/dockerfile.js';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule({
  meta: {
    id: 'multiple-healthcheck-cmd-entrypoint',
    title: 'CMD, ENTRYPOINT or HEALTHCHECK repeated in a stage',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage take effect; an earlier one is dead code that readers (and reviewers) take for the real one.',
    fixable: false,
    equivalents: { hadolint: ['DL4003', 'DL4004', 'DL3012'], buildkit: ['MultipleInstructionsDisallowed'] },
    appliesTo: 'dockerfile',
    strength: 'Each stage has at most one CMD, ENTRYPOINT and HEALTHCHECK',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const keyword of ONCE) {
        const found = stageInstructions(stage, keyword);
        if (!found.length) continue;
        ctx.applies();
        const last = found[found.length - 1];
        const lastLine = rangeOf(last).line;
        for (const earlier of found.slice(0, -1)) {
          ctx.report({
            range: rangeOf(earlier),
            message: `this \`${keyword}\` has no effect: the \`${keyword}\` on line ${lastLine} of the same stage replaces it; delete the one you do not mean`,
            related: [{ path: ctx.file.path, line: lastLine, message: `the \`${keyword}\` that takes effect` }],
          });
        }
      }
    }
  },
});
