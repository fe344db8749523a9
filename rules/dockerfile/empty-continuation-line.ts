import type { Instruction, Run } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { INSTRUCTION_KEYWORDS, rangeOf } from '../../src/parse/dockerfile.js';

/** The first line (1-based) of a heredoc body of the instruction, or Infinity. */
function firstHeredocLine(instruction: Instruction): number {
  const keyword = instruction.getKeyword();
  if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return Infinity;
  const heredocs = (instruction as unknown as Run).getHeredocs();
  return Math.min(...heredocs.map((h) => (h.getContentRange() ?? h.getDelimiterRange())?.start.line ?? Infinity)) + 1;
}

export default defineRule({
  meta: {
    id: 'empty-continuation-line',
    title: 'Empty line inside a continued instruction',
    priority: 'low',
    category: 'reliability',
    rationale:
      'An empty line after a trailing `\\` does not end the instruction: Docker skips it and keeps reading, a deprecated behaviour that will become an error, and that silently merges the next instruction into this one when the `\\` was a leftover.',
    fixable: true,
    equivalents: { buildkit: ['NoEmptyContinuation'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    const lines = ctx.file.lines;
    for (const instruction of ctx.file.instructions) {
      const range = rangeOf(instruction);
      if (range.endLine === range.line) continue;
      const head = (lines[range.line - 1] ?? '').trim();
      const bodyStart = firstHeredocLine(instruction);
      // Only empty lines followed by more of the instruction count (a file's final newline is not one).
      let last = Math.min(range.endLine, bodyStart - 1);
      while (last > range.line && !(lines[last - 1] ?? '').trim()) last--;
      let n = 0;
      for (let line = range.line + 1; line < last; line++) {
        const text = lines[line - 1] ?? '';
        if (text.trim()) continue;
        n++;
        let next = line + 1;
        while (next <= last && (!(lines[next - 1] ?? '').trim() || /^\s*#/.test(lines[next - 1] ?? ''))) next++;
        const nextText = lines[next - 1] ?? '';
        const word = /^([A-Z]+)(\s|$)/.exec(nextText)?.[1];
        const swallowed = word !== undefined && INSTRUCTION_KEYWORDS.has(word);
        ctx.report({
          range: { line, column: 1, endLine: line, endColumn: text.length + 1 },
          message: swallowed
            ? `the \`${instruction.getKeyword()}\` on line ${range.line} continues past this empty line and swallows the \`${word}\` on line ${next} as more of its arguments: remove the trailing \`${ctx.file.escapeChar}\` before the empty line`
            : `empty line inside the \`${instruction.getKeyword()}\` started on line ${range.line}: Docker skips it and keeps reading (deprecated, a future error); remove it`,
          // Deleting the line changes nothing for Docker; it does not repair a swallowed instruction.
          fix: swallowed ? undefined : { line, endLine: line, replacement: '' },
          key: `${head}:${n}`,
        });
      }
    }
  },
});
