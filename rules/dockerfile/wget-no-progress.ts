import { defineRule } from '../../src/engine/rule.js';
import { stageAncestry, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { argsNoFlags, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import { apkSubcommand, mayHoldOptions, operands, reportAll, runShells, APK_VALUE_FLAGS, type PendingReport, type RunShell } from './lib/run.js';
import { WGET_VALUE_FLAGS } from './lib/download.js';

/** Long options that quiet wget's progress output or send it to a log file. */
const QUIET_LONG = ['--quiet', '--no-verbose', '--progress', '--output-file', '--append-output'];
/** Short options of GNU wget that take a value: in a group they end the group (`-qO-`). */
const SHORT_WITH_VALUE = new Set([...'OoaPtTUeiwQBlADIXYRS']);

/** True when one of the command's options quiets the progress output: `-q`, `-nv`, `-qO-`, `--progress=…`, `-o log`. */
function quiet(command: ShellCommand): boolean {
  if (hasFlag(command, ...QUIET_LONG)) return true;
  const end = command.args.findIndex((w) => w.value === '--' && !w.dynamic);
  for (const word of end < 0 ? command.args : command.args.slice(0, end)) {
    const value = word.value;
    if (value === '-nv') return true;
    if (!value.startsWith('-') || value.startsWith('--') || value.startsWith('-n')) continue;
    for (const letter of value.slice(1)) {
      if (letter === 'q' || letter === 'o' || letter === 'a') return true;
      if (SHORT_WITH_VALUE.has(letter)) break;
    }
  }
  return false;
}

function isAlpineLike(stage: DockerfileStage): boolean {
  return stageAncestry(stage).some((s) => {
    const ref = s.base.ref;
    if (ref === null) return false;
    const name = ref.name.toLowerCase();
    return name.endsWith('alpine') || name.endsWith('busybox') || (ref.tag?.toLowerCase().includes('alpine') ?? false);
  });
}

/** `apk add … wget` before `command` (in an earlier RUN of the stage chain, or earlier in its own RUN): GNU wget replaces busybox's. */
function gnuWgetInstalled(runs: RunShell[], run: RunShell, command: ShellCommand): boolean {
  const stages = run.stage ? stageAncestry(run.stage) : [];
  for (const other of runs) {
    if (other !== run && (other.onbuild || other.stage === null || !stages.includes(other.stage))) continue;
    for (const c of other.script.commands) {
      if (other === run && c === command) return false;
      if (apkSubcommand(c)?.value === 'add' && operands(c, APK_VALUE_FLAGS).some((w) => w.value === 'wget')) return true;
    }
    if (other === run) return false;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'wget-no-progress',
    title: 'wget prints its progress into the build log',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Without a terminal, GNU wget prints a line of dots for every 50 KB it downloads: a large download fills the build log with thousands of lines, and BuildKit clips a step\'s output at 2 MiB, hiding the error that follows.',
    fixable: true,
    equivalents: { hadolint: ['DL3047'] },
    appliesTo: 'dockerfile',
    strength: 'wget downloads keep the build log short',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    const runs = runShells(ctx.file);
    for (const run of runs) {
      for (const command of run.script.commands) {
        if (command.name !== 'wget') continue;
        if (hasFlag(command, '--version', '-V', '--help', '-h') || argsNoFlags(command, WGET_VALUE_FLAGS).length === 0) continue;
        ctx.applies();
        if (quiet(command) || mayHoldOptions(command, null)) continue;
        // busybox wget (Alpine) draws one self-overwriting bar and has no `--progress`.
        if (run.stage && isAlpineLike(run.stage) && !gnuWgetInstalled(runs, run, command)) continue;
        pending.push({
          report: {
            range: command.range,
            message: '`wget` without `--progress`, `-q` or `-nv`: outside a terminal it prints a line of dots per 50 KB, which floods the build log (BuildKit clips a step at 2 MiB of output); add `--progress=dot:giga`, or `-nv`',
          },
          insert: { after: command.nameWord, text: ' --progress=dot:giga' },
        });
      }
    }
    reportAll(ctx, pending);
  },
});
