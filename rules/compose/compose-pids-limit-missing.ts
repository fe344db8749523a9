import { defineRule } from '../../src/engine/rule.js';
import { asMap, judgedServices, scalarText } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-pids-limit-missing',
    title: 'Service without a process limit',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Without `pids_limit` a fork bomb or a process leak in one container can exhaust the host\'s process table and stop every other service from starting processes.',
    fixable: false,
    equivalents: { kics: ['Pids Limit Not Set'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Every service limits its number of processes',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx)) {
      const limit = scalarText(data.pids_limit) ?? scalarText(asMap(asMap(asMap(data.deploy)?.resources)?.limits)?.pids);
      const n = limit === null ? NaN : Number(limit);
      if (limit !== null && !(n <= 0)) continue;
      ctx.report({
        range: service.keyRange,
        message: limit === null
          ? `service \`${service.name}\` has no \`pids_limit\`: a fork bomb or a process leak in it can exhaust the host's process table`
          : `service \`${service.name}\` sets \`pids_limit: ${limit}\`, i.e. no limit: a fork bomb or a process leak in it can exhaust the host's process table`,
        hint: 'set `pids_limit:` (e.g. `200`, well above what the service normally runs) or `deploy.resources.limits.pids`',
        key: `service:${service.name}`,
      });
    }
  },
});
