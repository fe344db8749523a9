// Property-based tests of every parser: random text, random bytes and mutated real files never make a parser throw,
// every position it reports is inside the file, the same input gives the same output, and each input is handled
// within a time bound. Runs: FUZZ_RUNS (see fuzz.ts); the CI numbers keep this file to a few seconds.
import balena from '@balena/dockerignore';
import type { Instruction } from 'dockerfile-ast';
import { parseCompose } from '../../src/parse/compose.js';
import { parseDockerfile, runInstructions, shellOf } from '../../src/parse/dockerfile.js';
import { parseDockerignore } from '../../src/parse/dockerignore.js';
import { expandVariables, parseImageRef } from '../../src/parse/image.js';
import { initShell, parseShell } from '../../src/parse/shell.js';
import { excessiveNesting } from '../../src/parse/yaml-guard.js';
import type { Range } from '../../src/engine/types.js';
import { decodeText } from '../../src/workspace/decode.js';
import { anyBytes, anyText, check, fc, mutated, seeds, timeout, tokenText } from './fuzz.js';

/** Parsing one input must take less than this (generous: a slow shared CI machine; real files take milliseconds). */
const PER_INPUT_MS = 2_000;

beforeAll(() => initShell());

function within(fn: () => void): void {
  const started = performance.now();
  fn();
  const ms = performance.now() - started;
  if (ms > PER_INPUT_MS) throw new Error(`took ${Math.round(ms)} ms`);
}

function expectRangeIn(range: Range, lines: number, where: string): void {
  const ok = Number.isInteger(range.line) && range.line >= 1 && range.line <= lines && range.endLine >= range.line && range.endLine <= lines && range.column >= 1 && range.endColumn >= 1;
  if (!ok) throw new Error(`${where}: range ${JSON.stringify(range)} outside the ${lines} lines of the file`);
}

const lineCount = (text: string) => text.split('\n').length;

/**
 * Text as a workspace hands it to the parsers (decode.ts): UTF-8, CR LF and lone CR as LF, no NUL (a file with one
 * is binary and never parsed). Parsers are fuzzed on that domain; decodeText itself is fuzzed on raw bytes above.
 */
function asRead(text: string): string {
  const decoded = decodeText(new TextEncoder().encode(text.replace(/\0/g, '')));
  return decoded.ok ? decoded.text : '';
}

describe('decodeText', () => {
  it('random bytes: never throws; text has no NUL and no CR; decoding is deterministic', () => {
    check('decode: random bytes', 400, anyBytes(), (bytes) => {
      const a = decodeText(bytes);
      if (a.ok) {
        expect(a.text.includes('\0')).toBe(false);
        expect(a.text.includes('\r')).toBe(false);
      } else expect(a.reason).toMatch(/^binary/);
      expect(decodeText(bytes)).toEqual(a);
    });
  });

  it('any text, encoded as UTF-8 (with or without BOM) or UTF-16 with BOM, decodes to the same lines', () => {
    check('decode: round trip', 300, fc.tuple(fc.string({ maxLength: 200, unit: 'grapheme' }).filter((s) => !s.includes('\0')), fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'utf16be')), ([text, encoding]) => {
      const body = Buffer.from(text, encoding.startsWith('utf16') ? 'utf16le' : 'utf8');
      const bytes = encoding === 'utf8' ? body : encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body).swap16()]);
      const decoded = decodeText(bytes);
      const expected = (encoding === 'utf8' && text.startsWith('\ufeff') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
      expect(decoded).toEqual({ ok: true, text: expected });
    });
  });
});

describe('parseDockerfile', () => {
  const inputs = () => fc.oneof(anyText(), mutated(seeds('dockerfile')), tokenText(200)).map(asRead);
  it('never throws; problems are inside the file; deterministic; within time', () => {
    check('dockerfile: parse', 300, inputs(), (text) => {
      within(() => {
        const { file, problems } = parseDockerfile('Dockerfile', text);
        for (const p of problems) expectRangeIn(p.range, lineCount(text), p.message);
        expect(file.lines.length).toBe(lineCount(text));
        const again = parseDockerfile('Dockerfile', text);
        expect(again.problems).toEqual(problems);
        expect(again.file.stages.map((s) => s.base.written)).toEqual(file.stages.map((s) => s.base.written));
      });
    });
  });

  it('the shell of every RUN parses without throwing, with positions inside the file', () => {
    check('dockerfile: shell of RUN', 200, inputs(), (text) => {
      within(() => {
        const { file } = parseDockerfile('Dockerfile', text);
        for (const { instruction } of runInstructions(file)) {
          const script = shellOf(file, instruction as Instruction);
          for (const c of script?.commands ?? []) expectRangeIn(c.range, lineCount(text), `command ${c.name}`);
        }
      });
    });
  });
});

describe('parseShell', () => {
  it('never throws on any snippet; every command range is inside it', () => {
    check('shell: parse', 400, fc.oneof(anyText(), tokenText(120)).map(asRead), (text) => {
      within(() => {
        const script = parseShell(text);
        for (const c of script.commands) expectRangeIn(c.range, lineCount(text), `command ${c.name}`);
      });
    });
  });
});

