import { defineRule } from '../../src/engine/rule.js';
import { writtenKeys } from './lib.js';

/** dclint's groups, in order; keys of no group follow, sorted by name. */
const GROUPS: string[][] = [
  ['image', 'build', 'container_name'],
  ['depends_on'],
  ['volumes', 'volumes_from', 'configs', 'secrets'],
  ['environment', 'env_file'],
  ['ports', 'networks', 'network_mode', 'extra_hosts'],
  ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  ['logging', 'labels'],
  ['user', 'isolation'],
];
const GROUPED = GROUPS.flat();

export default defineRule({
  meta: {
    id: 'compose-service-keys-order',
    title: 'Service keys not in the conventional order',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'When every service lists its keys in the same order (what runs, what it needs, its data, its environment, its network, how it runs, metadata, security), a reviewer finds a setting, or notices it missing, at a glance.',
    fixable: false,
    equivalents: { dclint: ['service-keys-order'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Service keys follow the conventional order',
  },
  check(ctx) {
    for (const service of writtenKeys(ctx.file, ['services'])) {
      const keys = writtenKeys(ctx.file, ['services', service.name]);
      if (keys.length < 2) continue;
      ctx.applies();
      const others = keys.map((k) => k.name).filter((k) => !GROUPED.includes(k)).sort((a, b) => a.localeCompare(b));
      const order = [...GROUPED, ...others];
      let highest = -1;
      let highestName = '';
      for (const key of keys) {
        const index = order.indexOf(key.name);
        if (index < highest) {
          ctx.report({
            range: key.range,
            message: `key \`${key.name}\` of service \`${service.name}\` is written after \`${highestName}\`: the conventional order is ${order.filter((k) => keys.some((x) => x.name === k)).map((k) => `\`${k}\``).join(', ')}`,
            hint: `move \`${key.name}\` before \`${highestName}\``,
            key: `service:${service.name}:key:${key.name}:order`,
          });
          continue;
        }
        highest = index;
        highestName = key.name;
      }
    }
  },
});
