import { defineRule } from '../../src/engine/rule.js';
import { runShells } from './lib/run.js';

const WHY: Readonly<Record<string, string>> = {
  ssh: 'a build should not log into other machines (and its keys would stay in the layer)',
  vim: 'nobody can type into an editor during a build',
  nano: 'nobody can type into an editor during a build',
  shutdown: 'there is no machine to shut down in a container build',
  reboot: 'there is no machine to reboot in a container build',
  service: 'services started in a RUN stop when the RUN ends; start them from the entrypoint',
  systemctl: 'there is no systemd in a build container; start services from the entrypoint',
  ps: 'process listings say nothing about the image',
  top: 'an interactive monitor has no terminal in a build',
  free: 'memory figures of the build machine say nothing about the image',
  kill: 'no process outlives its RUN, so there is nothing to kill in the next one',
  mount: 'mounts do not persist past the RUN (and usually need privileges a build does not have)',
  ifconfig: 'network settings of the build container do not carry into the image',
};

export default defineRule({
  meta: {
    id: 'pointless-commands',
    title: 'Command that makes no sense in a build',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Interactive tools, service managers and machine-level commands do nothing lasting in a RUN: the process and its effects end with the instruction. Their presence usually means a step meant for a VM was copied into a Dockerfile.',
    fixable: false,
    equivalents: { hadolint: ['DL3001'], semgrep: ['nonsensical-command'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
    strength: 'RUN steps only run build commands',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      ctx.applies();
      for (const command of run.script.commands) {
        const why = WHY[command.name];
        if (why === undefined) continue;
        ctx.report({ range: command.range, message: `\`${command.name}\` in RUN: ${why}` });
      }
    }
  },
});
