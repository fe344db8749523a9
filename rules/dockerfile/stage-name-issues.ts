import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

const RESERVED: Record<string, string> = {
  scratch: '`FROM scratch` always means the empty image, so no stage can build on this one by name',
  context: 'BuildKit uses `context` for the build context itself',
};

export default defineRule({
  meta: {
    id: 'stage-name-issues',
    title: 'Duplicate or reserved stage name',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Stage names are how `FROM <stage>` and `COPY --from` find a stage; a name used twice makes them resolve to different stages depending on where they are, and `scratch` or `context` cannot be referenced at all.',
    fixable: false,
    equivalents: { hadolint: ['DL3024', 'DL3063'], buildkit: ['DuplicateStageName', 'ReservedStageName'], checkov: ['CKV_DOCKER_11'] },
    appliesTo: 'dockerfile',
    strength: 'Build stages have unique names',
  },
  check(ctx) {
    const stages = ctx.file.stages;
    for (const stage of stages) {
      if (!stage.name) continue;
      ctx.applies();
      const lower = stage.name.toLowerCase();
      const nameRange = stage.from.getBuildStageRange();
      const range = nameRange ? fromLsp(nameRange) : rangeOf(stage.from);
      if (lower in RESERVED) {
        ctx.report({
          range,
          message: `stage name \`${stage.name}\` is reserved: ${RESERVED[lower]}; rename the stage`,
          key: `stage:${stage.index}:reserved`,
        });
      }
      // Stage names are case-insensitive.
      const earlier = stages.slice(0, stage.index).find((s) => s.name?.toLowerCase() === lower);
      if (earlier) {
        const earlierLine = rangeOf(earlier.from).line;
        ctx.report({
          range,
          message: `stage name \`${stage.name}\` is already used by the stage on line ${earlierLine}: every \`COPY --from=${stage.name}\` now copies from the last stage with that name, while \`FROM ${stage.name}\` builds on the nearest one above it; give each stage a unique name`,
          related: [{ path: ctx.file.path, line: earlierLine, message: `the first stage named \`${earlier.name}\`` }],
          key: `stage:${stage.index}:duplicate`,
        });
      }
    }
  },
});
