import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, hasFlag } from '../../src/parse/shell.js';
import { normalisePath, runShells } from './lib/run.js';

const LN_VALUE_FLAGS = ['-t', '--target-directory', '-S', '--suffix'];
const SYSTEM_SH = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  meta: {
    id: 'bin-sh-symlink',
    title: '`/bin/sh` replaced by a symlink',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Pointing `/bin/sh` at bash (or another shell) changes the shell of every program in the image, including package maintainer scripts and the entrypoint scripts of the base image; the `SHELL` instruction changes it for the Dockerfile\'s own RUN lines only.',
    fixable: false,
    equivalents: { hadolint: ['DL4005'], semgrep: ['use-shell-instruction'] },
    appliesTo: 'dockerfile',
    strength: '`/bin/sh` is left as the base image provides it',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (command.name !== 'ln') continue;
        ctx.applies();
        if (hasFlag(command, '-t', '--target-directory')) continue;
        const positional = argsNoFlags(command, LN_VALUE_FLAGS);
        if (positional.length < 2) continue;
        const link = positional[positional.length - 1];
        if (link.dynamic || !SYSTEM_SH.has(normalisePath(link.value))) continue;
        const target = positional[0].dynamic ? 'another shell' : `\`${positional[0].value}\``;
        ctx.report({
          range: command.range,
          message: `\`ln\` makes \`${link.value}\` point to ${target}: every program in the image that runs \`sh\` (maintainer scripts, entrypoint scripts, \`system()\`) changes shell too; to run this Dockerfile's RUN lines with bash, use \`SHELL ["/bin/bash", "-c"]\` instead`,
        });
      }
    }
  },
});
