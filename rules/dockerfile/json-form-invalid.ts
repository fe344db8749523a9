import type { Instruction } from 'dockerfile-ast';
import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import type { DockerfileFile } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';
import { instructionsNamed } from './lib/instructions.js';

/** A character of the instruction's argument text, with its 1-based place in the file. */
interface Placed {
  char: string;
  line: number;
  column: number;
}

/** Quote characters people write around exec-form words, with the one that closes each. */
const QUOTES: Record<string, string[]> = {
  '"': ['"'],
  "'": ["'"],
  '\u201c': ['\u201d', '\u201c'], // “…” (and “…“)
  '\u201d': ['\u201d'],
  '\u2018': ['\u2019', '\u2018'], // ‘…’
  '\u2019': ['\u2019'],
};

/** Where the command text of an instruction starts: after flags, or after `CMD` for HEALTHCHECK. */
function commandStart(instruction: Instruction): { line: number; character: number } | null {
  if (instruction.getKeyword() === 'HEALTHCHECK') {
    const [sub, first] = instruction.getArguments();
    return sub?.getValue().toUpperCase() === 'CMD' && first ? first.getRange().start : null;
  }
  return instruction.getArgumentsRange()?.start ?? null;
}

/**
 * The instruction's command text as Docker reads it, each character with its position: a line continuation (escape
 * character, blanks, newline) and the blank or comment lines after it are dropped.
 */
function commandText(file: DockerfileFile, instruction: Instruction): Placed[] | null {
  const start = commandStart(instruction);
  if (!start) return null;
  const end = instruction.getRange().end;
  const escape = file.escapeChar || '\\';
  const out: Placed[] = [];
  let continued = false;
  for (let line = start.line; line <= end.line; line++) {
    const text = file.lines[line] ?? '';
    if (continued && (text.trim() === '' || text.trimStart().startsWith('#'))) continue;
    const from = line === start.line ? start.character : 0;
    let to = line === end.line ? Math.min(end.character, text.length) : text.length;
    const trimmed = text.slice(0, to).replace(/[ \t\r]+$/, '');
    continued = line < end.line && trimmed.endsWith(escape);
    if (continued) to = trimmed.length - 1;
    for (let i = from; i < to; i++) out.push({ char: text[i], line: line + 1, column: i + 1 });
  }
  return out;
}

interface Token {
  value: string;
  /** The token as written, with its quotes. */
  range: Range;
  quote: string;
  /** The value is uncertain (a backslash inside single or typographic quotes). */
  ambiguous: boolean;
  /** JSON escapes JSON does not have (`\a` in `"C:\app"`), taken literally as Docker users mean them. */
  badEscape: boolean;
}

interface Scan {
  tokens: Token[];
  /** Commas right before `]`, to delete. */
  trailingCommas: Range[];
  /** Tokens (by index) with no comma before them. */
  missingCommas: number[];
  /** Everything was understood, so a rewrite is safe. */
  complete: boolean;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function point(p: Placed): Range {
  return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 };
}

/** Reads `[ 'a', "b" “c” ]` leniently: the words someone meant as exec form, and what is wrong with the writing. */
function scan(chars: Placed[]): Scan {
  const result: Scan = { tokens: [], trailingCommas: [], missingCommas: [], complete: false };
  let i = 0;
  const skip = () => {
    while (isBlank(chars[i]?.char)) i++;
  };
  skip();
  i++; // `[`
  let comma: Placed | null = null;
  let expectComma = false;
  for (;;) {
    skip();
    const c = chars[i]?.char;
    if (c === undefined) return result;
    if (c === ']') {
      if (comma) result.trailingCommas.push(point(comma));
      i++;
      skip();
      result.complete = i === chars.length;
      return result;
    }
    if (c === ',') {
      if (!expectComma) return result; // `[, …` or `,,`
      comma = chars[i];
      expectComma = false;
      i++;
      continue;
    }
    const closers = QUOTES[c];
    if (!closers) return result;
    if (expectComma) result.missingCommas.push(result.tokens.length);
    const open = chars[i];
    let raw = '';
    i++;
    for (;;) {
      const d = chars[i]?.char;
      if (d === undefined) return result;
      if (closers.includes(d)) break;
      // Inside double quotes `\"` does not close the string.
      if (d === '\\' && c === '"' && chars[i + 1] !== undefined) {
        raw += d + chars[i + 1].char;
        i += 2;
        continue;
      }
      raw += d;
      i++;
    }
    let value = raw;
    let ambiguous = false;
    let badEscape = false;
    if (c === '"') {
      try {
        value = JSON.parse(`"${raw}"`) as string;
      } catch {
        // Escapes JSON lacks (`"C:\app"`): the backslashes were meant literally, unless some look like JSON escapes.
        badEscape = true;
        ambiguous = raw.includes('\\\\') || raw.includes('\\"') || [...raw].some((ch) => ch < ' ');
      }
    } else if (raw.includes('\\')) ambiguous = true;
    const close = chars[i];
    if (open.line !== close.line) ambiguous = true;
    result.tokens.push({ value, range: { line: open.line, column: open.column, endLine: close.line, endColumn: close.column + 1 }, quote: c, ambiguous, badEscape });
    comma = null;
    expectComma = true;
    i++;
  }
}

