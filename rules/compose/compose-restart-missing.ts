import { defineRule } from '../../src/engine/rule.js';
import { asMap, judgedServices } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-restart-missing',
    title: 'Service without a restart policy',
    priority: 'low',
    category: 'reliability',
    rationale: "Compose's default restart policy is `no`: after a crash, an out-of-memory kill or a host reboot the service stays down until someone notices.",
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every long-running service has a restart policy',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx)) {
      if (data.restart !== undefined && data.restart !== null) continue;
      if (asMap(asMap(data.deploy)?.restart_policy)) continue;
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` has no \`restart\` policy: after a crash or a host reboot it stays down`,
        hint: 'add `restart: unless-stopped` (or `on-failure` for a job that must not run again once it succeeded)',
        key: `service:${service.name}`,
      });
    }
  },
});