describe('parseCompose', () => {
  const inputs = () => fc.oneof(anyText(), mutated(seeds('compose')), tokenText(200)).map(asRead);
  it('never throws; problems are inside the file; the data is plain (JSON, no cycles); deterministic; within time', () => {
    check('compose: parse', 400, inputs(), (text) => {
      within(() => {
        const { file, problems } = parseCompose('compose.yaml', text);
        for (const p of problems) expectRangeIn(p.range, lineCount(text), p.message);
        const json = JSON.stringify({ data: file.data, services: file.services.map((s) => [s.name, s.keyRange, s.data]), problems });
        const again = parseCompose('compose.yaml', text);
        expect(JSON.stringify({ data: again.file.data, services: again.file.services.map((s) => [s.name, s.keyRange, s.data]), problems: again.problems })).toBe(json);
      });
    });
  });

  it('deep nesting of every shape is refused with a clear problem, never a stack overflow', () => {
    const shapes = fc.tuple(fc.integer({ min: 101, max: 30_000 }), fc.constantFrom('[', '{a: ', '- ', '? ', 'a: ', '- ? ', '[{a: ', 'k:\n'), fc.boolean(), fc.string({ maxLength: 5 })).map(([n, open, lead, tail]) =>
      open === 'k:\n' ? Array.from({ length: Math.min(n, 3000) }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + tail : `${lead ? '' : 'x: '}${open.repeat(n)}${tail}`,
    );
    check('compose: deep nesting', 60, shapes, (text) => {
      within(() => {
        const { problems } = parseCompose('compose.yaml', text);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map((p) => p.message).join('\n')).not.toMatch(/call stack/i);
      });
    });
  });

  it('the nesting scanner is linear and never throws', () => {
    check('compose: nesting scanner', 300, fc.oneof(anyText(), mutated(seeds('compose'))), (text) => {
      within(() => void excessiveNesting(text));
    });
  });
});

describe('parseDockerignore, image references, variables', () => {
  it('.dockerignore: never throws, deterministic', () => {
    check('dockerignore: parse', 300, fc.oneof(anyText(), mutated(seeds('dockerignore'))).map(asRead), (text) => {
      within(() => {
        const a = parseDockerignore('.dockerignore', text);
        expect(JSON.stringify(parseDockerignore('.dockerignore', text))).toBe(JSON.stringify(a));
      });
    });
  });

  it('.dockerignore matching agrees with the library\'s regular expressions wherever those mean what Docker means', () => {
    // Patterns of Go's syntax only (`*`, `**`, `?`, classes, escaped wildcards), where the library's RegExp is right.
    const piece = fc.constantFrom('a', 'b', 'ab', '/', '*', '**', '**/', '?', '.', '[ab]', '[^a]', '[a-c]', '\\*', '\\?', '!', '#');
    const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const path = fc.array(fc.constantFrom('a', 'b', 'A', '/', '.', '*', 'c'), { minLength: 1, maxLength: 12 }).map((p) => p.join('').replace(/^\/+/, '')).filter((p) => p.length > 0);
    check('dockerignore: linear matcher vs RegExp', 1500, fc.tuple(fc.array(pattern, { minLength: 1, maxLength: 3 }), path), ([patterns, p]) => {
      const text = patterns.join('\n');
      let expected: boolean;
      try {
        expected = (balena as unknown as () => { add(p: string): { ignores(p: string): boolean } })().add(text).ignores(p);
      } catch {
        return; // the library throws: nothing to compare with
      }
      expect({ text, p, ignores: parseDockerignore('.dockerignore', text).ignores(p) }).toEqual({ text, p, ignores: expected });
    });
  });

  it('.dockerignore matching stays fast on hostile patterns and paths', () => {
    const file = parseDockerignore('.dockerignore', '**/*a*a*/**/b\n*a*a*a*a*a*b\n(a+)+b\n[\n**/**/**/**/**/**/c');
    const long = Array(16).fill('a'.repeat(255)).join('/');
    const started = performance.now();
    for (const p of [long, 'a'.repeat(4000), `${'a'.repeat(60)}!`]) file.ignores(p);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(file.invalidPatterns.map((p) => p.pattern)).toEqual(['[']);
    expect(parseDockerignore('.dockerignore', '(a+)+b').ignores('(a+)+b')).toBe(true);
    expect(parseDockerignore('.dockerignore', '(a+)+b').ignores('aab')).toBe(false);
  });

  it('image references and ${VAR} expansion: never throw', () => {
    check('image: parse and expand', 500, fc.oneof(anyText(), tokenText(20), fc.constantFrom('nginx', 'a/b:c@sha256:' + 'a'.repeat(64), 'localhost:5000/x', '${A:-b}/c:${D}')), (text) => {
      parseImageRef(text);
      expandVariables(text, (name) => (name.length % 2 ? null : 'v'));
    });
  });
});
