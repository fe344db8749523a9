import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, hasFlag } from '../../src/parse/shell.js';
import { nameList, runShells } from './lib/run.js';

/**
 * True when `mode` gives write permission to "others": octal with the last digit's 2 bit set (without the sticky bit,
 * which is how shared folders such as /tmp are meant to be world-writable), or a symbolic clause `o+w`, `a=rwx`, …
 * A bare `+w` follows the umask (022 in builds) and does not reach others.
 */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const sticky = (Number(digits[0]) & 1) === 1;
    return !sticky && (Number(digits[3]) & 2) === 2;
  }
  return mode.split(',').some((clause) => {
    const who = clause.match(/^[ugoa]*/)?.[0] ?? '';
    if (!who.includes('o') && !who.includes('a')) return false;
    // Each operator applies to the letters after it: `a+rx-w` does not grant w.
    const ops = clause.slice(who.length).match(/[-+=][rwxXstugo]*/g) ?? [];
    return ops.some((op) => (op[0] === '+' || op[0] === '=') && op.includes('w') && !op.includes('t'));
  });
}

export default defineRule({
  meta: {
    id: 'chmod-world-writable',
    title: 'chmod makes files writable by every user',
    priority: 'medium',
    category: 'security',
    rationale:
      'World-writable files and folders (777, o+w) let any process in the container, whatever its user, change code, configuration or scripts that others then run: a foothold for privilege escalation. Give ownership to the user that needs to write instead.',
    fixable: false,
    equivalents: { sonar: ['S2612'] },
    appliesTo: 'dockerfile',
    strength: 'No chmod makes files world-writable',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (command.name !== 'chmod') continue;
        ctx.applies();
        const [mode, ...targets] = argsNoFlags(command, ['--reference']);
        if (mode === undefined || mode.dynamic || !worldWritable(mode.value)) continue;
        const recursive = hasFlag(command, '-R', '--recursive');
        const names = targets.map((t) => t.value);
        ctx.report({
          range: command.range,
          message: `\`chmod ${recursive ? '-R ' : ''}${mode.value}\` makes ${names.length ? nameList(names, 3) : 'its targets'} writable by every user${recursive ? ', recursively' : ''}`,
          hint: 'Give the files to the user that writes them (`COPY --chown=app:app …` or `chown app:app …`) and use 755/644 (or 775 with a shared group).',
        });
      }
    }
  },
});
