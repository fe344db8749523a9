import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, commandsAfter, type ShellCommand } from '../../src/parse/shell.js';
import { changesOnlyShell, normalisePath, removesPath, runShells } from './lib/run.js';

const TEMP_DIRS = ['/tmp', '/var/tmp', '/dev/shm'];

function isTemp(path: string): boolean {
  return TEMP_DIRS.some((t) => path === t || path.startsWith(`${t}/`));
}

export default defineRule({
  meta: {
    id: 'cd-instead-of-workdir',
    title: '`cd` in RUN instead of WORKDIR',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'A `cd` lasts only until the end of its RUN: the next instruction starts in WORKDIR again, which surprises readers and makes a lone `RUN cd …` do nothing at all. WORKDIR states where the following instructions run.',
    fixable: false,
    equivalents: { hadolint: ['DL3003'], semgrep: ['use-workdir'] },
    appliesTo: 'dockerfile',
    strength: 'Directories are set with WORKDIR, not cd',
  },
  check(ctx) {
    if (ctx.file.instructions.some((i) => i.getKeyword() === 'WORKDIR')) ctx.applies();
    for (const run of runShells(ctx.file)) {
      if (run.script.commands.some((c) => c.name === 'cd')) ctx.applies();
      // `export A=1 && cd /x` and the like: the whole RUN has no effect, run-no-effect says so.
      if (run.script.commands.every(changesOnlyShell) && !run.script.commands.every((c) => c.name === 'cd')) continue;
      const cds = run.script.commands.filter((c) => c.name === 'cd' && !c.inSubshell);
      // Several cds are navigation inside a build script (`cd src && make && cd ..`): WORKDIR cannot replace that.
      if (cds.length !== 1) continue;
      const cd = cds[0];
      const target = argsNoFlags(cd)[0];
      if (target === undefined || target.dynamic || target.value === '-' || target.value.startsWith('~')) continue;
      const path = normalisePath(target.value);
      if (isTemp(path)) continue;
      const later = commandsAfter(run.script, cd);
      // A scratch folder the same RUN deletes (`cd /usr/src/x && make install && rm -rf /usr/src/x`) is not a WORKDIR.
      if (later.some((c: ShellCommand) => removesPath(c, [path]))) continue;
      if (later.length === 0) {
        ctx.report({
          range: cd.range,
          message: `\`cd ${target.value}\` ends the RUN, so it has no effect: the next instruction starts in WORKDIR again`,
          hint: `Use \`WORKDIR ${target.value}\` if the following instructions should run there.`,
        });
      } else {
        ctx.report({
          range: cd.range,
          message: `\`cd ${target.value}\` in RUN: use \`WORKDIR ${target.value}\` so every later instruction (and reader) knows where it runs`,
          hint: `Put \`WORKDIR ${target.value}\` before this RUN and drop the \`cd\`.`,
        });
      }
    }
  },
});
