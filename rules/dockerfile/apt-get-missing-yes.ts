import { defineRule } from '../../src/engine/rule.js';
import { hasFlag, type ShellCommand, type ShellScript, type ShellWord } from '../../src/parse/shell.js';
import {
  APT_INSTALLS, aptConfigValue, aptSubcommand, isTrue, mayHoldOptions, optionSettings, reportAll, rpmSubcommand, runShells, zypperSubcommand,
  type PendingReport, type RunShell,
} from './lib/run.js';
import type { DockerfileFile } from '../../src/parse/dockerfile.js';

/** apt subcommands that ask "Do you want to continue?" before changing packages. */
const APT_CONFIRMS = new Set([...APT_INSTALLS, 'remove', 'purge', 'autoremove', 'autopurge']);
/** yum/dnf/tdnf subcommands that ask "Is this ok [y/N]". microdnf never asks. */
const RPM_CONFIRMS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'autoremove', 'distro-sync', 'downgrade', 'group', 'module', 'swap']);
const ZYPPER_CONFIRMS = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']);

/** apt's quiet level 2 (`-qq`, `-q=2`, `--quiet=2`) implies `-y`. */
function quietLevel(command: ShellCommand): number {
  let level = 0;
  for (const word of command.args) {
    const v = word.value;
    if (v === '--') break;
    if (v.startsWith('-q=') || v.startsWith('--quiet=')) level = Math.max(level, Number(v.slice(v.indexOf('=') + 1)) || 0);
    else if (v === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(v)) level += [...v.slice(1)].filter((c) => c === 'q').length;
  }
  return level;
}

/** `yes | apt-get install …`: the answers come from a pipe. */
function fedByYes(script: ShellScript, command: ShellCommand): boolean {
  if (command.pipeline === null || command.pipeline.index === 0) return false;
  const pipeline = script.pipelines.find((p) => p.includes(command));
  return pipeline?.slice(0, command.pipeline.index).some((c) => c.name === 'yes') ?? false;
}

function aptAnswersYes(file: DockerfileFile, run: RunShell, command: ShellCommand): boolean {
  if (hasFlag(command, '-y', '--yes', '--assume-yes') || quietLevel(command) >= 2) return true;
  if (optionSettings(command, '-o', '--option').some(([key, value]) => key === 'apt::get::assume-yes' && isTrue(value))) return true;
  const configured = aptConfigValue(file, run, command, 'APT::Get::Assume-Yes');
  return configured !== null && isTrue(configured);
}

/** zypper's `-n`/`--non-interactive` is a global option (before the subcommand); `-y`/`--no-confirm` belong to it. */
function zypperAnswersYes(command: ShellCommand, sub: ShellWord): boolean {
  const global = command.args.slice(0, command.args.indexOf(sub));
  if (global.some((w) => w.value === '-n' || w.value === '--non-interactive' || /^-[A-Za-z]*n[A-Za-z]*$/.test(w.value))) return true;
  return hasFlag(command, '-y', '--no-confirm');
}

export default defineRule({
  meta: {
    id: 'apt-get-missing-yes',
    title: 'Package install may stop to ask for confirmation',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'A build has no terminal: when apt-get, yum, dnf or zypper asks "Do you want to continue?" it reads end-of-input and aborts. It works until the day a new dependency makes the install ask, then the build breaks.',
    fixable: true,
    equivalents: {
      hadolint: ['DL3014', 'DL3030', 'DL3034', 'DL3038'],
      semgrep: ['missing-assume-yes-switch', 'missing-yum-assume-yes-switch', 'missing-dnf-assume-yes-switch'],
    },
    appliesTo: 'dockerfile',
    strength: 'Package installs run non-interactively',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        let sub: ShellWord | null;
        let flag = '-y';
        let answered: boolean;
        if ((sub = aptSubcommand(command)) && APT_CONFIRMS.has(sub.value)) {
          answered = aptAnswersYes(ctx.file, run, command);
        } else if ((sub = rpmSubcommand(command)) && RPM_CONFIRMS.has(sub.value) && command.name !== 'microdnf') {
          answered = hasFlag(command, '-y', '--assumeyes', '--assume-yes');
        } else if ((sub = zypperSubcommand(command)) && ZYPPER_CONFIRMS.has(sub.value)) {
          answered = zypperAnswersYes(command, sub);
          flag = '-y';
        } else continue;
        ctx.applies();
        if (answered || fedByYes(run.script, command) || mayHoldOptions(command, sub)) continue;
        // `dnf group install`: the flag is safest right after the manager's own name.
        const single = sub.value !== 'group' && sub.value !== 'module';
        pending.push({
          report: {
            range: command.range,
            message: `\`${command.name} ${sub.value}\` without \`${flag}\` aborts the build as soon as it asks for confirmation`,
            hint: `Add \`${flag}\` so the install never waits for an answer.`,
          },
          insert: { after: single ? sub : command.nameWord, text: ` ${flag}` },
        });
      }
    }
    reportAll(ctx, pending);
  },
});
