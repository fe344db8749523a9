// `RUN cat << 'EOF'`: a heredoc with a blank before its delimiter (dockerfile-ast issue #120) parses as BuildKit reads it.
import type { Instruction } from 'dockerfile-ast';
import { parseDockerfile, rangeOf, shellOf } from '../../src/parse/dockerfile.js';
import { initShell } from '../../src/parse/shell.js';

beforeAll(() => initShell());

const src = (...lines: string[]) => `${lines.join('\n')}\n`;
/** `KEYWORD line-endLine` of every instruction. */
const spans = (instructions: Instruction[]) => instructions.map((i) => `${i.getKeyword()} ${rangeOf(i).line}-${rangeOf(i).endLine}`);
const problemsOf = (text: string) => parseDockerfile('Dockerfile', text).problems.map((p) => `${p.range.line}: ${p.message}`);

describe('heredoc with a blank after <<', () => {
  it('quoted delimiter: the body and the delimiter line belong to the RUN, not to bogus instructions', () => {
    const text = src('FROM alpine:3.20', "RUN cat << 'EOF' > /etc/motd", 'hello world', 'FROM bogus', 'EOF', 'RUN echo hi');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-5', 'RUN 6-6']);
    expect(file.stages.map((s) => spans(s.instructions))).toEqual([['FROM 1-1', 'RUN 2-5', 'RUN 6-6']]);
    // Every position stays exact: the redirect target is where it was written.
    const target = file.instructions[1].getArguments().find((a) => a.getValue() === '/etc/motd')!;
    expect(rangeOf(target)).toEqual({ line: 2, column: 20, endLine: 2, endColumn: 29 });
    // The shell is read from what was written: one `cat` fed by a quoted heredoc, the body is data.
    const shell = shellOf(file, file.instructions[1])!;
    expect(shell.ok).toBe(true);
    expect(shell.commands.map((c) => c.name)).toEqual(['cat']);
    expect(shell.commands[0].redirects.map((r) => `${r.op} ${r.target}`)).toEqual(['<< EOF', '> /etc/motd']);
    expect(shell.commands[0].range.line).toBe(2);
  });

  it('unquoted and double-quoted delimiters', () => {
    for (const word of ['EOF', '"EOF"']) {
      const text = src('FROM alpine:3.20', `RUN cat << ${word} > /a.txt`, 'some text', 'EOF', 'RUN true');
      const { file, problems } = parseDockerfile('Dockerfile', text);
      expect(problems).toEqual([]);
      expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-4', 'RUN 5-5']);
    }
  });

  it('a heredoc fed to a shell is parsed as script', () => {
    const text = src('FROM alpine:3.20', 'RUN sh << EOF', 'apt-get update', 'apt-get install -y curl', 'EOF');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    const shell = shellOf(file, file.instructions[1])!;
    expect(shell.commands.map((c) => `${c.name}@${c.range.line}`)).toEqual(['sh@2', 'apt-get@3', 'apt-get@4']);
  });

  it('<<- with a blank no longer swallows the rest of the file', () => {
    const text = src('FROM alpine:3.20', 'RUN cat <<- EOF > /x', '\thello', '\tEOF', 'RUN echo hi', 'COPPY . .');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-4', 'RUN 5-5', 'COPPY 6-6']);
    // The real mistake after it is still found.
    expect(problems.map((p) => `${p.range.line}: ${p.message}`)).toEqual(['6: unknown instruction `COPPY`']);
    expect(shellOf(file, file.instructions[2])!.commands.map((c) => c.name)).toEqual(['echo']);
    // The operator moved onto its word in the parser's copy; the shell still reads the text as written.
    const heredoc = shellOf(file, file.instructions[1])!;
    expect(heredoc.ok).toBe(true);
    expect(heredoc.commands.map((c) => `${c.name}@${c.range.line}`)).toEqual(['cat@2']);
    expect(heredoc.commands[0].redirects.map((r) => `${r.op} ${r.target}`)).toEqual(['<<- EOF', '> /x']);
  });

  it('<<- with a quoted delimiter, and several blanks', () => {
    const text = src('FROM alpine:3.20', "RUN cat <<-  'EOF'", '\tx', '\tEOF', 'RUN cat <<   END', 'y', 'END', 'RUN true');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-4', 'RUN 5-7', 'RUN 8-8']);
  });

  it('two heredocs on one line are read in order', () => {
    const text = src('FROM alpine:3.20', 'RUN cat << A > /a && cat << B > /b', 'a', 'A', 'b', 'B', 'RUN true');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-6', 'RUN 7-7']);
  });

  it('bodies with continuation-looking, comment and blank lines; the operator on a continuation line', () => {
    const text = src('FROM alpine:3.20', 'RUN set -e; \\', '  cat << EOF > /a', 'hello \\', 'world', '# not a comment', '', 'EOF', 'RUN true');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-8', 'RUN 9-9']);
  });

  it('with <<, a tab-indented delimiter inside the body does not end it', () => {
    const text = src('FROM alpine:3.20', 'RUN cat << EOF', '\tEOF', 'EOF', 'RUN true');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-4', 'RUN 5-5']);
  });

  it('COPY and ONBUILD RUN heredocs', () => {
    const text = src('FROM alpine:3.20', 'COPY << EOF /etc/app.conf', 'key=value', 'EOF', 'ONBUILD RUN cat << EOF', 'x', 'EOF', 'USER app');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'COPY 2-4', 'ONBUILD 5-7', 'USER 8-8']);
  });

  it('leaves alone what is not a heredoc: quoted text, arithmetic shifts, JSON form, a missing delimiter line', () => {
    expect(problemsOf(src('FROM alpine:3.20', 'RUN echo "a << b"', 'RUN true'))).toEqual([]);
    expect(problemsOf(src('FROM alpine:3.20', "RUN echo 'x << EOF'", 'RUN true', 'EOF'))).toEqual(['4: unknown instruction `EOF`']);
    expect(problemsOf(src('FROM alpine:3.20', 'RUN echo $((1 << 2))', 'RUN true'))).toEqual([]);
    expect(problemsOf(src('FROM alpine:3.20', 'RUN ["cat", "<<", "EOF"]', 'EOF'))).toEqual(['3: unknown instruction `EOF`']);
    // BuildKit rejects an unterminated heredoc; the lines stay what dockerfile-ast made of them.
    expect(problemsOf(src('FROM alpine:3.20', 'RUN cat << EOF', 'hello'))).toEqual(['3: unknown instruction `hello`']);
  });

  it('heredocs written without a blank parse as before', () => {
    const text = src('FROM alpine:3.20', "RUN cat <<'EOF' > /x", 'body', 'EOF', 'RUN cat <<-EOF', '\tbody', '\tEOF', 'RUN true');
    const { file, problems } = parseDockerfile('Dockerfile', text);
    expect(problems).toEqual([]);
    expect(spans(file.instructions)).toEqual(['FROM 1-1', 'RUN 2-4', 'RUN 5-7', 'RUN 8-8']);
  });
});
