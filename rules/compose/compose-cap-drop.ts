import { defineRule } from '../../src/engine/rule.js';
import { judgedServices, scalarText } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-cap-drop',
    title: 'Default capabilities kept',
    priority: 'low',
    category: 'security',
    rationale:
      'Docker gives every container a default set of Linux capabilities (chown, setuid, net_raw, …) that most services never use; `cap_drop: [ALL]` plus the few needed in `cap_add` shrinks what an intruder can do.',
    fixable: false,
    equivalents: { kics: ['Container Capabilities Unrestricted'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Every service drops the capabilities it does not need',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx, { includeJobs: true })) {
      const drops = Array.isArray(data.cap_drop) ? data.cap_drop.map((c) => scalarText(c)?.trim().toUpperCase()) : [];
      if (drops.includes('ALL') || drops.includes('CAP_ALL')) continue;
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` keeps Docker's default capabilities (no \`cap_drop: [ALL]\`)`,
        hint: 'add `cap_drop: [ALL]` and `cap_add:` only what it needs (e.g. `NET_BIND_SERVICE`; images that start as root and switch user also need `SETUID`, `SETGID`, `CHOWN`)',
        key: `service:${service.name}`,
      });
    }
  },
});
