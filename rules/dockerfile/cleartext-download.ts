import { defineRule } from '../../src/engine/rule.js';
import { commandsAfter, hasFlag, type ShellCommand, type ShellScript } from '../../src/parse/shell.js';
import { downloadUrls, isDownloader, isLocalUrl } from './lib/download.js';
import { runShells } from './lib/run.js';

const CHECKSUMS = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha224sum', 'sha1sum', 'shasum', 'md5sum', 'b2sum', 'cksum']);

/** The RUN checks what it downloaded: `sha256sum -c`, `gpg --verify`, `gpgv`, `cosign verify-blob`, `minisign -V`. */
function verifiedAfter(script: ShellScript, download: ShellCommand): boolean {
  return commandsAfter(script, download).some((c) => {
    if (CHECKSUMS.has(c.name)) return hasFlag(c, '-c', '--check');
    if (c.name === 'gpg' || c.name === 'gpg2') return hasFlag(c, '--verify');
    if (c.name === 'gpgv' || c.name === 'signify') return true;
    if (c.name === 'cosign') return c.args.some((w) => w.value.startsWith('verify'));
    if (c.name === 'minisign') return hasFlag(c, '-V');
    return false;
  });
}

/** `http://host/…` without credentials, path or query (which may hold tokens). */
function shown(url: string): string {
  const scheme = url.slice(0, url.indexOf('://') + 3);
  const rest = url.slice(scheme.length);
  const authority = rest.split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return `${scheme}${host}${rest.length > authority.length ? '/…' : ''}`;
}

export default defineRule({
  meta: {
    id: 'cleartext-download',
    title: 'Download over plain HTTP or FTP',
    priority: 'medium',
    category: 'security',
    rationale:
      'A file fetched over http:// or ftp:// can be read and replaced by anyone on the path to the server. Unless the RUN checks it against a pinned checksum or signature, a tampered download is built into the image.',
    fixable: false,
    equivalents: { sonar: ['S5332'] },
    appliesTo: 'dockerfile',
    strength: 'Downloads use HTTPS or are verified',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      for (const command of run.script.commands) {
        if (!isDownloader(command)) continue;
        ctx.applies();
        const clear = downloadUrls(command).filter((w) => {
          const lower = w.value.toLowerCase();
          // A host from a variable may be internal or local: only a written host is judged.
          const host = w.value.slice(w.value.indexOf('://') + 3).split('/')[0] ?? '';
          return (lower.startsWith('http://') || lower.startsWith('ftp://')) && !host.includes('$') && !isLocalUrl(w.value);
        });
        if (clear.length === 0 || verifiedAfter(run.script, command)) continue;
        const url = clear[0].value;
        ctx.report({
          range: command.range,
          message: `\`${command.name}\` downloads \`${shown(url)}\` over ${url.toLowerCase().startsWith('ftp') ? 'FTP' : 'plain HTTP'}, unencrypted and unverified`,
          hint: 'Use https://, or check the file against a pinned checksum in the same RUN (`echo "<sha256>  file" | sha256sum -c -`).',
        });
      }
    }
  },
});
