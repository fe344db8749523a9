import { defineRule } from '../../src/engine/rule.js';
import { writtenKeys } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-services-order',
    title: 'Services not in alphabetical order',
    priority: 'low',
    category: 'maintainability',
    rationale: 'In a long compose file, services sorted by name are found at a glance and added in one obvious place, which also keeps merge conflicts apart.',
    fixable: false,
    equivalents: { dclint: ['services-alphabetical-order'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Services are sorted by name',
  },
  check(ctx) {
    const keys = writtenKeys(ctx.file, ['services']);
    if (keys.length < 2) return;
    ctx.applies();
    const before: string[] = [];
    for (const key of keys) {
      // The first service written so far that should come after this one.
      const misplaced = before.filter((b) => b.localeCompare(key.name) > 0).sort((a, b) => a.localeCompare(b))[0];
      before.push(key.name);
      if (misplaced === undefined) continue;
      ctx.report({
        range: key.range,
        message: `service \`${key.name}\` is written after \`${misplaced}\`: services are not in alphabetical order`,
        hint: `move \`${key.name}\` before \`${misplaced}\``,
        key: `service:${key.name}:order`,
      });
    }
  },
});
