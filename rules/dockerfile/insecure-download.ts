import type { Arg, Env } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import type { Range } from '../../src/engine/types.js';
import { argsNoFlags, flagValues, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import { downloadUrls, isDownloader, isLocalUrl } from './lib/download.js';
import {
  APT_COMMANDS, PIP_VALUE_FLAGS, RPM_MANAGERS, asPip, isFalse, isTrue, optionSettings, runShells, subcommandWord,
} from './lib/run.js';

/** Environment variables that switch TLS verification off, and the values that do it. */
const INSECURE_ENV: Readonly<Record<string, { what: string; insecure: (value: string) => boolean }>> = {
  NODE_TLS_REJECT_UNAUTHORIZED: { what: 'Node.js accepts any TLS certificate', insecure: (v) => v.trim() === '0' },
  PYTHONHTTPSVERIFY: { what: 'Python skips HTTPS certificate checks', insecure: (v) => v.trim() === '0' },
  NPM_CONFIG_STRICT_SSL: { what: 'npm accepts any registry certificate', insecure: isFalse },
  YARN_ENABLE_STRICT_SSL: { what: 'yarn accepts any registry certificate', insecure: isFalse },
  YARN_STRICT_SSL: { what: 'yarn accepts any registry certificate', insecure: isFalse },
  GIT_SSL_NO_VERIFY: { what: 'git skips TLS certificate checks', insecure: () => true },
  PIP_TRUSTED_HOST: { what: 'pip trusts hosts without TLS verification', insecure: (v) => v.trim() !== '' },
  CURL_INSECURE: { what: 'curl skips certificate checks', insecure: (v) => v.trim() !== '' && !isFalse(v) },
};

function insecureEnv(name: string, value: string): string | null {
  const spec = INSECURE_ENV[name.toUpperCase()];
  return spec && spec.insecure(value) ? spec.what : null;
}

const RPM_SETTINGS = ['sslverify', 'gpgcheck', 'repo_gpgcheck'];

/** Commands that fetch or install something: the rule has something to judge. */
const FETCHERS = new Set([
  'curl', 'wget', 'apk', 'apt-get', 'apt', 'yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'zypper', 'rpm', 'npm', 'yarn', 'pnpm', 'git',
]);

/** What a command does to turn verification off, or null. */
function insecureCommand(command: ShellCommand): string | null {
  const name = command.name;
  if (name === 'curl' && hasFlag(command, '-k', '--insecure', '--proxy-insecure', '--doh-insecure')) {
    return '`curl -k/--insecure` accepts any TLS certificate';
  }
  if (name === 'wget' && hasFlag(command, '--no-check-certificate')) return '`wget --no-check-certificate` accepts any TLS certificate';
  const pip = asPip(command);
  if (pip !== null) {
    if (hasFlag(pip, '--trusted-host')) return '`pip --trusted-host` installs from that host without TLS verification';
    if (subcommandWord(pip, PIP_VALUE_FLAGS)?.value === 'config' && pip.args.some((w) => /(^|\.)trusted-host$/.test(w.value))) {
      return '`pip config set …trusted-host` turns TLS verification off for that host';
    }
  }
  if (name === 'apk' && hasFlag(command, '--allow-untrusted')) return '`apk --allow-untrusted` installs packages without checking their signature';
  if (APT_COMMANDS.includes(name)) {
    if (hasFlag(command, '--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes')) {
      return `\`${name}\` with \`${['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes'].find((f) => hasFlag(command, f))}\` installs packages whose signature is not checked`;
    }
    for (const [key, value] of optionSettings(command, '-o', '--option')) {
      if ((key.endsWith('::verify-peer') || key.endsWith('::verify-host')) && isFalse(value)) return `\`-o ${key}=${value}\` turns TLS verification off`;
      if ((key === 'apt::get::allowunauthenticated' || key === 'acquire::allowinsecurerepositories') && isTrue(value)) return `\`-o ${key}=${value}\` accepts unsigned packages`;
    }
  }
  if (RPM_MANAGERS.includes(name) || name === 'yum-config-manager' || name === 'dnf' || name === 'zypper') {
    if (hasFlag(command, '--nogpgcheck', '--no-gpgcheck', '--no-gpg-checks')) return `\`${name}\` installs packages without checking their signature`;
    for (const setting of [...flagValues(command, '--setopt'), ...flagValues(command, '--set')]) {
      const [key, value = ''] = setting.split('=');
      if (RPM_SETTINGS.includes(key.split('.').pop()!.toLowerCase()) && isFalse(value)) return `\`--setopt=${setting}\` turns package verification off`;
    }
  }
  if (name === 'rpm' && hasFlag(command, '--nodigest', '--nosignature', '--noverify', '--nofiledigest')) {
    return '`rpm` installs a package without checking its digest or signature';
  }
  if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    const words = argsNoFlags(command).map((w) => w.value);
    const at = words.findIndex((w) => w === 'set');
    if (words[0] === 'config' && at >= 0) {
      const [key, inlineValue] = words[at + 1]?.split('=') ?? [];
      const value = inlineValue ?? words[at + 2] ?? '';
      if (['strict-ssl', 'enablestrictssl'].includes((key ?? '').toLowerCase()) && isFalse(value)) return `\`${name} config set ${key} ${value}\` accepts any registry certificate`;
    }
    if (command.args.some((w) => w.value === '--strict-ssl=false' || w.value === '--no-strict-ssl')) return `\`${name}\` without strict SSL accepts any registry certificate`;
  }
  if (name === 'git') {
    const settings = [...flagValues(command, '-c').map((s) => s.split('=')), gitConfigSet(command)].filter((kv): kv is string[] => kv !== null);
    for (const [key = '', value = ''] of settings) {
      if (key.toLowerCase().startsWith('http.') && key.toLowerCase().endsWith('.sslverify') && isFalse(value)) return `\`git ${key}=${value}\` skips TLS certificate checks`;
    }
  }
  if (name === 'echo' || name === 'printf') {
    for (const word of command.args) {
      const compact = word.value.toLowerCase().replace(/\s+/g, '');
      if (compact.includes('sslverify=0') || compact.includes('sslverify=false')) return '`sslverify` off in a repository file: packages are fetched without TLS verification';
      if (compact.includes('[trusted=yes]') || compact.includes('trusted=yes]')) return 'an apt source marked `[trusted=yes]`: its packages are installed without a signature check';
    }
  }
  for (const { name: variable, value } of command.assignments) {
    const what = insecureEnv(variable, value);
    if (what) return `\`${variable}=${value}\`: ${what}`;
  }
  if (name === 'export') {
    for (const word of command.args) {
      const eq = word.value.indexOf('=');
      const what = eq > 0 ? insecureEnv(word.value.slice(0, eq), word.value.slice(eq + 1)) : null;
      if (what) return `\`export ${word.value.slice(0, eq)}=…\`: ${what}`;
    }
  }
  return null;
}