function reasons(s: Scan): string[] {
  const out: string[] = [];
  if (s.tokens.some((t) => t.quote === "'")) out.push('single quotes');
  if (s.tokens.some((t) => t.quote !== '"' && t.quote !== "'")) out.push('typographic quotes');
  if (s.tokens.some((t) => t.badEscape)) out.push('backslashes JSON does not accept (write `\\\\`)');
  if (s.trailingCommas.length) out.push('a trailing comma');
  if (s.missingCommas.length) out.push('a missing comma');
  return out;
}

const EFFECT: Record<string, string> = {
  RUN: 'the step fails and with it the build',
  CMD: 'the container fails to start',
  ENTRYPOINT: 'the container fails to start',
  HEALTHCHECK: 'the check always fails and the container is reported unhealthy',
};

export default defineRule({
  meta: {
    id: 'json-form-invalid',
    title: 'Exec form that is not valid JSON',
    priority: 'high',
    category: 'correctness',
    rationale:
      'Docker reads `CMD [\'npm\', \'start\']` as shell form because single quotes (or a trailing comma, or typographic quotes) are not JSON: it runs the whole text through `/bin/sh -c`, which looks for a command named `[npm,` and fails.',
    fixable: true,
    equivalents: { sonar: ['S7030'] },
    appliesTo: 'dockerfile',
    strength: 'Exec-form instructions are valid JSON arrays',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of instructionsNamed(file, 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK')) {
      const chars = commandText(file, item.instruction);
      if (!chars) continue;
      const text = chars.map((c) => c.char).join('').trim();
      if (!text.startsWith('[') || !text.endsWith(']')) continue;
      ctx.applies();
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) continue;
      } catch {
        // not JSON: judged below
      }
      // Only text that was meant as exec form: `[` then a quote (`RUN [ -f x ] && …` is the test command).
      const first = text.slice(1).trimStart()[0];
      if (first === undefined || !(first in QUOTES)) continue;
      const found = scan(chars);
      const keyword = item.instruction.getKeyword();
      const why = reasons(found);
      const what = why.length ? `it has ${why.join(' and ')}` : 'it is not valid JSON';
      const effect =
        keyword === 'SHELL'
          ? 'and `SHELL` accepts only the JSON form, so the build fails'
          : `so Docker runs the text through \`/bin/sh -c\` as a shell command, which looks for a command named \`${text.split(/\s/)[0].replace(/["']/g, '')}\`: ${EFFECT[keyword]}`;
      let fix = null;
      if (found.complete && found.tokens.length && !found.tokens.some((t) => t.ambiguous)) {
        const edits: { range: Range; text: string }[] = found.tokens.map((t) => ({ range: t.range, text: JSON.stringify(t.value) }));
        for (const comma of found.trailingCommas) edits.push({ range: comma, text: '' });
        for (const index of found.missingCommas) {
          const before = found.tokens[index - 1].range;
          edits.push({ range: { line: before.endLine, column: before.endColumn, endLine: before.endLine, endColumn: before.endColumn }, text: ',' });
        }
        fix = replaceRanges(file.lines, edits);
      }
      const where = item.onbuild ? ' (through `ONBUILD`, in every image built from this one)' : '';
      const written = `[${found.tokens.map((t) => JSON.stringify(t.value)).join(', ')}]`;
      const example = found.complete && written.length <= 100 ? written : '["…", "…"]';
      ctx.report({
        range: fromLsp(item.holder.getRange()),
        message: `\`${keyword}\` looks like exec form but is not a JSON array${where}: ${what}, ${effect}; write it with double quotes: \`${keyword} ${example}\``,
        fix: fix ?? undefined,
      });
    }
  },
});
