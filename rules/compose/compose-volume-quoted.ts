import { isScalar, isSeq, parse, Scalar } from 'yaml';
import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { locate } from '../../src/parse/compose.js';
import { isWrittenInPlace, servicesOf, type Place } from './lib.js';

/** The value written without quotes means the same string (the YAML parser decides, in a block list). */
function plainIsSame(value: string): boolean {
  if (!value || /[\n\r]/.test(value)) return false;
  try {
    const back = parse(`- ${value}\n`) as unknown;
    return Array.isArray(back) && back.length === 1 && back[0] === value;
  } catch {
    return false;
  }
}

export default defineRule({
  meta: {
    id: 'compose-volume-quoted',
    title: 'Volume entry quoted without need',
    priority: 'low',
    category: 'maintainability',
    rationale: 'Short-syntax volumes read the same without quotes; writing them one way throughout keeps the file consistent and diffs small.',
    fixable: true,
    equivalents: { dclint: ['no-quotes-in-volumes'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Volume entries are written without quotes',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const list = service.data.volumes;
      if (!Array.isArray(list)) continue;
      const found: { place: Place; value: string; fixable: boolean }[] = [];
      list.forEach((_, i) => {
        const origin = service.origin('volumes', i);
        if (!origin) return;
        ctx.applies();
        const node = locate(origin.file, origin.path).located.node;
        if (!isScalar(node) || (node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE)) return;
        const value = String(node.value);
        // Quotes that are needed (`: `, ` #`, a leading `*` or `&`…) are not judged.
        if (!plainIsSame(value)) return;
        const place = service.at('volumes', i);
        const parent = locate(origin.file, origin.path.slice(0, -1)).located.node;
        const fixable = place.in === file.path && place.range.line === place.range.endLine && isSeq(parent) && !parent.flow && isWrittenInPlace(service, 'volumes', i);
        found.push({ place, value, fixable });
      });
      const fixes = lineFixes(file.lines, found.map((f) => (f.fixable ? { range: f.place.range, text: f.value } : null)));
      found.forEach(({ place, value }, i) => {
        ctx.report({
          ...place,
          message: `volume \`${value}\` is quoted: it reads the same without quotes`,
          hint: `write it without quotes: \`- ${value}\``,
          fix: fixes[i] ?? undefined,
          key: `volumes:${value}`,
        });
      });
    }
  },
});
