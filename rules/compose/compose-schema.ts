import { defineRule } from '../../src/engine/rule.js';
import { displayPath, placedSchemaProblems } from '../../src/parse/compose-schema.js';

export default defineRule({
  meta: {
    id: 'compose-schema',
    title: 'Compose file does not follow the specification',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'Docker Compose validates every file against the Compose specification and refuses to start anything when a key is unknown, a value has the wrong type or a port mapping or duration cannot be parsed.',
    fixable: false,
    equivalents: { dclint: ['invalid-schema'] },
    appliesTo: 'compose',
    strength: 'Every compose file follows the Compose specification',
  },
  check(ctx) {
    ctx.applies();
    for (const problem of placedSchemaProblems(ctx.file)) {
      ctx.report({
        range: problem.range,
        message: problem.message,
        hint: problem.hint,
        key: `schema:${displayPath(problem.path)}`,
      });
    }
  },
});
