import { defineRule } from '../../src/engine/rule.js';
import type { DockerfileStage } from '../../src/parse/dockerfile.js';
import { closestName, PLATFORM_ARGS, variableUses, type LspRange } from './lib/variables.js';

/** The image and `--platform` value of a stage's FROM, as source ranges. */
function fromRanges(stage: DockerfileStage): LspRange[] {
  const ranges: LspRange[] = [];
  const platform = stage.from.getPlatformFlag()?.getValueRange();
  if (platform) ranges.push(platform);
  const image = stage.from.getImageRange();
  if (image) ranges.push(image);
  return ranges;
}

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    title: 'FROM uses an undeclared ARG',
    priority: 'high',
    category: 'correctness',
    rationale:
      'A variable in `FROM` is only set by an `ARG` declared before the first `FROM` (or by BuildKit\'s platform ARGs); any other name is always empty and `--build-arg` cannot set it, so the build fails or pulls a different image than intended.',
    fixable: false,
    equivalents: { buildkit: ['UndefinedArgInFrom'] },
    appliesTo: 'dockerfile',
    strength: 'Every variable in `FROM` is declared by a global ARG',
  },
  check(ctx) {
    const file = ctx.file;
    const known = [...file.globalArgs.keys(), ...PLATFORM_ARGS];
    for (const stage of file.stages) {
      const uses = variableUses(file, fromRanges(stage));
      if (!uses.length) continue;
      ctx.applies();
      const reported = new Set<string>();
      for (const use of uses) {
        const name = use.name;
        if (file.globalArgs.has(name) || PLATFORM_ARGS.includes(name) || reported.has(name)) continue;
        if (use.modifier === ':?' || use.modifier === '?') continue;
        reported.add(name);
        const declaredInStage = file.stages.some((s) => s.index < stage.index && s.instructions.some((i) => i.getKeyword() === 'ARG' && i.getArguments()[0]?.getValue().split('=')[0] === name));
        const suggestion = closestName(name, known);
        const effect = use.modifier !== null && /^:?-$/.test(use.modifier)
          ? 'always unset (the default is always used)'
          : use.modifier !== null && /^:?\+$/.test(use.modifier) ? 'always unset (the alternative is never used)' : 'always empty';
        let message = `\`$${name}\` in \`FROM\` is not declared by an \`ARG\` before the first \`FROM\`: it is ${effect}, and \`--build-arg ${name}=…\` cannot change it`;
        if (suggestion) message += `; did you mean \`$${suggestion}\`?`;
        else if (declaredInStage) message += '; an `ARG` inside an earlier stage does not count, FROM only sees the global ones';
        ctx.report({
          range: use.range,
          message,
          hint: suggestion ? undefined : `Declare \`ARG ${name}=<default>\` at the top of the Dockerfile, before the first \`FROM\`.`,
          key: `stage:${stage.index}:${name}`,
        });
      }
    }
  },
});
