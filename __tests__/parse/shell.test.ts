import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import type { Range } from '../../src/engine/types.js';
import {
  argsNoFlags, commandsAfter, commandsNamed, flagValue, flagValues, hasArg, hasFlag, initShell, parseShell,
  shellOfInstruction, subcommand, type ShellCommand, type ShellScript
} from '../../src/parse/shell.js';
import { locateWasm } from '../../src/parse/wasm.js';

/** `line:column-endLine:endColumn`, to keep position assertions readable. */
const at = (range: Range): string => `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
const names = (script: ShellScript): string[] => script.commands.map((c) => c.name);
const values = (command: ShellCommand): string[] => command.args.map((a) => a.value);

/** The shell of every instruction but FROM, in order (null entries for instructions without shell). */
function shells(text: string): (ShellScript | null)[] {
  const dockerfile = DockerfileParser.parse(text);
  return dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() !== 'FROM')
    .map((instruction) => shellOfInstruction(text, instruction, dockerfile.getEscapeCharacter()));
}

function only(text: string): ShellScript {
  const [script] = shells(text);
  if (!script) throw new Error('no shell');
  return script;
}

beforeAll(async () => {
  await initShell();
});

describe('locateWasm', () => {
  it('finds both wasm files from node_modules when nothing sits beside the module', () => {
    for (const file of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
      const path = locateWasm(file);
      expect(isAbsolute(path)).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
  });

  it('names the places it looked when a file is missing', () => {
    expect(() => locateWasm('nope.wasm')).toThrow(/cannot find nope\.wasm; looked in: /);
  });
});

describe('initShell', () => {
  it('shares one promise between concurrent calls and stays resolved', async () => {
    const a = initShell();
    const b = initShell();
    expect(a).toBe(b);
    await expect(a).resolves.toBeUndefined();
  });
});

describe('parseShell', () => {
  it('splits && chains and records how each command is joined', () => {
    const script = parseShell('apt-get update && apt-get install -y curl || true; echo done\nls &\nwait');
    expect(script.ok).toBe(true);
    expect(names(script)).toEqual(['apt-get', 'apt-get', 'true', 'echo', 'ls', 'wait']);
    expect(script.commands.map((c) => c.joinedBy)).toEqual([null, '&&', '||', ';', '\n', '&']);
    expect(at(script.commands[1].range)).toBe('1:19-1:42');
    expect(at(script.commands[1].nameWord.range)).toBe('1:19-1:26');
    expect(values(script.commands[1])).toEqual(['install', '-y', 'curl']);
    expect(at(script.commands[5].range)).toBe('3:1-3:5');
  });

  it('finds pipelines such as curl | sh', () => {
    const script = parseShell('curl -fsSL https://get.example.com | sudo sh -s -- -y && echo ok');
    expect(script.pipelines.map((p) => p.map((c) => c.name))).toEqual([['curl', 'sh']]);
    const [curl, sh, echo] = script.commands;
    expect(curl.pipeline).toEqual({ index: 0, length: 2 });
    expect(sh.pipeline).toEqual({ index: 1, length: 2 });
    expect(sh.joinedBy).toBe('|');
    expect(sh.wrappers).toEqual(['sudo']);
    expect(echo.pipeline).toBeNull();
    expect(echo.joinedBy).toBe('&&');
  });

  it('reads `a | b | c && d` the way bash does (tree-sitter-bash nests it differently)', () => {
    const script = parseShell('a | b | c && d');
    expect(script.pipelines.map((p) => p.map((c) => c.name))).toEqual([['a', 'b', 'c']]);
    expect(script.commands.map((c) => [c.name, c.joinedBy, c.pipeline?.index ?? null])).toEqual([
      ['a', null, 0], ['b', '|', 1], ['c', '|', 2], ['d', '&&', null]
    ]);
  });

  it('includes commands inside $(…), backticks, subshells, if/for bodies and functions, in source order', () => {
    const script = parseShell('echo "$(id -u)" `date` && (cd /x; make) && if [ -f y ]; then rm y; fi\nf() { for i in 1; do touch $i; done; }');
    expect(names(script)).toEqual(['echo', 'id', 'date', 'cd', 'make', 'rm', 'touch']);
    const byName = (name: string): ShellCommand => commandsNamed(script, name)[0];
    expect(byName('id').inSubshell).toBe(true);
    expect(at(byName('id').range)).toBe('1:9-1:14');
    expect(byName('cd').inSubshell).toBe(true);
    expect(byName('cd').joinedBy).toBe('&&'); // a ( … ) group passes its join on
    expect(byName('make').joinedBy).toBe(';');
    expect(byName('rm').inSubshell).toBe(false);
    expect(byName('rm').joinedBy).toBeNull(); // first command of the then-body
    expect(byName('echo').args[0]).toMatchObject({ value: '$(id -u)', raw: '"$(id -u)"', dynamic: true });
  });

  it('strips sudo, env, xargs and other wrappers but keeps them visible', () => {
    const script = parseShell(
      'sudo -E -u root DEBIAN_FRONTEND=noninteractive apt-get install -y x; A=1 env -i B=2 /usr/local/bin/pip install y; ' +
        'find . | xargs -n1 -I{} rm -f {}; time nice -n 5 make; sudo -i; command -v curl; timeout 10 curl z'
    );
    expect(script.commands.map((c) => [c.name, c.wrappers])).toEqual([
      ['apt-get', ['sudo']], ['pip', ['env']], ['find', []], ['rm', ['xargs']], ['make', ['time', 'nice']],
      ['sudo', []], ['command', []], ['curl', ['timeout']]
    ]);
    const [apt, pip] = script.commands;
    expect(apt.assignments).toEqual([{ name: 'DEBIAN_FRONTEND', value: 'noninteractive' }]);
    expect(at(apt.range)).toBe('1:1-1:68');
    expect(at(apt.nameWord.range)).toBe('1:48-1:55');
    expect(pip.nameWord.value).toBe('/usr/local/bin/pip');
    expect(pip.assignments).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(values(commandsNamed(script, 'rm')[0])).toEqual(['-f', '{}']);
  });

  it('unquotes words and tells dynamic from static ones', () => {
    const [command] = parseShell(`apt-get install "$PKG" 'lit $x' foo\\ bar "a"'b'c curl="\${V}" *.deb ~/x`).commands;
    expect(command.args.map((a) => [a.value, a.dynamic])).toEqual([
      ['install', false], ['$PKG', true], ['lit $x', false], ['foo bar', false], ['abc', false], ['curl=${V}', true],
      ['*.deb', false], ['~/x', false]
    ]);
    expect(command.args[1]).toMatchObject({ raw: '"$PKG"', range: { line: 1, column: 17, endLine: 1, endColumn: 23 } });
    expect(command.args[2].raw).toBe("'lit $x'");
  });

  it('records redirects, including heredocs, and gives words after `>file` back to the command', () => {
    const [cat, pip] = parseShell('cat <<EOF > /etc/x\nhello\nEOF\npip install >/dev/null 2>&1 -q y').commands;
    expect(cat.redirects).toEqual([{ op: '<<', target: 'EOF' }, { op: '>', target: '/etc/x' }]);
    expect(pip.redirects).toEqual([{ op: '>', target: '/dev/null' }, { op: '2>&', target: '1' }]);
    expect(values(pip)).toEqual(['install', '-q', 'y']);
    // tree-sitter-bash hangs a trailing redirect on the whole list or pipeline; bash gives it to the last command.
    const [a, b, c, d] = parseShell('a && b > /log; c | d 2>/dev/null').commands;
    expect([a.redirects, b.redirects, c.redirects, d.redirects]).toEqual([
      [], [{ op: '>', target: '/log' }], [], [{ op: '2>', target: '/dev/null' }]
    ]);
  });

  it('parses the script of sh -c and of a heredoc fed to bash, with positions inside the quotes', () => {
    const script = parseShell(`bash -euo pipefail -c 'apt-get update && rm -rf /var/lib/apt/lists/*'\nbash <<EOF\nuseradd app\nEOF`);
    expect(names(script)).toEqual(['bash', 'apt-get', 'rm', 'bash', 'useradd']);
    const [, apt, rm, , useradd] = script.commands;
    expect(at(apt.range)).toBe('1:24-1:38');
    expect(at(rm.nameWord.range)).toBe('1:42-1:44');
    expect(rm.inSubshell).toBe(true);
    expect(at(useradd.range)).toBe('3:1-3:12');
  });

  it('never throws on bad syntax: ok is false and recovered commands are kept', () => {
    const script = parseShell('apt-get update && ( echo "unterminated');
    expect(script.ok).toBe(false);
    expect(names(script)).toContain('apt-get');
    expect(parseShell('if then fi ;;').ok).toBe(false);
  });

  it('uses the caller’s position mapper', () => {
    const script = parseShell('ls -l', (offset) => ({ line: 10, column: 100 + offset }));
    expect(at(script.commands[0].range)).toBe('10:100-10:105');
  });

  it('counts columns in UTF-16 code units', () => {
    const [, second] = parseShell('echo é😀 && ls').commands;
    expect(at(second.range)).toBe('1:13-1:15');
  });
});

describe('shellOfInstruction', () => {
  it('maps a continued RUN with a comment line inside back to Dockerfile lines and columns', () => {
    const text = [
      'FROM debian',
      'RUN apt-get update \\',
      '# comment lines are not shell',
      '    && apt-get install -y --no-install-recommends curl \\',
      '',
      '    && rm -rf /var/lib/apt/lists/*',
      ''
    ].join('\n');
    const script = only(text);
    expect(script.ok).toBe(true);
    expect(script.source.length).toBe(text.indexOf('*') + 1 - text.indexOf('apt-get'));
    expect(script.source).not.toContain('#');
    expect(names(script)).toEqual(['apt-get', 'apt-get', 'rm']);
    const [update, install, rm] = script.commands;
    expect(at(update.range)).toBe('2:5-2:19');
    expect(at(install.range)).toBe('4:8-4:55');
    expect(at(install.args[3].range)).toBe('4:51-4:55');
    expect(rm.joinedBy).toBe('&&');
    expect(at(rm.args[1].range)).toBe('6:15-6:35');
    expect(commandsAfter(script, install, 'rm')).toEqual([rm]);
  });

  it('skips RUN flags such as --mount and --network', () => {
    const script = only('FROM python\nRUN --mount=type=cache,target=/root/.cache --network=none pip install x\n');
    expect(names(script)).toEqual(['pip']);
    expect(at(script.commands[0].range)).toBe('2:59-2:72');
    expect(script.source).toBe('pip install x');
  });

  it('handles a backtick escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows\nRUN echo C:\\temp `\n    && del /q x `\n# note\n    && echo done\n';
    const script = only(text);
    expect(script.ok).toBe(true);
    expect(script.commands.map((c) => [c.name, c.joinedBy, at(c.range)])).toEqual([
      ['echo', null, '3:5-3:17'], ['del', '&&', '4:8-4:16'], ['echo', '&&', '6:8-6:17']
    ]);
    // Only the line continuation changes: bash still reads other backslashes (Windows shells would not).
    expect(script.commands[0].args[0]).toMatchObject({ raw: 'C:\\temp', value: 'C:temp' });
  });

  it('handles CRLF line endings', () => {
    const [first, second] = shells('FROM x\r\nRUN apt-get update \\\r\n  && apt-get install -y curl\r\nRUN echo a\r\n');
    expect(first?.ok).toBe(true);
    expect(first?.commands.map((c) => at(c.range))).toEqual(['2:5-2:19', '3:6-3:29']);
    expect(first?.commands[1].args.map((a) => a.value)).toEqual(['install', '-y', 'curl']);
    expect(second?.commands[0].args[0].value).toBe('a');
  });

  it('turns exec form into one command with the JSON strings’ positions', () => {
    const [plain, viaShell] = shells('FROM x\nRUN ["apt-get", "install", "-y", "a b\\"c"]\nRUN ["/bin/sh", "-c", "cd /app && make"]\n');
    expect(plain?.commands.map((c) => [c.name, values(c), at(c.range)])).toEqual([
      ['apt-get', ['install', '-y', 'a b"c'], '2:5-2:43']
    ]);
    expect(plain?.commands[0].args[2]).toMatchObject({ raw: '"a b\\"c"', dynamic: false });
    expect(at(plain!.commands[0].args[2].range)).toBe('2:34-2:42');
    expect(viaShell?.commands.map((c) => [c.name, at(c.range)])).toEqual([
      ['sh', '3:5-3:41'], ['cd', '3:24-3:31'], ['make', '3:35-3:39']
    ]);
  });

  it('treats a malformed JSON array as shell form, as BuildKit does', () => {
    const script = only(`FROM x\nRUN ["a", 'b']\n`);
    expect(script.ok).toBe(false);
  });

  it('parses a RUN heredoc body as the script, with exact positions', () => {
    const script = only('FROM x\nRUN <<EOF\nset -e\napt-get update\nEOF\n');
    expect(script.ok).toBe(true);
    expect(script.commands.map((c) => [c.name, c.joinedBy, at(c.range)])).toEqual([
      ['set', null, '3:1-3:7'], ['apt-get', '\n', '4:1-4:15']
    ]);
  });

  it('parses <<-EOF, quoted delimiters and heredocs fed to bash', () => {
    const [dash, fed] = shells("FROM x\nRUN <<-EOF\n\techo hi | tee /x\n\tEOF\nRUN sudo bash -e <<'EOF'\nrm -rf /tmp/*\nEOF\n");
    expect(dash?.pipelines.map((p) => p.map((c) => at(c.range)))).toEqual([['3:2-3:9', '3:12-3:18']]);
    expect(fed?.commands.map((c) => [c.name, c.wrappers, c.redirects, at(c.range)])).toEqual([
      ['bash', ['sudo'], [{ op: '<<', target: 'EOF' }], '5:5-5:17'],
      ['rm', [], [], '6:1-6:14']
    ]);
  });

  it('does not read the heredoc of a non-shell program (python3 <<EOF, #! python) as shell', () => {
    const [python, shebang] = shells('FROM x\nRUN python3 <<EOF\nimport os\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n');
    expect(python?.commands.map((c) => [c.name, c.redirects])).toEqual([['python3', [{ op: '<<', target: 'EOF' }]]]);
    expect(shebang?.commands).toEqual([]);
    expect(shebang?.ok).toBe(true);
  });

  it('still finds $(…) in an unquoted data heredoc, and handles two heredocs on one line', () => {
    const [data, two] = shells('FROM x\nRUN cat <<EOF > /etc/motd\nbuilt on $(hostname)\nEOF\nRUN <<A cat && <<B sh\na\nA\necho b\nB\n');
    expect(data?.commands.map((c) => [c.name, at(c.range)])).toEqual([['cat', '2:5-2:8'], ['hostname', '3:12-3:20']]);
    expect(two?.commands.map((c) => [c.name, c.joinedBy, at(c.range)])).toEqual([
      ['cat', null, '5:5-5:12'], ['sh', '&&', '5:16-5:22'], ['echo', null, '8:1-8:7']
    ]);
  });

  it('keeps heredoc offsets exact after astral characters', () => {
    const script = only('FROM x\nRUN echo "😀" && bash <<EOF\nls\nEOF\n');
    expect(script.commands.map((c) => [c.name, c.redirects, at(c.range)])).toEqual([
      ['echo', [], '2:5-2:14'], ['bash', [{ op: '<<', target: 'EOF' }], '2:18-2:22'], ['ls', [], '3:1-3:3']
    ]);
  });

  it('reports the dockerfile-ast quirk `cat << \'EOF\'` (space) as not ok rather than guessing', () => {
    const [quirk] = shells("FROM x\nRUN cat << 'EOF'\nhello\nEOF\n");
    expect(quirk?.ok).toBe(false);
    expect(quirk?.commands.map((c) => c.name)).toEqual(['cat']);
  });

  it('reads the RUN inside ONBUILD, shell-form CMD and HEALTHCHECK CMD, and ignores other instructions', () => {
    const [onbuild, cmd, healthcheck, healthExec, expose, none] = shells(
      'FROM x\nONBUILD RUN apt-get update && echo hi\nCMD exec gunicorn app\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n' +
        'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nEXPOSE 80\nHEALTHCHECK NONE\n'
    );
    expect(onbuild?.commands.map((c) => [c.name, at(c.range)])).toEqual([['apt-get', '2:13-2:27'], ['echo', '2:31-2:38']]);
    expect(cmd?.commands.map((c) => [c.name, c.wrappers])).toEqual([['gunicorn', ['exec']]]);
    expect(healthcheck?.commands.map((c) => [c.name, at(c.range)])).toEqual([['curl', '4:31-4:56'], ['exit', '4:60-4:66']]);
    expect(healthExec?.commands.map((c) => [c.name, values(c)])).toEqual([['curl', ['-f', 'http://localhost/']]]);
    expect(expose).toBeNull();
    expect(none).toBeNull();
  });
});

