import type { Onbuild } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';
import { rangeOf } from '../../src/parse/dockerfile.js';

const FORBIDDEN: Record<string, string> = {
  ONBUILD: 'chaining `ONBUILD ONBUILD` is not allowed',
  FROM: '`FROM` is not allowed as an `ONBUILD` trigger',
  MAINTAINER: '`MAINTAINER` is not allowed as an `ONBUILD` trigger',
};

export default defineRule({
  meta: {
    id: 'onbuild-forbidden-trigger',
    title: '`ONBUILD` with a trigger Docker refuses',
    priority: 'high',
    category: 'correctness',
    rationale:
      'Docker refuses `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` when it parses the Dockerfile: the build of this image fails before its first step.',
    fixable: false,
    equivalents: { hadolint: ['DL3043'] },
    appliesTo: 'dockerfile',
    strength: '`ONBUILD` triggers are instructions Docker accepts',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ONBUILD') continue;
        ctx.applies();
        const onbuild = instruction as Onbuild;
        const trigger = onbuild.getTriggerInstruction();
        const keyword = trigger?.getKeyword();
        if (!trigger || !keyword || !(keyword in FORBIDDEN)) continue;
        const word = onbuild.getTriggerRange();
        const advice =
          keyword === 'MAINTAINER'
            ? 'set `LABEL org.opencontainers.image.authors=…` directly instead'
            : keyword === 'FROM'
              ? 'a child image chooses its own base; drop the line'
              : 'a trigger cannot add triggers to grandchildren; put the instruction in the child image\'s Dockerfile';
        ctx.report({
          range: word ? fromLsp(word) : rangeOf(instruction),
          message: `\`ONBUILD ${trigger.getInstruction()}\`: ${FORBIDDEN[keyword]}, so Docker rejects the Dockerfile and the build fails at once; ${advice}`,
        });
      }
    }
  },
});
