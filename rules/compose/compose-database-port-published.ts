import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { dataStoreOfService, isAllInterfaces, loopbackPortEdit, portsOf, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-database-port-published',
    title: 'Database port published on every interface',
    priority: 'medium',
    category: 'security',
    rationale:
      'A database, cache or broker published with `ports:` listens on every interface of the host, and Docker\'s port publishing bypasses host firewalls such as ufw: it is reachable from the network, often with a default password or none.',
    fixable: true,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Databases and caches are not published to the network',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const store = dataStoreOfService(service);
      if (!store) continue;
      ctx.applies();
      const exposed = portsOf(service).filter((spec) => isAllInterfaces(spec));
      const fixes = lineFixes(file.lines, exposed.map((spec) => loopbackPortEdit(file, spec, service)));
      exposed.forEach((spec, i) => {
        const host = spec.hostPort ?? 'a random port';
        const hostText = spec.hostPort ? `port \`${spec.hostPort}\`` : 'a random host port';
        ctx.report({
          range: spec.range,
          in: spec.in,
          message: `service \`${service.name}\` (\`${store}\`) publishes ${hostText} on every host interface: the ${store} server is reachable from the network, and Docker's published ports bypass host firewalls like ufw`,
          hint: `bind it to the loopback for local tools (\`127.0.0.1:${spec.hostPort ?? ''}:${spec.containerPort}\`), or remove \`ports:\`: other services reach it on the Compose network as \`${service.name}:${spec.containerPort}\``,
          fix: fixes[i] ?? undefined,
          key: `service:${service.name}:port:${host}:${spec.containerPort}`,
        });
      });
    }
  },
});
