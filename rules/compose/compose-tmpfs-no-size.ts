import { defineRule } from '../../src/engine/rule.js';
import { asMap, interpolate, scalarText, servicesOf, type Place } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-tmpfs-no-size',
    title: '`tmpfs` mount without a size',
    priority: 'low',
    category: 'reliability',
    rationale:
      'A tmpfs lives in memory. Without `size`, whatever the service writes there (temporary uploads, caches, a runaway log) grows until the container\'s memory limit kills it or, without a limit, until the host runs short of memory.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every tmpfs mount has a size',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      const { data } = service;
      const report = (place: Place, target: string, how: string) =>
        ctx.report({
          ...place,
          message: `service \`${service.name}\` mounts a tmpfs at \`${target}\` without a size: what it writes there stays in memory and can grow until the container is OOM-killed or the host runs short of memory`,
          hint: how,
          key: `service:${service.name}:tmpfs:${target}`,
        });
      const short = data.tmpfs;
      const entries = Array.isArray(short) ? short.map((e, i) => [e, i] as const) : short === undefined || short === null ? [] : [[short, null] as const];
      for (const [entry, i] of entries) {
        const text = scalarText(entry);
        if (text === null) continue;
        ctx.applies();
        const { value } = interpolate(text, service);
        const colon = value.indexOf(':');
        const target = (colon < 0 ? value : value.slice(0, colon)).trim();
        const options = colon < 0 ? [] : value.slice(colon + 1).split(',').map((o) => o.trim().toLowerCase());
        if (!target || options.some((o) => o.startsWith('size='))) continue;
        report(i === null ? service.at('tmpfs') : service.at('tmpfs', i), target, `add a size: \`${target}:${[...options.filter(Boolean), 'size=64m'].join(',')}\` (as small as the service needs)`);
      }
      const volumes = Array.isArray(data.volumes) ? data.volumes : [];
      volumes.forEach((entry, i) => {
        const map = asMap(entry);
        if (!map || scalarText(map.type) !== 'tmpfs') return;
        ctx.applies();
        if (scalarText(asMap(map.tmpfs)?.size) !== null) return;
        const target = scalarText(map.target) ?? '?';
        report(service.at('volumes', i, 'type'), interpolate(target, service).value, 'add `tmpfs: { size: 67108864 }` (bytes, or a unit such as `64m` with recent Compose) to the mount');
      });
    }
  },
});
