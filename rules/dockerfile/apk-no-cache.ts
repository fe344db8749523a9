import { defineRule } from '../../src/engine/rule.js';
import { hasFlag } from '../../src/parse/shell.js';
import {
  apkSubcommand, layerShips, mayHoldOptions, mountCovers, removedAfter, reportAll, runShells, type PendingReport,
} from './lib/run.js';

const CACHE_DIRS = ['/var/cache/apk', '/etc/apk/cache'];

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    title: 'apk leaves its package index in the image',
    priority: 'low',
    category: 'efficiency',
    rationale:
      '`apk add` without `--no-cache` stores the package index (a few MB per repository) in /var/cache/apk, where it stays in the layer. `--no-cache` fetches a fresh index for the install and keeps nothing, which also makes a separate `apk update` unnecessary.',
    fixable: true,
    equivalents: { hadolint: ['DL3019'], semgrep: ['missing-apk-no-cache'] },
    appliesTo: 'dockerfile',
    strength: 'apk installs leave no package cache',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    for (const run of runShells(ctx.file)) {
      // In a stage only used for COPY --from the index costs build cache, not image size: still worth the one flag.
      const where = layerShips(ctx.file, run) ? '' : ' (of a build stage: it costs build cache space, not image size)';
      const commands = run.script.commands;
      const adds = commands.filter((c) => ['add', 'upgrade'].includes(apkSubcommand(c)?.value ?? ''));
      if (adds.length === 0) continue;
      ctx.applies();
      if (mountCovers(run.instruction, ...CACHE_DIRS)) continue;
      for (const command of commands) {
        const sub = apkSubcommand(command);
        if (sub === null || removedAfter(run.script, command, CACHE_DIRS)) continue;
        if (sub.value === 'update') {
          pending.push({
            report: {
              range: command.range,
              message: `\`apk update\` stores the package index in the layer${where}: \`apk add --no-cache\` fetches it for the install without keeping it`,
              hint: 'Drop `apk update` and use `apk add --no-cache …`.',
            },
          });
        } else if (adds.includes(command) && !hasFlag(command, '--no-cache') && !mayHoldOptions(command, sub)) {
          pending.push({
            report: {
              range: command.range,
              message: `\`apk ${sub.value}\` without \`--no-cache\` leaves the package index in /var/cache/apk${where}`,
              hint: `Use \`apk ${sub.value} --no-cache …\`.`,
            },
            insert: { after: sub, text: ' --no-cache' },
          });
        }
      }
    }
    reportAll(ctx, pending);
  },
});
