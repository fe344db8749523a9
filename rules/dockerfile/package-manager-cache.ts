import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, commandsAfter, hasArg, type ShellCommand, type ShellScript } from '../../src/parse/shell.js';
import {
  RPM_MANAGERS, RPM_VALUE_FLAGS, cacheMountTargets, layerShips, mountCovers, removedAfter, rpmSubcommand, runShells,
  subcommandWord, zypperSubcommand,
} from './lib/run.js';

interface Manager {
  label: string;
  /** The command installs with this manager (and so fills its cache). */
  installs(command: ShellCommand): boolean;
  /** The command empties this manager's cache. */
  cleans(command: ShellCommand): boolean;
  dirs: string[];
  /** A cache mount on a folder whose path ends like this also keeps the cache out of the layer. */
  mountSuffixes?: string[];
  cleanup: string;
}

const NPM_VALUE_FLAGS = ['--prefix', '--registry', '--cache', '-w', '--workspace', '--omit', '--include', '--userconfig', '--loglevel'];
const YARN_VALUE_FLAGS = ['--cwd', '--cache-folder', '--modules-folder', '--registry', '--network-timeout', '--mutex'];

const MANAGERS: Manager[] = [
  {
    label: 'yum/dnf',
    installs: (c) => ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'group', 'module', 'distro-sync'].includes(rpmSubcommand(c)?.value ?? ''),
    cleans: (c) => RPM_MANAGERS.includes(c.name) && rpmSubcommand(c)?.value === 'clean' && hasArg(c, 'all', 'packages', 'metadata', 'dbcache'),
    dirs: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/tdnf'],
    cleanup: '`<manager> clean all`',
  },
  {
    label: 'zypper',
    installs: (c) => ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'].includes(zypperSubcommand(c)?.value ?? ''),
    cleans: (c) => ['clean', 'cc'].includes(zypperSubcommand(c)?.value ?? ''),
    dirs: ['/var/cache/zypp'],
    cleanup: '`zypper clean --all`',
  },
  {
    label: 'yarn',
    installs: (c) => {
      if (c.name !== 'yarn') return false;
      const [first, second] = argsNoFlags(c, YARN_VALUE_FLAGS).map((w) => w.value);
      return first === undefined || first === 'install' || first === 'add' || (first === 'global' && second === 'add');
    },
    cleans: (c) => c.name === 'yarn' && subcommandWord(c, YARN_VALUE_FLAGS)?.value === 'cache' && hasArg(c, 'clean'),
    dirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '~/.cache/yarn', '/root/.yarn/berry/cache', '~/.yarn/berry/cache'],
    mountSuffixes: ['/.cache/yarn', '/yarn', '/.yarn/berry/cache', '/.yarn/cache'],
    cleanup: '`yarn cache clean`',
  },
  {
    label: 'npm',
    installs: (c) => c.name === 'npm' && ['install', 'i', 'ci', 'add', 'isntall', 'in'].includes(subcommandWord(c, NPM_VALUE_FLAGS)?.value ?? ''),
    cleans: (c) => c.name === 'npm' && subcommandWord(c, NPM_VALUE_FLAGS)?.value === 'cache' && hasArg(c, 'clean'),
    dirs: ['/root/.npm', '~/.npm', '/home/node/.npm'],
    mountSuffixes: ['/.npm'],
    cleanup: '`npm cache clean --force`',
  },
];

function cleaned(script: ShellScript, install: ShellCommand, manager: Manager): boolean {
  return commandsAfter(script, install).some((c) => manager.cleans(c)) || removedAfter(script, install, manager.dirs);
}

export default defineRule({
  meta: {
    id: 'package-manager-cache',
    title: 'Package manager cache left in the image',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'yum, dnf, zypper, yarn and npm keep downloaded packages and metadata in a cache folder. Unless the RUN that installs also cleans it (or mounts it as a build cache), that cache ships in the layer and only adds size.',
    fixable: false,
    equivalents: { hadolint: ['DL3032', 'DL3036', 'DL3040', 'DL3060'], semgrep: ['missing-dnf-clean-all', 'missing-zypper-clean'] },
    appliesTo: 'dockerfile',
    strength: 'Package manager caches are cleaned in the layer that fills them',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      if (!layerShips(ctx.file, run)) continue;
      for (const manager of MANAGERS) {
        const installs = run.script.commands.filter((c) => manager.installs(c));
        if (installs.length === 0) continue;
        ctx.applies();
        if (mountCovers(run.instruction, ...manager.dirs)) continue;
        if (manager.mountSuffixes && runMountSuffix(run.instruction, manager.mountSuffixes)) continue;
        const last = installs[installs.length - 1];
        if (cleaned(run.script, last, manager)) continue;
        const first = installs[0];
        const positional = argsNoFlags(first, [...NPM_VALUE_FLAGS, ...YARN_VALUE_FLAGS, ...RPM_VALUE_FLAGS]).map((w) => w.value);
        const sub = positional.length === 0 ? '' : ` ${positional[0] === 'global' ? positional.slice(0, 2).join(' ') : positional[0]}`;
        const cleanup = manager.cleanup.replace('<manager>', RPM_MANAGERS.includes(first.name) ? first.name : 'dnf');
        const cacheDir = first.name === 'dnf' || first.name === 'dnf5' ? '/var/cache/dnf' : manager.dirs[0];
        ctx.report({
          range: first.range,
          message: `\`${first.name}${sub}\` leaves the ${manager.label} cache in the layer: the RUN never runs ${cleanup}`,
          hint: `End the same RUN with \`&& ${cleanup.slice(1, -1)}\`, or mount the cache: \`RUN --mount=type=cache,target=${cacheDir} …\`.`,
        });
      }
    }
  },
});

function runMountSuffix(instruction: Instruction, suffixes: string[]): boolean {
  return cacheMountTargets(instruction).some((t) => suffixes.some((s) => t.endsWith(s)));
}
