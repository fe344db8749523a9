import { defineRule } from '../../src/engine/rule.js';
import { judgedServices } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-read-only',
    title: 'Writable container filesystem',
    priority: 'low',
    category: 'security',
    rationale:
      'With `read_only: true` an intruder cannot drop tools or change the application\'s files, and writes that should go to a volume show up at once; most services only need a few `tmpfs` or volume paths.',
    fixable: false,
    equivalents: { semgrep: ['writable-filesystem-service'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Every service runs with a read-only root filesystem',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx, { includeJobs: true })) {
      if (data.read_only !== undefined && data.read_only !== null) continue;
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` has a writable root filesystem (no \`read_only: true\`)`,
        hint: 'add `read_only: true` and give the paths it writes a volume or `tmpfs:` (e.g. `tmpfs: [/tmp]`)',
        key: `service:${service.name}`,
      });
    }
  },
});
