import { defineRule } from '../../src/engine/rule.js';
import { argsNoFlags, hasFlag, type ShellCommand, type ShellWord } from '../../src/parse/shell.js';
import {
  APK_VALUE_FLAGS, APT_VALUE_FLAGS, PIP_VALUE_FLAGS, RPM_VALUE_FLAGS, ZYPPER_VALUE_FLAGS, apkSubcommand, aptSubcommand,
  nameList, pipInstallWord, rpmSubcommand, runShells, zypperSubcommand,
} from './lib/run.js';

/** How one package manager names packages and versions. */
interface Manager {
  /** The packages a command installs (positional words after the subcommand), or null when it installs none. */
  packages(command: ShellCommand): { label: string; words: ShellWord[]; example: string } | null;
  /** The package names a version. Words that are not package names (paths, URLs, files) count as pinned. */
  pinned(value: string): boolean;
}

const isPath = (v: string): boolean => v.startsWith('/') || v.startsWith('./') || v.startsWith('../') || v.startsWith('~/') || v === '.' || v === '..';
const isUrl = (v: string): boolean => v.includes('://');
const UNPINNED_REFS = new Set(['latest', 'master', 'main', 'head', 'next', 'trunk']);

const NPM_VALUE_FLAGS = ['--prefix', '--registry', '--cache', '-w', '--workspace', '--omit', '--include', '--userconfig', '--tag', '--loglevel'];
const GEM_VALUE_FLAGS = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '-g', '--file', '--build-root'];
const GO_VALUE_FLAGS = ['-C', '-p', '-mod', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-toolexec', '-pkgdir', '-overlay', '-pgo', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix'];

const MANAGERS: Manager[] = [
  {
    packages(c) {
      if (aptSubcommand(c)?.value !== 'install') return null;
      return { label: `${c.name} install`, words: argsNoFlags(c, APT_VALUE_FLAGS).slice(1), example: 'curl=8.5.0-2ubuntu10.6' };
    },
    // `pkg=version`, `pkg/release`, a local .deb
    pinned: (v) => v.includes('=') || v.includes('/') || v.endsWith('.deb'),
  },
  {
    packages(c) {
      if (apkSubcommand(c)?.value !== 'add') return null;
      return { label: 'apk add', words: argsNoFlags(c, APK_VALUE_FLAGS).slice(1), example: 'curl=8.9.1-r2' };
    },
    pinned: (v) => /[=~<>]/.test(v) || v.endsWith('.apk') || v.includes('/'),
  },
  {
    packages(c) {
      const found = pipInstallWord(c);
      if (found === null) return null;
      // A constraints file pins everything installed alongside it.
      if (hasFlag(found.pip, '-c', '--constraint')) return null;
      const words = argsNoFlags(found.pip, PIP_VALUE_FLAGS);
      return { label: 'pip install', words: words.slice(words.indexOf(found.install) + 1), example: 'requests==2.32.3' };
    },
    pinned: (v) => /(==|~=|!=|<|>|@)/.test(v) || isPath(v) || isUrl(v) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/.test(v) || v.includes('/'),
  },
  {
    packages(c) {
      if (c.name !== 'npm') return null;
      const words = argsNoFlags(c, NPM_VALUE_FLAGS);
      if (!['install', 'i', 'add', 'in', 'isntall'].includes(words[0]?.value ?? '')) return null;
      return { label: 'npm install', words: words.slice(1), example: 'typescript@5.6.3' };
    },
    pinned: (v) => {
      if (isPath(v) || isUrl(v) || v.startsWith('file:') || /\.(tgz|tar|tar\.gz)$/.test(v)) return !(v.startsWith('git') && !v.includes('#'));
      const name = v.startsWith('@') ? v.slice(v.indexOf('/') + 1) : v;
      const at = name.lastIndexOf('@');
      return at > 0 && !UNPINNED_REFS.has(name.slice(at + 1).toLowerCase());
    },
  },
  {
    packages(c) {
      if (c.name !== 'gem') return null;
      const words = argsNoFlags(c, GEM_VALUE_FLAGS);
      if (!['install', 'i'].includes(words[0]?.value ?? '') || hasFlag(c, '-v', '--version')) return null;
      return { label: 'gem install', words: words.slice(1), example: 'bundler:2.5.22' };
    },
    pinned: (v) => v.includes(':') || v.endsWith('.gem') || isPath(v),
  },
  {
    packages(c) {
      if (c.name !== 'go') return null;
      const words = argsNoFlags(c, GO_VALUE_FLAGS);
      if (words[0]?.value !== 'install') return null;
      // Without @version, `go install` builds from the current module: nothing to pin here.
      return { label: 'go install', words: words.slice(1).filter((w) => w.value.includes('@')), example: 'golang.org/x/tools/gopls@v0.16.2' };
    },
    pinned: (v) => !UNPINNED_REFS.has(v.slice(v.lastIndexOf('@') + 1).toLowerCase()),
  },
  {
    packages(c) {
      const sub = rpmSubcommand(c)?.value;
      if (sub !== 'install' && sub !== 'localinstall') return null;
      return { label: `${c.name} install`, words: argsNoFlags(c, RPM_VALUE_FLAGS).slice(1), example: 'curl-8.6.0-7.el9' };
    },
    // name-version(-release): a hyphen followed by a digit; groups (@x), paths, URLs and .rpm files are not judged.
    pinned: (v) => /-\d/.test(v) || v.startsWith('@') || v.endsWith('.rpm') || v.includes('/') || v.includes('('),
  },
  {
    packages(c) {
      const sub = zypperSubcommand(c)?.value;
      if (sub !== 'install' && sub !== 'in') return null;
      return { label: 'zypper install', words: argsNoFlags(c, [...ZYPPER_VALUE_FLAGS, '-t', '--type', '-r', '--repo', '--from']).slice(1), example: 'curl=8.6.0' };
    },
    pinned: (v) => /[=<>]/.test(v) || v.endsWith('.rpm') || v.includes('/'),
  },
];

export default defineRule({
  meta: {
    id: 'unpinned-packages',
    title: 'Packages installed without a version',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Without versions, two builds of the same Dockerfile can install different packages: a rebuild can pick up a breaking or vulnerable release nobody reviewed. Many teams deliberately leave OS packages unpinned and rebuild often instead; turn this on if you pin.',
    fixable: false,
    equivalents: { hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
    strength: 'Installed packages are pinned to versions',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        for (const manager of MANAGERS) {
          const found = manager.packages(command);
          if (found === null) continue;
          ctx.applies();
          // Packages from variables ($PKGS, ${VERSION}) are decided elsewhere: not judged.
          const unpinned = found.words.filter((w) => !w.dynamic && !manager.pinned(w.value)).map((w) => w.value);
          if (unpinned.length === 0) continue;
          ctx.report({
            range: command.range,
            message: `\`${found.label}\` without versions: ${nameList(unpinned)}`,
            hint: `Pin each package (e.g. \`${found.example}\`), or install from a lock or requirements file.`,
          });
          break;
        }
      }
    }
  },
});
