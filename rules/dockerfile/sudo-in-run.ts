import { defineRule } from '../../src/engine/rule.js';
import { runShells, shortCommand } from './lib/run.js';

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    title: 'sudo used in RUN',
    priority: 'medium',
    category: 'security',
    rationale:
      'A RUN already runs as the current USER. `sudo` only works if the image ships sudo with a password-less rule, which then lets any process in the running container become root; and it hides where privileges change. Switch with `USER root` … `USER app` around the steps that need root.',
    fixable: false,
    equivalents: { hadolint: ['DL3004'], checkov: ['CKV2_DOCKER_1'], semgrep: ['no-sudo-in-dockerfile'] },
    appliesTo: 'dockerfile',
    strength: 'Privileges change with USER, not sudo',
  },
  check(ctx) {
    // Judged as a strength only where it means something: a file that switches users with USER.
    if (ctx.file.stages.some((s) => s.instructions.some((i) => i.getKeyword() === 'USER'))) ctx.applies();
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (command.name !== 'sudo' && !command.wrappers.includes('sudo')) continue;
        const what = command.name === 'sudo' ? 'sudo' : `sudo ${shortCommand(command, 2)}`;
        ctx.report({
          range: command.range,
          message: `\`${what}\` in RUN: the build already runs as the current USER`,
          hint: 'Drop sudo; put `USER root` before the steps that need root and `USER <app user>` after them.',
        });
      }
    }
  },
});
