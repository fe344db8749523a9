import { defineRule } from '../../src/engine/rule.js';
import { hasFlag } from '../../src/parse/shell.js';
import {
  aptConfigValue, aptSubcommand, isFalse, mayHoldOptions, optionSettings, reportAll, runShells, type PendingReport,
} from './lib/run.js';

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    title: 'apt-get install pulls in recommended packages',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'Without `--no-install-recommends`, apt installs every "recommended" package too: often tens or hundreds of MB the image never uses, and more packages to patch.',
    fixable: true,
    equivalents: { hadolint: ['DL3015'], semgrep: ['missing-no-install-recommends'] },
    appliesTo: 'dockerfile',
    strength: 'apt-get installs skip recommended packages',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        const install = aptSubcommand(command);
        if (install?.value !== 'install') continue;
        ctx.applies();
        if (hasFlag(command, '--no-install-recommends') || mayHoldOptions(command, install)) continue;
        const settings = optionSettings(command, '-o', '--option');
        if (settings.some(([key, value]) => key === 'apt::install-recommends' && isFalse(value))) continue;
        const configured = aptConfigValue(ctx.file, run, command, 'APT::Install-Recommends');
        if (configured !== null && isFalse(configured)) continue;
        pending.push({
          report: {
            range: command.range,
            message: `\`${command.name} install\` without \`--no-install-recommends\` also installs every recommended package`,
            hint: 'Add `--no-install-recommends` and list the packages you need explicitly.',
          },
          insert: { after: install, text: ' --no-install-recommends' },
        });
      }
    }
    reportAll(ctx, pending);
  },
});
