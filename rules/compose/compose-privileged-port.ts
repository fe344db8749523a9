import { defineRule } from '../../src/engine/rule.js';
import { portsOf, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-privileged-port',
    title: 'Privileged host port published',
    priority: 'low',
    category: 'security',
    rationale:
      'Host ports below 1024 are reserved for system services: publishing one can clash with the host\'s own daemons and hides which service really owns the port. Only a front proxy should take 80 and 443.',
    fixable: false,
    equivalents: { kics: ['Privileged Ports Mapped In Container'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'No service publishes a privileged host port',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      for (const spec of portsOf(service)) {
        ctx.applies();
        if (spec.hostPort === null || spec.hostPortUnknown) continue;
        const first = /^(\d+)/.exec(spec.hostPort);
        const port = first ? Number(first[1]) : NaN;
        if (!(port > 0 && port < 1024)) continue;
        ctx.report({
          range: spec.range,
          in: spec.in,
          message: `service \`${service.name}\` publishes the privileged host port \`${spec.hostPort}\``,
          hint: 'publish a port of 1024 or more (e.g. `8080:' + spec.containerPort + '`) unless this service is the front proxy',
          key: `service:${service.name}:port:${spec.hostPort}:${spec.containerPort}`,
        });
      }
    }
  },
});
