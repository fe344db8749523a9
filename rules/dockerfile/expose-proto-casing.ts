import { lineFixes } from '../../src/engine/fix.js';
import type { Range } from '../../src/engine/types.js';
import { defineRule } from '../../src/engine/rule.js';
import { exposeSpecs, PROTOCOLS } from './expose-invalid.js';

export default defineRule({
  meta: {
    id: 'expose-proto-casing',
    title: 'EXPOSE protocol not in lower case',
    priority: 'low',
    category: 'maintainability',
    rationale: 'Docker lower-cases the protocol of `EXPOSE 80/TCP`; writing it in lower case keeps the Dockerfile consistent with what the image records.',
    fixable: true,
    equivalents: { buildkit: ['ExposeProtoCasing'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    const found: { range: Range; message: string; edit: { range: Range; text: string } | null }[] = [];
    for (const spec of exposeSpecs(ctx.file)) {
      if (spec.proto === null) continue;
      ctx.applies();
      const lower = spec.proto.toLowerCase();
      if (spec.proto === lower || !PROTOCOLS.includes(lower)) continue;
      const text = `${spec.text.slice(0, spec.text.length - spec.proto.length)}${lower}`;
      found.push({
        range: spec.range,
        message: `\`EXPOSE ${spec.text}\`: write the protocol in lower case (\`${text}\`)`,
        edit: spec.literal ? { range: spec.range, text } : null,
      });
    }
    const fixes = lineFixes(ctx.file.lines, found.map((f) => f.edit));
    found.forEach(({ range, message }, i) => ctx.report({ range, message, fix: fixes[i] ?? undefined }));
  },
});
