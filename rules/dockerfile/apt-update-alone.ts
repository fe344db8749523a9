import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
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

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/** A command whose effect cannot be seen: a script, `make`, `eval`, a dynamic command name. It may well install. */
function opaque(command: ShellCommand): boolean {
  const name = command.name;
  if (command.nameWord.dynamic || name.endsWith('.sh') || command.nameWord.value.startsWith('./')) return true;
  if (['make', 'eval', 'source', '.', 'xargs'].includes(name)) return true;
  return SHELLS.has(name) && !hasFlag(command, '-c') && argsNoFlags(command, ['-o', '+o']).length > 0;
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
