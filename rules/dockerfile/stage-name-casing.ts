import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    title: 'Stage name not in lower case',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Stage names are matched case-insensitively, so `AS Builder` and `--from=builder` are the same stage; writing them in lower case keeps the references readable and consistent, and BuildKit warns otherwise.',
    fixable: true,
    equivalents: { buildkit: ['StageNameCasing'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const nameRange = stage.from.getBuildStageRange();
      if (!stage.name || !nameRange) continue;
      ctx.applies();
      const lower = stage.name.toLowerCase();
      if (stage.name === lower) continue;
      const range = fromLsp(nameRange);
      ctx.report({
        range,
        message: `stage name \`${stage.name}\` should be lower case: \`${lower}\` (references such as \`--from=${stage.name}\` keep working, stage names are case-insensitive)`,
        fix: replaceRanges(ctx.file.lines, [{ range, text: lower }]) ?? undefined,
        key: `stage:${stage.index}`,
      });
    }
  },
});
