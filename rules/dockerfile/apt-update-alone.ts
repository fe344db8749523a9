import { defineRule } from '../../src/engine/rule.js';
import { hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import { readsProgramFromStdin } from './lib/download.js';
import { APT_INSTALLS, apkSubcommand, aptSubcommand, rpmSubcommand, runShells, zypperSubcommand } from './lib/run.js';

interface Family {
  /** The command refreshes this family's package index. */
  refreshes(command: ShellCommand): boolean;
  /** The command installs or upgrades with this family (and so uses the fresh index). */
  installs(command: ShellCommand): boolean;
}

const FAMILIES: Family[] = [
  {
    refreshes: (c) => aptSubcommand(c)?.value === 'update',
    installs: (c) => APT_INSTALLS.has(aptSubcommand(c)?.value ?? '') || c.name === 'add-apt-repository',
  },
  {
    refreshes: (c) => apkSubcommand(c)?.value === 'update',
    installs: (c) => ['add', 'upgrade', 'fix'].includes(apkSubcommand(c)?.value ?? ''),
  },
  {
    refreshes: (c) => rpmSubcommand(c)?.value === 'makecache',
    installs: (c) => ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'group', 'module', 'distro-sync'].includes(rpmSubcommand(c)?.value ?? ''),
  },
  {
    refreshes: (c) => ['refresh', 'ref'].includes(zypperSubcommand(c)?.value ?? ''),
    installs: (c) => ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'].includes(zypperSubcommand(c)?.value ?? ''),
  },
];

const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'perl', 'ruby', 'node', 'php']);
const PYTHON = /^python(\d+(\.\d+)*)?$/;

/**
 * A command whose effect cannot be seen: a script file (`./install.sh`, `bash deps.sh`, `python3 setup.py`), a script
 * read from stdin (`curl … | bash`), `make`, `eval`, a command taken from a variable. It may well install packages.
 */
function opaque(command: ShellCommand): boolean {
  const name = command.name;
  if (command.nameWord.dynamic || name.endsWith('.sh') || command.nameWord.value.startsWith('./')) return true;
  if (['make', 'eval', 'source', '.'].includes(name)) return true;
  if (!INTERPRETERS.has(name) && !PYTHON.test(name)) return false;
  // The program is in a word we parsed (`bash -c '…'`) or not a script at all (`python3 -m venv`): not opaque.
  const inline = PYTHON.test(name) ? ['-c', '-m'] : name === 'node' ? ['-e', '-p'] : name === 'php' ? ['-r'] : name === 'perl' || name === 'ruby' ? ['-e', '-E'] : ['-c'];
  return !hasFlag(command, ...inline) || readsProgramFromStdin(command);
}

export default defineRule({
  meta: {
    id: 'apt-update-alone',
    title: 'Package index refreshed in a RUN that installs nothing',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'Docker caches the layer of a RUN that only runs `apt-get update`, so later installs use an index that can be weeks old: they install outdated versions or fail on packages the mirror has since removed. Refresh and install in the same RUN.',
    fixable: false,
    equivalents: { checkov: ['CKV_DOCKER_5'], trivy: ['DS-0017'] },
    appliesTo: 'dockerfile',
    strength: 'Package indexes are refreshed in the same RUN that installs',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      const commands = run.script.commands;
      if (commands.some(opaque)) continue;
      for (const family of FAMILIES) {
        const refresh = commands.find((c) => family.refreshes(c));
        if (refresh === undefined) continue;
        ctx.applies();
        if (commands.some((c) => family.installs(c))) continue;
        const sub = (aptSubcommand(refresh) ?? apkSubcommand(refresh) ?? rpmSubcommand(refresh) ?? zypperSubcommand(refresh))!.value;
        ctx.report({
          range: refresh.range,
          message: `\`${refresh.name} ${sub}\` runs in a RUN that installs nothing: the cached layer keeps a stale package index for later installs`,
          hint: `Refresh and install in one RUN: \`RUN ${refresh.name} ${sub} && ${installExample(refresh.name)}\`.`,
        });
      }
    }
  },
});

function installExample(manager: string): string {
  if (manager === 'apk') return 'apk add --no-cache <packages>';
  if (manager === 'zypper') return 'zypper --non-interactive install <packages>';
  if (manager === 'apt-get' || manager === 'apt') return 'apt-get install -y --no-install-recommends <packages> && rm -rf /var/lib/apt/lists/*';
  return `${manager} install -y <packages> && ${manager} clean all`;
}
