// Downloaders (curl, wget) and interpreters, as the download rules see them.
import type { Range } from '../../../src/engine/types.js';
import { argsNoFlags, flagValue, hasFlag, type ShellCommand, type ShellWord } from '../../../src/parse/shell.js';

export const SHELL_NAMES = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const PYTHON_NAME = /^python(\d+(\.\d+)*)?$/;
const INTERPRETERS = new Set(['perl', 'ruby', 'node', 'php']);

export const CURL_VALUE_FLAGS = [
  '-o', '--output', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-u', '--user',
  '-A', '--user-agent', '-e', '--referer', '-x', '--proxy', '-X', '--request', '-w', '--write-out', '-m', '--max-time',
  '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '-b', '--cookie', '-c', '--cookie-jar', '-F',
  '--form', '-r', '--range', '-T', '--upload-file', '--cacert', '--capath', '-E', '--cert', '--key', '--resolve',
  '--proto', '--proto-redir', '-K', '--config', '--output-dir', '-z', '--time-cond', '--limit-rate', '-Y', '-y',
  '--tlsv1.2', '--ciphers', '--interface', '--dns-servers', '--unix-socket', '--url'
];
export const WGET_VALUE_FLAGS = [
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries',
  '-T', '--timeout', '-U', '--user-agent', '--header', '--user', '--password', '-e', '--execute', '-i', '--input-file',
  '--ca-certificate', '--ca-directory', '--certificate', '--private-key', '-w', '--wait', '--limit-rate', '-Q', '--quota'
];

export function isDownloader(command: ShellCommand): boolean {
  return command.name === 'curl' || command.name === 'wget';
}

/** The downloader writes what it fetches to stdout (so a pipe or `$(…)` receives it). */
export function downloadsToStdout(command: ShellCommand): boolean {
  if (command.name === 'curl') {
    const output = flagValue(command, '-o') ?? flagValue(command, '--output');
    if (output !== null) return output === '-';
    return !hasFlag(command, '-O', '--remote-name', '--remote-name-all', '-J');
  }
  if (command.name === 'wget') {
    const output = flagValue(command, '-O') ?? flagValue(command, '--output-document');
    return output === '-' || output === '/dev/stdout';
  }
  return false;
}

/** URLs among the downloader's arguments (static scheme; the rest may be dynamic). */
export function downloadUrls(command: ShellCommand): ShellWord[] {
  const flags = command.name === 'curl' ? CURL_VALUE_FLAGS : WGET_VALUE_FLAGS;
  const urls = argsNoFlags(command, flags).filter((w) => w.value.includes('://'));
  if (command.name === 'curl') {
    const url = flagValue(command, '--url');
    const word = command.args.find((w) => w.value === url);
    if (url !== null && word) urls.push(word);
  }
  return urls;
}

/** An interpreter that reads its program from stdin: `sh`, `bash -s -- args`, `sudo -E bash -`, `python3 -`. */
export function readsProgramFromStdin(command: ShellCommand): boolean {
  const name = command.name;
  if (SHELL_NAMES.has(name)) {
    if (hasFlag(command, '-c')) return false;
    if (hasFlag(command, '-s')) return true;
    const positional = argsNoFlags(command, ['-o', '+o', '-O', '+O']);
    return positional.length === 0 || positional[0].value === '-';
  }
  if (PYTHON_NAME.test(name) || INTERPRETERS.has(name)) {
    if (hasFlag(command, '-c', '-e', '-m', '-r', '-E', '--eval', '-p', '--print')) return false;
    const positional = argsNoFlags(command, ['-W', '-X']);
    return positional.length === 0 || positional[0].value === '-';
  }
  return false;
}

/** The program word an interpreter runs as code: `bash -c WORD`, `sh WORD` (`<(…)`), `eval WORD…`, `source WORD`. */
export function programWords(command: ShellCommand): ShellWord[] {
  const name = command.name;
  if (name === 'eval') return command.args;
  if (name === 'source' || name === '.') return command.args.slice(0, 1);
  if (SHELL_NAMES.has(name) || PYTHON_NAME.test(name) || INTERPRETERS.has(name)) {
    const positional = argsNoFlags(command, ['-o', '+o', '-O', '+O', '-W', '-X']);
    // With -c/-e the first operand is the program; otherwise it is the script file (`bash <(curl …)`).
    return positional.slice(0, 1);
  }
  return [];
}

export function within(inner: Range, outer: Range): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}

export function spanning(first: Range, last: Range): Range {
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
}

/** Loopback and link-local hosts: fetching from them over plain http leaks nothing. */
export function isLocalUrl(url: string): boolean {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const authority = afterScheme.split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '::1' || host === '0.0.0.0' || host.startsWith('169.254.');
}
