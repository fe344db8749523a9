import { defineRule } from '../../src/engine/rule.js';
import { variablesAt } from '../../src/parse/dockerfile.js';
import { commandsAfter, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import {
  asPip, cacheMountTargets, layerShips, mayHoldOptions, pipInstallWord, removedAfter, reportAll, runShells, subcommandWord,
  PIP_VALUE_FLAGS, type PendingReport, type RunShell,
} from './lib/run.js';
import type { DockerfileFile } from '../../src/parse/dockerfile.js';

/** pip reads `PIP_NO_CACHE_DIR` with strtobool and, for backwards compatibility, disables the cache for any valid value. */
const STRTOBOOL = new Set(['y', 'yes', 't', 'true', 'on', '1', 'n', 'no', 'f', 'false', 'off', '0']);

const CACHE_DIRS = ['/root/.cache/pip', '~/.cache/pip', '/root/.cache', '~/.cache'];

function disablesCache(value: string | null | undefined): boolean {
  // null: declared (ARG without default, or a value we cannot expand); give it the benefit of the doubt.
  return value === null || (value !== undefined && STRTOBOOL.has(value.trim().toLowerCase()));
}

/** `PIP_NO_CACHE_DIR` set for this pip: ENV/ARG of the stage, `VAR=… pip`, or an earlier `export` in the RUN. */
function envDisablesCache(file: DockerfileFile, run: RunShell, command: ShellCommand): boolean {
  if (command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && disablesCache(a.value))) return true;
  const commands = run.script.commands;
  for (const earlier of commands.slice(0, commands.indexOf(command))) {
    if (earlier.name !== 'export') continue;
    for (const word of earlier.args) {
      if (word.value.startsWith('PIP_NO_CACHE_DIR=') && disablesCache(word.value.slice('PIP_NO_CACHE_DIR='.length))) return true;
    }
  }
  if (run.stage === null) return false;
  // An ONBUILD RUN is not among the stage's instructions: it sees every ENV of the stage, as the child image does.
  const vars = variablesAt(file, run.stage, run.instruction);
  return vars.has('PIP_NO_CACHE_DIR') && disablesCache(vars.get('PIP_NO_CACHE_DIR'));
}

/** `pip config set global.no-cache-dir …` anywhere before, in this RUN or an earlier one. */
function configDisablesCache(runs: RunShell[], run: RunShell, command: ShellCommand): boolean {
  for (const other of runs) {
    for (const c of other.script.commands) {
      if (other === run && c === command) return false;
      const pip = asPip(c);
      if (pip === null || subcommandWord(pip, PIP_VALUE_FLAGS)?.value !== 'config') continue;
      if (pip.args.some((w) => /^(global|install)\.no-cache-dir$/.test(w.value))) return true;
    }
    if (other === run) return false;
  }
  return false;
}

function cacheMounted(run: RunShell, cacheDir: string | undefined): boolean {
  return cacheMountTargets(run.instruction).some(
    (t) => t.endsWith('/.cache') || t.endsWith('/.cache/pip') || t.endsWith('/pip') || (cacheDir !== undefined && t === cacheDir)
  );
}

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    title: 'pip keeps its download cache in the image',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'pip caches every wheel it downloads under ~/.cache/pip. In an image nobody reinstalls from that cache: it only adds size (often more than the packages themselves for large wheels).',
    fixable: true,
    equivalents: { hadolint: ['DL3042'], semgrep: ['missing-pip-no-cache-dir'] },
    appliesTo: 'dockerfile',
    strength: 'pip installs keep no download cache in the image',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    const runs = runShells(ctx.file);
    for (const run of runs) {
      // In a stage only used for COPY --from the cache costs build cache, not image size: still worth the one flag.
      const where = layerShips(ctx.file, run) ? 'in the layer' : 'in the layer (of a build stage: it costs build cache space, not image size)';
      for (const command of run.script.commands) {
        const found = pipInstallWord(command);
        if (found === null) continue;
        ctx.applies();
        const { pip, install } = found;
        if (hasFlag(pip, '--no-cache-dir') || mayHoldOptions(pip, install)) continue;
        const cacheDir = run.stage ? variablesAt(ctx.file, run.stage, run.instruction).get('PIP_CACHE_DIR') ?? undefined : undefined;
        if (cacheMounted(run, cacheDir)) continue;
        if (envDisablesCache(ctx.file, run, command) || configDisablesCache(runs, run, command)) continue;
        if (removedAfter(run.script, command, cacheDir ? [...CACHE_DIRS, cacheDir] : CACHE_DIRS)) continue;
        if (commandsAfter(run.script, command).some((c) => { const p = asPip(c); return p !== null && subcommandWord(p, PIP_VALUE_FLAGS)?.value === 'cache'; })) continue;
        pending.push({
          report: {
            range: command.range,
            message: `\`${pip === command ? command.name : `${command.name} -m pip`} install\` without \`--no-cache-dir\` keeps downloaded wheels ${where}`,
            hint: 'Add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/pip …`.',
          },
          insert: { after: install, text: ' --no-cache-dir' },
        });
      }
    }
    reportAll(ctx, pending);
  },
});
