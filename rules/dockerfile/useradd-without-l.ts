import { defineRule } from '../../src/engine/rule.js';
import { flagValue, hasFlag } from '../../src/parse/shell.js';
import { reportAll, runShells, type PendingReport } from './lib/run.js';

/** hadolint's threshold: a UID of six digits or more. /var/log/lastlog grows to UID × 292 bytes (and faillog likewise). */
const HIGH_UID = 100000;

export default defineRule({
  meta: {
    id: 'useradd-without-l',
    title: 'useradd with a high UID bloats the image',
    priority: 'low',
    category: 'efficiency',
    rationale:
      '`useradd` writes an entry for the new UID into /var/log/lastlog and faillog, sparse files sized by the highest UID. Image layers do not keep files sparse, so a UID like 1000000 adds hundreds of MB. `-l` (`--no-log-init`) skips them.',
    fixable: true,
    equivalents: { hadolint: ['DL3046'] },
    appliesTo: 'dockerfile',
    strength: 'useradd never inflates lastlog',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (command.name !== 'useradd') continue;
        ctx.applies();
        if (hasFlag(command, '-l', '--no-log-init')) continue;
        const uid = flagValue(command, '-u') ?? flagValue(command, '--uid');
        if (uid === null || !/^\d+$/.test(uid) || Number(uid) < HIGH_UID) continue;
        pending.push({
          report: {
            range: command.range,
            message: `\`useradd -u ${uid}\` without \`-l\` writes a ${Math.round((Number(uid) * 292) / 1e6)} MB lastlog into the layer`,
            hint: 'Add `-l` (`--no-log-init`).',
          },
          insert: { after: command.nameWord, text: ' -l' },
        });
      }
    }
    reportAll(ctx, pending);
  },
});
