import { defineRule } from '../../src/engine/rule.js';
import { keyRange, valueRange } from '../../src/parse/compose.js';

export default defineRule({
  meta: {
    id: 'compose-version-obsolete',
    title: 'Obsolete top-level `version`',
    priority: 'low',
    category: 'maintainability',
    rationale: 'Compose ignores `version` and prints a warning on every run; it also misleads readers into thinking features are gated by it.',
    fixable: true,
    equivalents: { dclint: ['no-version-field'] },
    appliesTo: 'compose',
    strength: 'Compose files use the current specification (no obsolete `version:` key)',
  },
  check(ctx) {
    ctx.applies();
    if (!('version' in ctx.file.data)) return;
    const key = keyRange(ctx.file, ['version']);
    const value = valueRange(ctx.file, ['version']);
    if (!key) return;
    const endLine = Math.max(key.endLine, value?.endLine ?? key.endLine);
    ctx.report({
      range: { ...key, endLine, endColumn: value && value.endLine === endLine ? value.endColumn : key.endColumn },
      message: `the top-level \`version\` key is obsolete: Compose ignores it and warns on every run`,
      fix: key.column === 1 ? { line: key.line, endLine, replacement: '' } : undefined,
      key: 'version',
      scope: 'file',
    });
  },
});
