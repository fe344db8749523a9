import { defineRule } from '../../src/engine/rule.js';
import { isTrue, scalarText, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-privileged',
    title: 'Privileged container',
    priority: 'high',
    category: 'security',
    rationale:
      '`privileged: true` (or `cap_add: [ALL]`) gives the container every capability and, with `privileged`, every host device: whoever controls its process can take over the host.',
    fixable: false,
    equivalents: { kics: ['Privileged Containers Enabled'], semgrep: ['privileged-service'] },
    appliesTo: 'compose',
    strength: 'No service runs privileged',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      if (isTrue(service.data.privileged)) {
        ctx.report({
          ...service.at('privileged'),
          message: `service \`${service.name}\` runs privileged (\`privileged: true\`): it has every capability and every host device, so a compromise of it is a compromise of the host`,
          hint: 'remove `privileged: true`; grant only what the service needs (`cap_add: [NET_ADMIN]`, `devices: [/dev/fuse]`)',
          key: `service:${service.name}:privileged`,
        });
      }
      const caps = service.data.cap_add;
      if (!Array.isArray(caps)) continue;
      caps.forEach((cap, i) => {
        if (!/^(CAP_)?ALL$/i.test(scalarText(cap)?.trim() ?? '')) return;
        ctx.report({
          ...service.at('cap_add', i),
          message: `service \`${service.name}\` adds \`ALL\` capabilities: together with root in the container that is nearly \`privileged\``,
          hint: 'add only the capabilities the service needs (e.g. `NET_BIND_SERVICE`), ideally after `cap_drop: [ALL]`',
          key: `service:${service.name}:cap_add:ALL`,
        });
      });
    }
  },
});
