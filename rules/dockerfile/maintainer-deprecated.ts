import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    title: 'MAINTAINER is deprecated',
    priority: 'low',
    category: 'maintainability',
    rationale: 'MAINTAINER has been deprecated since Docker 1.13; a LABEL carries the same information and tools can read it.',
    fixable: true,
    equivalents: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'], checkov: ['CKV_DOCKER_6'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    for (const instruction of ctx.file.instructions) {
      if (instruction.getKeyword() !== 'MAINTAINER') continue;
      const range = rangeOf(instruction);
      const who = instruction.getArgumentsContent() ?? '';
      const singleLine = range.line === range.endLine;
      ctx.report({
        range,
        message: '`MAINTAINER` is deprecated: use `LABEL org.opencontainers.image.authors=…`',
        fix: singleLine && who ? { line: range.line, endLine: range.line, replacement: `LABEL org.opencontainers.image.authors=${JSON.stringify(who)}` } : undefined,
      });
    }
  },
});
