import { isScalar, Scalar } from 'yaml';
import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { locate } from '../../src/parse/compose.js';
import { isWrittenInPlace, servicesOf, type Place } from './lib.js';

/** `22:22`: both parts below 60, which YAML 1.1 parsers (PyYAML, the old docker-compose) read as a base-60 number. */
const SEXAGESIMAL = /^[0-5]?\d:[0-5]?\d$/;

export default defineRule({
  meta: {
    id: 'compose-port-unquoted',
    title: 'Port mapping not quoted',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Unquoted `HOST:CONTAINER` ports are numbers to a YAML 1.1 parser when both parts are below 60 (`22:22` is 1342 in base 60), which broke the Python docker-compose and still confuses other tools; quoting every port keeps them strings everywhere.',
    fixable: true,
    equivalents: { dclint: ['require-quotes-in-ports'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Ports are quoted',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const found: { place: Place; text: string; fixable: boolean; key: string }[] = [];
      for (const key of ['ports', 'expose']) {
        const list = service.data[key];
        if (!Array.isArray(list)) continue;
        list.forEach((_, i) => {
          const origin = service.origin(key, i);
          if (!origin) return;
          ctx.applies();
          const node = locate(origin.file, origin.path).located.node;
          if (!isScalar(node) || node.type !== Scalar.PLAIN) return;
          const place = service.at(key, i);
          const r = place.range;
          const text = r.line === r.endLine ? origin.file.lines[r.line - 1].slice(r.column - 1, r.endColumn - 1) : String(node.value);
          const fixable = place.in === file.path && r.line === r.endLine && !/["\\]/.test(text) && isWrittenInPlace(service, key, i);
          found.push({ place, text, fixable, key });
        });
      }
      const fixes = lineFixes(file.lines, found.map((f) => (f.fixable ? { range: f.place.range, text: `"${f.text}"` } : null)));
      found.forEach(({ place, text, key }, i) => {
        ctx.report({
          ...place,
          message: SEXAGESIMAL.test(text)
            ? `\`${key}\` entry \`${text}\` is not quoted: a YAML 1.1 parser reads it as the base-60 number ${text.split(':').reduce((a, b) => a * 60 + Number(b), 0)}`
            : `\`${key}\` entry \`${text}\` is not quoted`,
          hint: `quote it: \`"${text}"\``,
          fix: fixes[i] ?? undefined,
          key: `${key}:${text}`,
        });
      });
    }
  },
});
