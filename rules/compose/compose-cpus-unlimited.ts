import { defineRule } from '../../src/engine/rule.js';
import { asMap, isOneShot, servicesOf } from './lib.js';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== 0 && value !== '0';
}

export default defineRule({
  meta: {
    id: 'compose-cpus-unlimited',
    title: 'Service with a memory limit but no CPU limit',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Without a CPU limit a container may use every core of the host: a busy loop or a load spike in one service slows all the others, including the database and the proxy in front of them.',
    fixable: false,
    equivalents: { kics: ['Cpus Not Limited'] },
    appliesTo: 'compose',
    strength: 'Services with a memory limit also limit their CPU',
  },
  check(ctx) {
    // As judgedServices (services this file defines first, no one-shot jobs), but the rule applies only to services
    // with a memory limit: without one, compose-resources-unlimited reports the service and names the CPU limit too.
    for (const service of servicesOf(ctx)) {
      if (service.file !== ctx.file || service.partial || isOneShot(service)) continue;
      const data = service.data;
      const limits = asMap(asMap(asMap(data.deploy)?.resources)?.limits);
      if (!isSet(data.mem_limit) && !isSet(limits?.memory)) continue;
      ctx.applies();
      if (isSet(data.cpus) || isSet(limits?.cpus) || isSet(data.cpu_quota) || isSet(data.cpuset) || isSet(data.cpu_count) || isSet(data.cpu_percent)) continue;
      ctx.report({
        ...service.key,
        message: `service \`${service.name}\` limits its memory but not its CPU: a busy loop or a load spike in it can take every core of the host`,
        hint: 'set `deploy.resources.limits.cpus` (e.g. `"1.0"`, above its normal peak) next to the memory limit; `cpus:` works too',
        key: `service:${service.name}`,
      });
    }
  },
});
