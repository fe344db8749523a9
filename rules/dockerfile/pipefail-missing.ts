import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { stageAncestry, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { argsNoFlags, flagValues, hasFlag, type ShellCommand, type ShellScript } from '../../src/parse/shell.js';
import { SHELL_NAMES, spanning, within } from './lib/download.js';
import { runShells, shortCommand, type RunShell } from './lib/run.js';

/** Producers whose failure a pipe cannot hide: they do not fail in any way that matters. */
function cannotFail(command: ShellCommand): boolean {
  if (['echo', 'printf', 'yes', 'true', ':'].includes(command.name)) return true;
  return command.name === 'cat' && argsNoFlags(command).length === 0; // cat <<EOF | …, cat <<< "…" | …
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase().replace(/\.exe$/, '');
}

/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail` among shell options. */
function optionsSetPipefail(words: string[]): boolean {
  return words.some((w, i) => /^-[a-z]*o$/.test(w) && words[i + 1] === 'pipefail');
}

/** The SHELL in effect for a RUN of `stage` (its own earlier SHELLs, then the stages it is built FROM); null: default. */
function shellInEffect(stage: DockerfileStage, run: Instruction, onbuild: boolean): string[] | null {
  for (const s of stageAncestry(stage)) {
    let last: Instruction | null = null;
    for (const instruction of s.instructions) {
      if (s === stage && !onbuild && instruction === run) break;
      if (instruction.getKeyword() === 'SHELL') last = instruction;
    }
    if (last !== null) return (last as JSONInstruction).getJSONStrings().map((j) => j.getJSONValue());
  }
  return null;
}

/** Windows images run RUN with `cmd /S /C`, where none of this applies. */
function isWindows(stage: DockerfileStage): boolean {
  return stageAncestry(stage).some((s) => {
    const name = s.base.ref?.name.toLowerCase() ?? '';
    const tag = s.base.ref?.tag?.toLowerCase() ?? '';
    return name.includes('windows') || name.includes('nanoserver') || name.includes('servercore') || tag.includes('nanoserver') || tag.includes('servercore') || tag.includes('ltsc');
  });
}

function isAlpine(stage: DockerfileStage): boolean {
  return stageAncestry(stage).some((s) => {
    const ref = s.base.ref;
    return ref !== null && (ref.name.toLowerCase().endsWith('alpine') || (ref.tag?.toLowerCase().includes('alpine') ?? false));
  });
}

/** The `sh -c '…'` / `bash -o pipefail -c '…'` a command runs inside, if any (innermost). */
function childShellOf(script: ShellScript, command: ShellCommand): ShellCommand | null {
  let found: ShellCommand | null = null;
  for (const c of script.commands) {
    if (c === command || !SHELL_NAMES.has(c.name) || !hasFlag(c, '-c')) continue;
    if (within(command.range, c.range) && (found === null || within(c.range, found.range))) found = c;
  }
  return found;
}

function pipefailSetBefore(script: ShellScript, command: ShellCommand): boolean {
  const earlier = script.commands.slice(0, script.commands.indexOf(command));
  return earlier.some((c) => c.name === 'set' && flagValues(c, '-o').includes('pipefail'));
}

export default defineRule({
  meta: {
    id: 'pipefail-missing',
    title: 'Pipe in RUN without pipefail',
    priority: 'low',
    category: 'reliability',
    rationale:
      'A pipeline succeeds when its last command does: `curl … | tar x` or `wget -O- … | gpg --dearmor` can fail in the first command and the build carries on with a half-written result. `set -o pipefail` (from the SHELL instruction) makes the RUN fail instead.',
    fixable: false,
    equivalents: { hadolint: ['DL4006'], semgrep: ['set-pipefail'] },
    appliesTo: 'dockerfile',
    strength: 'Pipes in RUN fail when any command in them fails',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      if (run.stage === null || isWindows(run.stage)) continue;
      const shell = shellInEffect(run.stage, run.instruction, run.onbuild);
      if (shell !== null && !SHELL_NAMES.has(basename(shell[0] ?? ''))) continue; // pwsh, cmd: not a POSIX shell
      const topLevelPipefail = shell !== null && optionsSetPipefail(shell);
      const unsafe = run.script.pipelines.filter((pipeline) => {
        if (pipeline.slice(0, -1).every(cannotFail)) return false;
        const first = pipeline[0];
        if (pipefailSetBefore(run.script, first)) return false;
        const child = childShellOf(run.script, first);
        // Inside `bash -c '…'` the child's own options count, not SHELL's.
        if (child !== null) return !flagValues(child, '-o').includes('pipefail');
        return !topLevelPipefail;
      });
      if (run.script.pipelines.length) ctx.applies();
      if (unsafe.length === 0) continue;
      const [pipeline] = unsafe;
      const more = unsafe.length > 1 ? ` (and ${unsafe.length - 1} more pipe${unsafe.length > 2 ? 's' : ''} in this RUN)` : '';
      const shellText = shell === null ? '`/bin/sh -c`' : `\`${shell.join(' ')}\``;
      ctx.report({
        range: spanning(pipeline[0].range, pipeline[pipeline.length - 1].range),
        message: `\`${pipeline.map((c) => shortCommand(c, 1)).join(' | ')}\` runs under ${shellText} without pipefail: a failure before the last \`|\` goes unnoticed${more}`,
        hint: hintFor(run),
      });
    }
  },
});

function hintFor(run: RunShell): string {
  if (run.stage !== null && isAlpine(run.stage)) {
    return 'Add `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` before this RUN (busybox ash supports pipefail), or start the RUN with `set -o pipefail &&`.';
  }
  return 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN (the image needs bash; Debian\'s /bin/sh, dash, has no pipefail).';
}
