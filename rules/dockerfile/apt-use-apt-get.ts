import { defineRule } from '../../src/engine/rule.js';
import { APT_VALUE_FLAGS, reportAll, runShells, subcommandWord, type PendingReport } from './lib/run.js';

/** apt subcommands that apt-get has under the same name (so `apt` → `apt-get` is a mechanical change). */
const SAME_IN_APT_GET = new Set([
  'install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'reinstall', 'clean',
  'autoclean', 'distclean', 'satisfy', 'build-dep', 'source', 'download', 'check', 'changelog', 'indextargets',
]);
/** Their apt-cache or apt-get equivalents, for the hint. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  'full-upgrade': 'apt-get dist-upgrade', list: 'dpkg-query -l or apt-cache policy', search: 'apt-cache search',
  show: 'apt-cache show', policy: 'apt-cache policy', depends: 'apt-cache depends', rdepends: 'apt-cache rdepends',
  showsrc: 'apt-cache showsrc', 'edit-sources': 'editing /etc/apt/sources.list.d/',
};

export default defineRule({
  meta: {
    id: 'apt-use-apt-get',
    title: '`apt` used in a script',
    priority: 'low',
    category: 'maintainability',
    rationale:
      '`apt` is the interactive front end: its output and options may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` are the stable interfaces for builds.',
    fixable: true,
    equivalents: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'], semgrep: ['prefer-apt-get'] },
    appliesTo: 'dockerfile',
    strength: 'Scripts use apt-get, not apt',
  },
  check(ctx) {
    const pending: PendingReport[] = [];
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (command.name === 'apt-get' || command.name === 'apt-cache') ctx.applies();
        if (command.name !== 'apt') continue;
        ctx.applies();
        const sub = subcommandWord(command, APT_VALUE_FLAGS);
        if (sub === null) continue; // `apt --version`, `apt $CMD`
        const same = SAME_IN_APT_GET.has(sub.value);
        pending.push({
          report: {
            range: command.range,
            message: `\`apt ${sub.value}\` in a build: use \`${same ? `apt-get ${sub.value}` : ELSEWHERE[sub.value] ?? 'apt-get or apt-cache'}\`, whose interface is stable`,
          },
          replace: same && command.nameWord.raw === 'apt' ? { word: command.nameWord, text: 'apt-get' } : undefined,
        });
      }
    }
    reportAll(ctx, pending);
  },
});
