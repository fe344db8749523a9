import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { isAllInterfaces, loopbackPortEdit, portsOf, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-port-unbound-interface',
    title: 'Port published on every interface',
    priority: 'low',
    category: 'security',
    rationale:
      'A port published without a host address listens on every interface of the host, and Docker\'s published ports bypass host firewalls such as ufw; naming the address (`127.0.0.1:8080:80`) states who may connect.',
    fixable: true,
    equivalents: { dclint: ['no-unbound-port-interfaces'], kics: ['Container Traffic Not Bound To Host Interface'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Every published port names its host interface',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const specs = portsOf(service);
      if (specs.length) ctx.applies();
      const exposed = specs.filter((spec) => isAllInterfaces(spec));
      const fixes = lineFixes(file.lines, exposed.map((spec) => loopbackPortEdit(file, spec, service)));
      exposed.forEach((spec, i) => {
        const what = spec.hostPort ? `port \`${spec.hostPort}\`` : `container port \`${spec.containerPort}\` (on a random host port)`;
        ctx.report({
          range: spec.range,
          in: spec.in,
          message: `service \`${service.name}\` publishes ${what} on every host interface`,
          hint: `name the interface: \`127.0.0.1:${spec.hostPort ?? ''}:${spec.containerPort}\` for local access only, or the address of the interface that should serve it`,
          fix: fixes[i] ?? undefined,
          key: `service:${service.name}:port:${spec.hostPort ?? ''}:${spec.containerPort}`,
        });
      });
    }
  },
});
