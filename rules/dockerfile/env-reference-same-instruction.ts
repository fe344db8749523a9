import type { Env } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { variablesAt } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';
import { instructionsNamed, variableRefs } from './lib/instructions.js';

export default defineRule({
  meta: {
    id: 'env-reference-same-instruction',
    title: 'ENV uses a variable it defines itself',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Docker expands every value of an `ENV` instruction before it sets any of them: in `ENV A=/opt/app B=$A/bin`, `$A` is the value `A` had before the line (usually empty), not `/opt/app`.',
    fixable: false,
    equivalents: { hadolint: ['DL3044'] },
    appliesTo: 'dockerfile',
    strength: 'ENV values only use variables set by earlier instructions',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of instructionsNamed(file, 'ENV')) {
      const properties = (item.instruction as Env).getProperties();
      if (properties.length < 2) continue;
      ctx.applies();
      // An ONBUILD ENV runs in the child build, which sees every ENV of this image.
      const before = variablesAt(file, item.stage, item.instruction);
      const names = properties.map((p) => p.getName());
      properties.forEach((property, j) => {
        const valueRange = property.getValueRange();
        if (!valueRange) return;
        const seen = new Set<string>();
        for (const ref of variableRefs(file, fromLsp(valueRange))) {
          const k = names.indexOf(ref.name);
          if (k < 0 || k === j || seen.has(ref.name)) continue;
          const own = property.getName();
          const defined = before.has(ref.name);
          const previous = before.get(ref.name);
          const newValue = properties[k].getValue() ?? '';
          let got: string;
          if (!defined) got = 'an empty string (it is not set before this line)';
          else if (k > j || previous === null || previous === undefined || previous === newValue) continue;
          else got = 'the value it had before this line, not the new one';
          seen.add(ref.name);
          ctx.report({
            range: ref.range,
            message: `\`${own}\` uses \`$${ref.name}\`, which this same \`ENV\` sets: Docker expands all values before setting any, so \`$${ref.name}\` is ${got}; set \`${ref.name}\` in an earlier \`ENV\` line`,
            key: `env:${own}:${ref.name}`,
          });
        }
      });
    }
  },
});
