import type { Env, Instruction, Onbuild, Property } from 'dockerfile-ast';
import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Fix, Range } from '../../src/engine/types.js';
import type { DockerfileFile } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

/** ENV and LABEL instructions, ONBUILD triggers included. */
function keyValueInstructions(file: DockerfileFile): { instruction: Instruction; onbuild: boolean }[] {
  const out: { instruction: Instruction; onbuild: boolean }[] = [];
  for (const instruction of file.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ENV' || keyword === 'LABEL') out.push({ instruction, onbuild: false });
    else if (keyword === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      const k = trigger?.getKeyword();
      if (trigger && (k === 'ENV' || k === 'LABEL')) out.push({ instruction: trigger, onbuild: true });
    }
  }
  return out;
}

/**
 * `KEY value` → `KEY=value` as an exact edit: the white space between key and value becomes `=`; a value with spaces
 * is put in double quotes. Null when the rewrite could change the value (quotes or escapes mixed with spaces, a value
 * starting on a continuation line).
 */
function legacyFix(file: DockerfileFile, property: Property): Fix | null {
  const nameRange = fromLsp(property.getNameRange());
  const valueLsp = property.getValueRange();
  if (!valueLsp) return null;
  const valueRange = fromLsp(valueLsp);
  if (valueRange.line !== nameRange.endLine) return null;
  const gap: Range = { line: nameRange.endLine, column: nameRange.endColumn, endLine: nameRange.endLine, endColumn: valueRange.column };
  const lines = file.lines;
  if (valueRange.endLine !== valueRange.line) {
    // A value continued over lines: only when it is a single word, so the continuation stays as it is.
    return /\s/.test(property.getValue() ?? ' ') ? null : replaceRanges(lines, [{ range: gap, text: '=' }]);
  }
  const raw = (lines[valueRange.line - 1] ?? '').slice(valueRange.column - 1, valueRange.endColumn - 1);
  const escape = file.escapeChar || '\\';
  const singleQuoted = /^'[^']*'$/.test(raw);
  const doubleQuoted = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 && !/(^|[^\\])"/.test(raw.slice(1, -1)) && escape === '\\';
  if (!/\s/.test(raw) || singleQuoted || doubleQuoted) return replaceRanges(lines, [{ range: gap, text: '=' }]);
  if (/["']/.test(raw) || raw.includes(escape)) return null;
  const whole: Range = { line: nameRange.endLine, column: nameRange.endColumn, endLine: valueRange.line, endColumn: valueRange.endColumn };
  return replaceRanges(lines, [{ range: whole, text: `="${raw}"` }]);
}

export default defineRule({
  meta: {
    id: 'legacy-key-value-format',
    title: '`ENV key value` / `LABEL key value` legacy form',
    priority: 'low',
    category: 'maintainability',
    rationale:
      '`ENV key value` sets one variable to the whole rest of the line, spaces included, and looks like it sets several; Docker recommends `key=value`, the only form that allows several pairs, and BuildKit warns about the old one.',
    fixable: true,
    equivalents: { buildkit: ['LegacyKeyValueFormat'] },
    appliesTo: 'dockerfile',
    strength: 'ENV and LABEL use the `key=value` form',
  },
  check(ctx) {
    const file = ctx.file;
    for (const { instruction, onbuild } of keyValueInstructions(file)) {
      ctx.applies();
      const keyword = instruction.getKeyword();
      for (const property of (instruction as Env).getProperties()) {
        if (property.getAssignmentOperator() !== null || property.getValue() === null) continue;
        const name = property.getName();
        const start = fromLsp(property.getNameRange());
        const end = fromLsp(property.getValueRange() ?? property.getNameRange());
        // The value itself is not shown: it may be a secret.
        const spaced = /\s/.test(property.getValue() ?? '') ? ' (the value is everything after the key, spaces included)' : '';
        ctx.report({
          range: { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn },
          message: `\`${keyword} ${name} …\` uses the legacy space-separated form${onbuild ? ' (in `ONBUILD`)' : ''}: write \`${keyword} ${name}=…\`${spaced}`,
          fix: legacyFix(file, property) ?? undefined,
          key: `${keyword}:${name}`,
        });
      }
    }
  },
});
