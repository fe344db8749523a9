import { defineRule } from '../../src/engine/rule.js';
import { asMap, interpolate, scalarText, servicesOf, splitOutsideVariables } from './lib.js';

/** Propagation modes that link the container's mount table with the host's. */
const PROPAGATION: Record<string, string> = {
  shared: 'mounts made inside the container propagate back to the host and to every other mount of the same folder',
  rshared: 'mounts made inside the container (and under it) propagate back to the host and to every other mount of the same folder',
  slave: 'mounts made on the host under that folder appear inside the container',
  rslave: 'mounts made on the host under that folder (recursively) appear inside the container, including other containers\' volumes',
};

export default defineRule({
  meta: {
    id: 'compose-mount-propagation',
    title: 'Bind mount shares its mount events with the host',
    priority: 'medium',
    category: 'security',
    rationale:
      'With `shared`/`rshared` propagation a mount made inside the container appears on the host, and with `slave`/`rslave` the host\'s mounts appear in the container: the mount is no longer isolated in either direction. Docker\'s default, `rprivate`, keeps them apart.',
    fixable: false,
    equivalents: { kics: ['Volume Mounted In Multiple Containers'] },
    appliesTo: 'compose',
    strength: 'Bind mounts keep the default private propagation',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      const list = service.data.volumes;
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const text = scalarText(entry);
        let mode: string | null = null;
        let place = service.at('volumes', i);
        let source = '';
        if (text !== null) {
          const parts = splitOutsideVariables(text.trim(), ':');
          if (parts.length < 3) return;
          ctx.applies();
          source = interpolate(parts[0], service).value;
          mode = parts.slice(2).join(':').split(',').map((m) => m.trim().toLowerCase()).find((m) => m in PROPAGATION) ?? null;
        } else {
          const map = asMap(entry);
          if (!map || scalarText(map.type) !== 'bind') return;
          ctx.applies();
          source = interpolate(scalarText(map.source) ?? '', service).value;
          const written = scalarText(asMap(map.bind)?.propagation);
          const value = written === null ? null : interpolate(written, service).value.trim().toLowerCase();
          if (value && value in PROPAGATION) {
            mode = value;
            place = service.at('volumes', i, 'bind', 'propagation');
          }
        }
        if (!mode) return;
        ctx.report({
          ...place,
          message: `service \`${service.name}\` mounts \`${source}\` with \`${mode}\` propagation: ${PROPAGATION[mode]}`,
          hint: mode.endsWith('shared')
            ? 'remove the propagation mode (Docker\'s default `rprivate` keeps the container\'s mounts to itself); a storage or CSI plugin that must publish mounts to the host deserves a suppression comment saying so'
            : 'remove the propagation mode unless the service must see mounts the host makes later (a monitoring agent reading `/` does): then keep it read-only and say so in a suppression comment',
          key: `service:${service.name}:volume:${source}:${mode}`,
        });
      });
    }
  },
});
