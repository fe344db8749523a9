import { defineRule } from '../../src/engine/rule.js';
import { environmentOf, interpolate, scalarText, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-root-forced',
    title: 'Service forced to run as root',
    priority: 'high',
    category: 'security',
    rationale:
      'Running as root inside the container turns any code execution into root on the container\'s files and one kernel or runtime bug away from the host; `user: root` or `C_FORCE_ROOT` overrides a safer image default on purpose.',
    fixable: false,
    equivalents: { semgrep: ['service-runs-as-root'] },
    appliesTo: 'compose',
    strength: 'No service is forced to run as root',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      const userText = scalarText(service.data.user);
      if (userText !== null) {
        const { value, unresolved } = interpolate(userText, service);
        const uid = value.trim().split(':')[0];
        if (!unresolved && (uid === 'root' || uid === '0')) {
          ctx.report({
            ...service.at('user'),
            message: `service \`${service.name}\` runs as root (\`user: ${value.trim()}\`): a compromise of its process is root in the container and one kernel bug away from the host`,
            hint: 'run as an unprivileged user (`user: "1000:1000"`, or the image\'s own user); give it ownership of the folders it writes instead of root',
            key: `service:${service.name}:user`,
          });
        }
      }
      for (const entry of environmentOf(service)) {
        if (entry.name !== 'C_FORCE_ROOT' || entry.value === null) continue;
        const { value, unresolved } = interpolate(entry.value, service);
        if (unresolved || value === '') continue;
        const falsy = /^(false|no|off|0)$/i.test(value.trim());
        ctx.report({
          range: entry.range,
          in: entry.in,
          message: `service \`${service.name}\` sets \`C_FORCE_ROOT\`: Celery refuses to run a worker as root (one that accepts pickle) unless forced, and this forces it${falsy ? ` (Celery treats any non-empty value as set, even \`${value.trim()}\`)` : ''}`,
          hint: 'remove `C_FORCE_ROOT` and run the worker as an unprivileged user (`user: "1000:1000"`, or a USER in its Dockerfile)',
          key: `service:${service.name}:C_FORCE_ROOT`,
        });
      }
    }
  },
});
