import { defineRule } from '../../src/engine/rule.js';
import { aptSubcommand, layerShips, runShells, zypperSubcommand } from './lib/run.js';

/** Subcommands that upgrade the distribution itself rather than apply updates to the installed release. */
const APT_DIST = new Set(['dist-upgrade', 'full-upgrade']);
const ZYPPER_DIST = new Set(['dist-upgrade', 'dup']);

export default defineRule({
  meta: {
    id: 'dist-upgrade',
    title: 'Distribution upgrade in a RUN',
    priority: 'low',
    category: 'reliability',
    rationale:
      '`zypper dist-upgrade` moves the image to whatever release its repositories point at, and `apt-get dist-upgrade` may remove or replace packages of the base image: the image stops matching its base tag and changes from one build to the next.',
    fixable: false,
    equivalents: { hadolint: ['DL3035'], trivy: ['DS-0024'] },
    appliesTo: 'dockerfile',
    strength: 'Images take their distribution release from the base image tag',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        const apt = aptSubcommand(command);
        const zypper = zypperSubcommand(command);
        if (apt === null && zypper === null) continue;
        ctx.applies();
        if (!layerShips(ctx.file, run)) continue;
        if (apt && APT_DIST.has(apt.value)) {
          ctx.report({
            range: command.range,
            message: `\`${command.name} ${apt.value}\` may remove or replace packages the base image provides, so the image drifts from its base tag between builds; use \`apt-get upgrade\` for security updates, or a newer base image tag`,
          });
        } else if (zypper && ZYPPER_DIST.has(zypper.value)) {
          ctx.report({
            range: command.range,
            message: `\`zypper ${zypper.value}\` upgrades the image to whatever distribution release its repositories point at, so it no longer matches its base tag; use \`zypper patch\` (or \`zypper update\`) for updates, and a newer base image tag for a new release`,
          });
        }
      }
    }
  },
});
