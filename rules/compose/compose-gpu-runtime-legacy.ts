import { defineRule } from '../../src/engine/rule.js';
import { interpolate, scalarText, servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-gpu-runtime-legacy',
    title: 'GPU given through the legacy `runtime: nvidia`',
    priority: 'low',
    category: 'maintainability',
    rationale:
      '`runtime: nvidia` needs the NVIDIA runtime registered in every host\'s daemon.json and exposes whatever `NVIDIA_VISIBLE_DEVICES` says (all GPUs by default in NVIDIA\'s images); Compose\'s device reservations ask the engine for a number of GPUs with no daemon configuration.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'GPUs are requested with device reservations',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      const text = scalarText(service.data.runtime);
      if (text === null) continue;
      ctx.applies();
      const { value } = interpolate(text, service);
      if (value.trim().toLowerCase() !== 'nvidia') continue;
      ctx.report({
        ...service.at('runtime'),
        message: `service \`${service.name}\` gets its GPU through the legacy \`runtime: nvidia\`: it only starts where the NVIDIA runtime is registered in the daemon's configuration, and which GPUs it sees depends on \`NVIDIA_VISIBLE_DEVICES\``,
        hint: 'request the GPU from the engine instead: `deploy: { resources: { reservations: { devices: [{ driver: nvidia, count: 1, capabilities: [gpu] }] } } }` (or `count: all`), and remove `runtime`',
        key: `service:${service.name}:runtime`,
      });
    }
  },
});
