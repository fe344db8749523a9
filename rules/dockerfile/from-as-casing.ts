import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    title: '`AS` and `FROM` in different case',
    priority: 'low',
    category: 'maintainability',
    rationale: '`FROM node:20 as build` mixes cases within one instruction; BuildKit warns about it on every build.',
    fixable: true,
    equivalents: { buildkit: ['FromAsCasing'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const args = stage.from.getArguments();
      if (args.length < 3 || args[1].getValue().toLowerCase() !== 'as') continue;
      ctx.applies();
      const keyword = stage.from.getInstruction();
      const isLower = keyword === keyword.toLowerCase();
      // A mixed-case `From` is consistent-instruction-casing's business (as in BuildKit).
      if (!isLower && keyword !== keyword.toUpperCase()) continue;
      const written = args[1].getValue();
      const wanted = isLower ? 'as' : 'AS';
      if (written === wanted) continue;
      const range = fromLsp(args[1].getRange());
      ctx.report({
        range,
        message: `\`${written}\` should match the case of \`${keyword}\`: write \`${keyword} … ${wanted} ${args[2].getValue()}\``,
        fix: replaceRanges(ctx.file.lines, [{ range, text: wanted }]) ?? undefined,
      });
    }
  },
});
