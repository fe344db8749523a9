import { defineRule } from '../../src/engine/rule.js';
import { writtenKeys } from './lib.js';

/** The conventional order of a compose file's top-level keys (`x-` extensions first, sorted by name). */
const ORDER = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models'];

export default defineRule({
  meta: {
    id: 'compose-top-level-order',
    title: 'Top-level keys not in the conventional order',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Compose files that follow one layout (`x-` anchors, `name`, `include`, `services`, `networks`, `volumes`, `secrets`, `configs`) read alike: anchors are defined before they are used and the shared resources are where a reader looks for them.',
    fixable: false,
    equivalents: { dclint: ['top-level-properties-order'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Top-level keys follow the conventional order',
  },
  check(ctx) {
    const keys = writtenKeys(ctx.file, []);
    if (keys.length < 2) return;
    ctx.applies();
    const extensions = keys.filter((k) => k.name.startsWith('x-')).map((k) => k.name).sort((a, b) => a.localeCompare(b));
    const order = [...extensions, ...ORDER];
    let highest = -1;
    let highestName = '';
    for (const key of keys) {
      const index = order.indexOf(key.name);
      // Unknown top-level keys are schema errors (compose-schema); not judged here.
      if (index < 0) continue;
      if (index < highest) {
        ctx.report({
          range: key.range,
          message: `top-level \`${key.name}\` is written after \`${highestName}\`: the conventional order is ${order.map((k) => `\`${k}\``).join(', ')}`,
          hint: `move \`${key.name}\` before \`${highestName}\``,
          key: `top:${key.name}:order`,
        });
        continue;
      }
      highest = index;
      highestName = key.name;
    }
  },
});
