import { defineRule } from '../../src/engine/rule.js';
import { asMap, judgedServices } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-resources-unlimited',
    title: 'Service without a memory limit',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'A container without a memory limit can take all of the host\'s memory after a leak or a load spike; the kernel\'s OOM killer then stops processes, often ones in other services.',
    fixable: false,
    equivalents: { kics: ['Memory Not Limited'] },
    appliesTo: 'compose',
    strength: 'Every service has a memory limit',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx)) {
      const limits = asMap(asMap(asMap(data.deploy)?.resources)?.limits);
      if (isSet(data.mem_limit) || isSet(limits?.memory)) continue;
      const cpus = isSet(data.cpus) || isSet(limits?.cpus);
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` has no memory limit (\`deploy.resources.limits.memory\` or \`mem_limit\`): a leak or a load spike can exhaust the host's memory${cpus ? '' : ' (and without `cpus` it can also starve the other services of CPU)'}`,
        hint: `set \`deploy.resources.limits.memory\` (e.g. \`512M\`, above its normal peak)${cpus ? '' : ' and `cpus` (e.g. `"1.0"`)'}; \`mem_limit\` works too`,
        key: `service:${service.name}`,
      });
    }
  },
});

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== 0 && value !== '0';
}
