import { defineRule } from '../../src/engine/rule.js';
import { flagValue, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import { layerShips, runShells } from './lib/run.js';

/** Input fed to the command: from a pipe, a here-string, a heredoc or a file. */
function fed(command: ShellCommand): boolean {
  return (command.pipeline !== null && command.pipeline.index > 0) || command.redirects.some((r) => r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<<<');
}

/** Why the command sets (or removes) a password, or null. */
function setsPassword(command: ShellCommand): string | null {
  switch (command.name) {
    case 'chpasswd':
      return '`chpasswd` sets a password';
    case 'passwd':
      if (hasFlag(command, '-d', '--delete', '-l', '--lock', '-u', '--unlock', '-S', '--status', '-e', '--expire')) return null;
      return hasFlag(command, '--stdin') || fed(command) ? '`passwd` reading a password from its input sets it' : null;
    case 'useradd':
    case 'usermod': {
      const hash = flagValue(command, '-p') ?? flagValue(command, '--password');
      // `-p '*'` / `-p '!'` lock the account: no password at all.
      if (hash === null || hash === '*' || hash === '!' || hash === '!!') return null;
      return `\`${command.name} -p\` sets a password hash`;
    }
    default:
      return null;
  }
}

/** The password text the command is given, as far as the RUN line shows it: never to be printed in any report. */
function passwordValues(command: ShellCommand, commands: ShellCommand[]): string[] {
  if (command.name === 'useradd' || command.name === 'usermod') {
    const hash = flagValue(command, '-p') ?? flagValue(command, '--password');
    return hash ? [hash] : [];
  }
  // `echo 'user:pw' | chpasswd`, `printf … | passwd --stdin`, `chpasswd <<< 'user:pw'`.
  const fedText = command.redirects.filter((r) => r.op === '<<<').map((r) => r.target);
  const i = commands.indexOf(command);
  const feeder = command.pipeline && command.pipeline.index > 0 && i > 0 ? commands[i - 1] : null;
  if (feeder && (feeder.name === 'echo' || feeder.name === 'printf')) fedText.push(...feeder.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value));
  return fedText.flatMap((text) => (command.name === 'chpasswd' ? text.split(/\\n|\n/).map((l) => l.slice(l.indexOf(':') + 1)) : [text]));
}

export default defineRule({
  meta: {
    id: 'password-in-run',
    title: 'Password set in a RUN instruction',
    priority: 'high',
    category: 'security',
    rationale:
      'A password set while building is readable by anyone who pulls the image: the RUN line with it is kept in `docker history`, and its hash sits in `/etc/shadow` of the layer, ready for offline cracking. Containers should not need passwords at all.',
    fixable: false,
    equivalents: { checkov: ['CKV2_DOCKER_17'] },
    appliesTo: 'dockerfile',
    strength: 'No passwords are set while building the image',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      if (!layerShips(ctx.file, run)) continue;
      for (const command of run.script.commands) {
        const why = setsPassword(command);
        if (command.name === 'chpasswd' || command.name === 'passwd' || command.name === 'useradd' || command.name === 'usermod') ctx.applies();
        if (!why) continue;
        const where = run.onbuild ? ' (through `ONBUILD`, in every image built from this one)' : '';
        const message = `${why} while building the image${where}: the RUN line is kept in \`docker history\` and the hash in \`/etc/shadow\` of the layer, readable by anyone who can pull the image; container accounts need no password (\`docker exec -u root\` gives a root shell), and a service that needs one should set it at start-up from a secret`;
        ctx.report({
          range: command.range,
          message,
          secrets: passwordValues(command, run.script.commands),
        });
      }
    }
  },
});
