import type { Arg, Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

/** Comments that are instructions to a tool, never descriptions (and must stay right above their line). */
const PRAGMA = /^(hadolint\b|docker-review-|check\s*=|syntax\s*=|escape\s*=)/i;

export default defineRule({
  meta: {
    id: 'invalid-definition-description',
    title: 'Comment above a stage or ARG is not a description',
    priority: 'low',
    category: 'maintainability',
    rationale:
      '`docker build --call=outline` and `--call=targets` show the comment right above a `FROM … AS name` or an `ARG` as its description when it starts with that name; any other comment there is shown as a description anyway or hides the real one.',
    fixable: false,
    equivalents: { buildkit: ['InvalidDefinitionDescription'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
  },
  check(ctx) {
    const file = ctx.file;
    const comments = new Map<number, string>();
    for (const comment of file.ast.getComments()) comments.set(fromLsp(comment.getRange()).line, comment.getContent().trim());
    const defs: { instruction: Instruction; names: string[]; kind: 'stage' | 'ARG' }[] = [];
    for (const stage of file.stages) if (stage.name) defs.push({ instruction: stage.from, names: [stage.name], kind: 'stage' });
    for (const instruction of file.instructions) {
      if (instruction.getKeyword() !== 'ARG') continue;
      const property = (instruction as Arg).getProperty();
      if (property) defs.push({ instruction, names: [property.getName()], kind: 'ARG' });
    }
    for (const { instruction, names, kind } of defs) {
      ctx.applies();
      const line = rangeOf(instruction).line;
      // The comment lines directly above, without an empty line between (pragmas are not part of a description).
      const block: { line: number; text: string }[] = [];
      for (let l = line - 1; comments.has(l); l--) block.unshift({ line: l, text: comments.get(l)! });
      const description = block.filter((c) => !PRAGMA.test(c.text));
      if (!description.length) continue;
      const first = description[0];
      const last = description[description.length - 1];
      const starts = (text: string) => names.includes(text.split(/\s+/)[0]);
      // BuildKit looks at the line right above; a multi-line description may also start with the name on its first line.
      if (starts(last.text) || starts(first.text)) continue;
      ctx.report({
        range: { line: last.line, column: 1, endLine: last.line, endColumn: (file.lines[last.line - 1] ?? '').length + 1 },
        message: `the comment right above ${kind === 'stage' ? `stage \`${names[0]}\`` : `\`ARG ${names[0]}\``} is taken as its description but does not start with \`${names[0]}\`: write \`# ${names[0]} <description>\`, or put an empty line between the comment and line ${line}`,
        key: `${kind}:${names[0]}:${line}`,
      });
    }
  },
});