/** `git config [--global] http.sslVerify false` → ['http.sslVerify', 'false']. */
function gitConfigSet(command: ShellCommand): string[] | null {
  const words = argsNoFlags(command, ['-C', '-c', '--file', '-f']).map((w) => w.value);
  if (words[0] !== 'config') return null;
  const key = words.find((w, i) => i > 0 && w.toLowerCase().includes('sslverify'));
  if (key === undefined) return null;
  return [key, words[words.indexOf(key) + 1] ?? ''];
}

export default defineRule({
  meta: {
    id: 'insecure-download',
    title: 'TLS or signature verification turned off',
    priority: 'high',
    category: 'security',
    rationale:
      'Turning off certificate or package-signature checks lets anyone between the build and the server (a proxy, a hijacked mirror, a compromised Wi-Fi) replace what gets installed, and the tampered files ship in the image.',
    fixable: false,
    equivalents: {
      checkov: [
        'CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8',
        'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14',
        'CKV2_DOCKER_15', 'CKV2_DOCKER_16',
      ],
    },
    appliesTo: 'dockerfile',
    strength: 'Downloads and package installs keep TLS and signature checks on',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (FETCHERS.has(command.name) || asPip(command) !== null) ctx.applies();
        // `curl -k https://localhost:8443/…`: nothing travels over a network.
        if (isDownloader(command)) {
          const urls = downloadUrls(command);
          if (urls.length > 0 && urls.every((u) => isLocalUrl(u.value))) continue;
        }
        const what = insecureCommand(command);
        if (what === null) continue;
        ctx.report({
          range: command.range,
          message: what,
          hint: 'Keep verification on. For a private CA, add its certificate to the trust store (`COPY ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`) or point the tool at it (`--cacert`, `PIP_CERT`, `NODE_EXTRA_CA_CERTS`).',
        });
      }
    }
    for (const instruction of ctx.file.instructions) {
      const keyword = instruction.getKeyword();
      const properties = keyword === 'ENV' ? (instruction as Env).getProperties() : keyword === 'ARG' ? [(instruction as Arg).getProperty()].filter((p) => p !== null) : [];
      for (const property of properties) {
        const value = property.getValue();
        if (value === null) continue;
        const what = insecureEnv(property.getName(), value);
        if (what === null) continue;
        ctx.applies();
        const range: Range = rangeOf(property);
        ctx.report({
          range,
          message: `\`${keyword} ${property.getName()}\`: ${what} for every later step`,
          hint: 'Remove it; trust a private CA explicitly instead (`NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `GIT_SSL_CAINFO`, `update-ca-certificates`).',
          key: `env:${property.getName()}`,
        });
      }
    }
  },
});