describe('queries', () => {
  let script: ShellScript;
  let set: ShellCommand, apt: ShellCommand, pip: ShellCommand, npm: ShellCommand;
  beforeAll(() => {
    script = parseShell(
      'set -euo pipefail; apt-get -o Dpkg::Options::=--force-confold -qy --no-install-recommends install curl=7.* "$EXTRA" -- -odd; ' +
        'pip install -qr requirements.txt --progress-bar=off -i https://pypi.example/simple x; npm --prefix /app ci'
    );
    [set, apt, pip, npm] = script.commands;
  });

  it('hasFlag: combined short flags, long flags with =value, no implied synonyms', () => {
    expect(hasFlag(apt, '-y')).toBe(true);
    expect(hasFlag(apt, '--yes', '--assume-yes')).toBe(false);
    expect(hasFlag(apt, '-y', '--yes', '--assume-yes')).toBe(true);
    expect(hasFlag(apt, '--no-install-recommends')).toBe(true);
    expect(hasFlag(pip, '--progress-bar')).toBe(true);
    expect(hasFlag(set, '-e')).toBe(true);
    expect(hasFlag(set, '-x')).toBe(false);
    expect(hasFlag(apt, '-d')).toBe(false); // `-odd` comes after `--`
  });

  it('flagValue reads `--f=v`, `-o v`, and a group ending in the flag', () => {
    expect(flagValue(set, '-o')).toBe('pipefail');
    expect(flagValue(apt, '-o')).toBe('Dpkg::Options::=--force-confold');
    expect(flagValue(pip, '--progress-bar')).toBe('off');
    expect(flagValue(pip, '-r')).toBe('requirements.txt');
    expect(flagValue(npm, '--prefix')).toBe('/app');
    expect(flagValue(npm, '--missing')).toBeNull();
    expect(flagValues(parseShell('apt-get -o A=1 -o B=2 install').commands[0], '-o')).toEqual(['A=1', 'B=2']);
  });

  it('argsNoFlags and subcommand skip flags and the values of flags that take one', () => {
    expect(argsNoFlags(apt, ['-o']).map((w) => w.value)).toEqual(['install', 'curl=7.*', '$EXTRA', '-odd']);
    expect(subcommand(apt, ['-o'])).toBe('install');
    expect(subcommand(apt)).toBe('Dpkg::Options::=--force-confold'); // without knowing -o takes a value
    expect(argsNoFlags(pip, ['-r', '-i']).map((w) => w.value)).toEqual(['install', 'x']);
    expect(subcommand(npm, ['--prefix'])).toBe('ci');
  });

  it('hasArg and commandsNamed', () => {
    expect(hasArg(apt, 'install')).toBe(true);
    expect(hasArg(apt, 'curl')).toBe(false);
    expect(commandsNamed(script, 'pip', 'npm')).toEqual([pip, npm]);
  });
});
