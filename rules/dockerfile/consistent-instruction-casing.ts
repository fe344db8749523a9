import type { Instruction, Onbuild } from 'dockerfile-ast';
import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import { INSTRUCTION_KEYWORDS } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

export default defineRule({
  meta: {
    id: 'consistent-instruction-casing',
    title: 'Inconsistent instruction casing',
    priority: 'low',
    category: 'maintainability',
    rationale: 'Instructions in mixed case (`FROM` here, `run` there, `Copy` elsewhere) make a Dockerfile harder to scan; BuildKit warns about it on every build.',
    fixable: true,
    equivalents: { buildkit: ['ConsistentInstructionCasing'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    const top = ctx.file.instructions.filter((i) => INSTRUCTION_KEYWORDS.has(i.getKeyword()));
    if (!top.length) return;
    ctx.applies();
    // As BuildKit: the majority of self-consistent (all-lower or all-upper) keywords decides; a tie means upper case.
    let lower = 0;
    let upper = 0;
    for (const i of top) {
      const written = i.getInstruction();
      if (written === written.toLowerCase()) lower++;
      else if (written === written.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    const all: Instruction[] = [];
    for (const i of top) {
      all.push(i);
      const trigger = i.getKeyword() === 'ONBUILD' ? (i as Onbuild).getTriggerInstruction() : null;
      if (trigger && INSTRUCTION_KEYWORDS.has(trigger.getKeyword())) all.push(trigger);
    }
    const found: { range: Range; message: string; edit: { range: Range; text: string } }[] = [];
    for (const i of all) {
      const written = i.getInstruction();
      const wanted = majorityLower ? written.toLowerCase() : written.toUpperCase();
      if (written === wanted) continue;
      const range = fromLsp(i.getInstructionRange());
      found.push({
        range,
        message: `\`${written}\`: most instructions in this file are ${majorityLower ? 'lower' : 'upper'} case; write \`${wanted}\``,
        edit: { range, text: wanted },
      });
    }
    const fixes = lineFixes(ctx.file.lines, found.map((f) => f.edit));
    found.forEach(({ range, message }, i) => ctx.report({ range, message, fix: fixes[i] ?? undefined }));
  },
});
