import { dotenvVariables, parseDotenv } from '../../src/parse/dotenv.js';
import { interpolate } from '../../src/model/compose-build.js';

describe('parseDotenv', () => {
  it('reads KEY=VALUE lines with comments, export, quotes and inline comments, with their lines', () => {
    const text = [
      '# comment',
      'A=1',
      'export B = two ',
      "C='single $NOT #kept'",
      'D="line1\\nline2 \\"q\\""',
      'E=value # trailing comment',
      'F',
      'G="multi',
      'line"',
      'H=',
      'bad line here',
      '',
    ].join('\n');
    const entries = parseDotenv(text);
    expect(entries.map((e) => [e.name, e.value, e.line, e.endLine])).toEqual([
      ['A', '1', 2, 2],
      ['B', 'two', 3, 3],
      ['C', 'single $NOT #kept', 4, 4],
      ['D', 'line1\nline2 "q"', 5, 5],
      ['E', 'value', 6, 6],
      ['F', null, 7, 7],
      ['G', 'multi\nline', 8, 9],
      ['H', '', 10, 10],
    ]);
    expect(entries[0].valueColumn).toBe(3);
    expect(entries[1].valueColumn).toBe(12);
  });

  it('handles CRLF and an unterminated quote without hanging', () => {
    expect(dotenvVariables('A=1\r\nB="open\r\n')).toEqual(new Map([['A', '1'], ['B', 'open\n']]));
  });
});

describe('interpolate with .env variables', () => {
  const env = new Map([['TAG', '1.2'], ['EMPTY', '']]);
  it.each([
    ['app:${TAG}', 'app:1.2', false],
    ['app:$TAG', 'app:1.2', false],
    ['app:${TAG:-latest}', 'app:1.2', false],
    ['app:${EMPTY:-latest}', 'app:latest', false],
    ['app:${EMPTY-latest}', 'app:', false],
    ['app:${MISSING}', 'app:', true],
    ['${TAG:+set}', 'set', false],
    ['${MISSING:+set}', '', false],
    ['$${TAG}', '${TAG}', false],
  ])('%s → %s', (text, value, unresolved) => {
    const r = interpolate(text, env);
    expect(r.value).toBe(value);
    expect(r.unresolved).toBe(unresolved);
  });
  it('says which variables came from .env', () => {
    expect(interpolate('${TAG}-${MISSING:-x}', env).fromEnv).toEqual(['TAG']);
  });
});
