import { defineRule } from '../../src/engine/rule.js';
import { commandsAfter, type ShellCommand } from '../../src/parse/shell.js';
import { APT_INSTALLS, aptSubcommand, layerShips, mountCovers, removedAfter, runShells } from './lib/run.js';

const LISTS = '/var/lib/apt/lists';

export default defineRule({
  meta: {
    id: 'apt-lists-not-cleaned',
    title: 'apt package lists left in the image',
    priority: 'low',
    category: 'efficiency',
    rationale:
      '`apt-get update` downloads package lists (often 20–50 MB) into /var/lib/apt/lists. Unless the same RUN deletes them, they stay in that layer forever, and a later RUN cannot take them back out.',
    fixable: false,
    equivalents: { hadolint: ['DL3009'], semgrep: ['remove-package-lists'] },
    appliesTo: 'dockerfile',
    strength: 'apt package lists are removed in the layer that downloads them',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      if (!layerShips(ctx.file, run)) continue;
      const commands = run.script.commands;
      const updates = commands.filter((c) => aptSubcommand(c)?.value === 'update');
      if (updates.length === 0) continue;
      const lastUpdate = updates[updates.length - 1];
      // `apt-get update` alone is apt-update-alone's finding; here the lists are judged where they are used.
      const isInstall = (c: ShellCommand): boolean => APT_INSTALLS.has(aptSubcommand(c)?.value ?? '');
      const install = commandsAfter(run.script, lastUpdate).find(isInstall) ?? commandsAfter(run.script, updates[0]).find(isInstall);
      if (install === undefined) continue;
      ctx.applies();
      if (mountCovers(run.instruction, LISTS)) continue;
      if (removedAfter(run.script, lastUpdate, [LISTS])) continue;
      if (commandsAfter(run.script, lastUpdate).some((c) => ['distclean', 'dist-clean'].includes(aptSubcommand(c)?.value ?? ''))) continue;
      ctx.report({
        range: install.range,
        message: `\`${install.name} ${aptSubcommand(install)!.value}\` after \`${lastUpdate.name} update\` leaves the package lists in the layer: the RUN never removes \`${LISTS}\``,
        hint: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or mount a cache: `RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked …`.',
      });
    }
  },
});
