import type { Arg } from 'dockerfile-ast';
import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    title: '`FROM --platform=$TARGETPLATFORM` is redundant',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'A stage is built for the target platform unless `--platform` says otherwise, so `--platform=$TARGETPLATFORM` only adds noise and suggests the stage is special when it is not.',
    fixable: true,
    equivalents: { buildkit: ['RedundantTargetPlatform'], hadolint: ['DL3065'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    const file = ctx.file;
    // A global `ARG TARGETPLATFORM=<value>` overrides the platform: the flag then pins it and is not redundant.
    const overridden = file.instructions.some((i, n) => {
      const before = file.instructions.slice(0, n).every((j) => j.getKeyword() !== 'FROM');
      const property = i.getKeyword() === 'ARG' ? (i as Arg).getProperty() : null;
      return before && property?.getName() === 'TARGETPLATFORM' && property.getValue() !== null;
    });
    for (const stage of file.stages) {
      const flag = stage.from.getPlatformFlag();
      if (!flag) continue;
      ctx.applies();
      const value = (flag.getValue() ?? '').replace(/^(["'])(.*)\1$/, '$2');
      if (overridden || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      const range = fromLsp(flag.getRange());
      // Remove the flag and the space after it when the image follows on the same line.
      const image = stage.from.getImageRange();
      const next = image ? fromLsp(image) : null;
      const fix = next && next.line === range.endLine && range.line === range.endLine
        ? replaceRanges(file.lines, [{ range: { ...range, endColumn: next.column }, text: '' }])
        : null;
      ctx.report({
        range,
        message: `\`--platform=${value}\` is the default: a stage is built for the target platform unless told otherwise; remove the flag`,
        fix: fix ?? undefined,
        key: `stage:${stage.index}`,
      });
    }
  },
});
