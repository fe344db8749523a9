import { defineRule } from '../../src/engine/rule.js';
import { asMap, interpolate, scalarText, servicesOf } from './lib.js';

const DEVICES = ['deploy', 'resources', 'reservations', 'devices'] as const;

export default defineRule({
  meta: {
    id: 'compose-gpu-reservation',
    title: 'GPU reservation Docker cannot satisfy',
    priority: 'high',
    category: 'correctness',
    rationale:
      'A `deploy.resources.reservations.devices` entry is matched to a device driver by its `capabilities`: without `gpu` Docker finds no driver and the container does not start (or starts without the GPU on older engines); a `count` that is neither a number nor `all`, or given together with `device_ids`, is rejected by Compose.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'GPU reservations use the documented syntax',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      const devices = asMap(asMap(asMap(service.data.deploy)?.resources)?.reservations)?.devices;
      if (!Array.isArray(devices)) continue;
      devices.forEach((entry, i) => {
        const device = asMap(entry);
        if (!device) return;
        ctx.applies();
        const driverText = scalarText(device.driver);
        const driver = driverText === null ? null : interpolate(driverText, service).value.trim().toLowerCase();
        const caps = device.capabilities;
        // A missing `capabilities` is a schema error (compose-schema reports it).
        if (Array.isArray(caps) && (driver === null || driver === '' || driver === 'nvidia' || driver === 'amd')) {
          const names = caps.map((c) => scalarText(c)?.trim().toLowerCase() ?? '');
          if (!names.includes('gpu')) {
            ctx.report({
              ...service.at(...DEVICES, i, 'capabilities'),
              message: `service \`${service.name}\` reserves a device with \`capabilities: [${names.join(', ')}]\` but without \`gpu\`: Docker selects the GPU driver by that capability, so it finds no driver ("could not select device driver") and the container does not start, or gets no GPU on older engines`,
              hint: `use \`capabilities: [gpu]\` (NVIDIA driver capabilities such as \`compute\` or \`utility\` may follow: \`[gpu, compute, utility]\`)`,
              key: `service:${service.name}:devices:${i}:capabilities`,
            });
          }
        }
        if (device.count === undefined || device.count === null) return;
        const countText = scalarText(device.count);
        const count = countText === null ? null : interpolate(countText, service);
        if (count?.unresolved) return;
        const value = count?.value.trim() ?? '';
        const valid = value.toLowerCase() === 'all' || /^-?\d+$/.test(value);
        const place = service.at(...DEVICES, i, 'count');
        if (!valid) {
          ctx.report({
            ...place,
            message: `service \`${service.name}\` reserves \`count: ${value}\` devices: Compose accepts only a whole number or \`all\`, and refuses to start the stack`,
            hint: 'write a whole number of GPUs (`count: 1`) or `count: all`',
            key: `service:${service.name}:devices:${i}:count`,
          });
        } else if (device.device_ids !== undefined && device.device_ids !== null) {
          ctx.report({
            ...place,
            message: `service \`${service.name}\` gives both \`count\` and \`device_ids\` for one device reservation: they are exclusive, and Compose refuses to start the stack`,
            hint: 'keep `device_ids` to pick specific GPUs (`["0", "3"]`), or `count` to take any that many',
            key: `service:${service.name}:devices:${i}:count-and-ids`,
          });
        }
      });
    }
  },
});
