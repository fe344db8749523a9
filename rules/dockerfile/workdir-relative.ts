import type { Workdir } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, stageAncestry, stageInstructions } from '../../src/parse/dockerfile.js';

function isAbsolute(p: string): boolean {
  // POSIX, and Windows drive or root paths for Windows images.
  return p.startsWith('/') || p.startsWith('\\') || (p.length >= 3 && /^[A-Za-z]:[\\/]/.test(p));
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

export default defineRule({
  meta: {
    id: 'workdir-relative',
    title: 'Relative WORKDIR',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'A relative WORKDIR with no absolute one before it resolves against the base image\'s working directory, which the Dockerfile does not control: a base image update can move every later COPY and RUN.',
    fixable: false,
    equivalents: { hadolint: ['DL3000'], buildkit: ['WorkdirRelativePath'], checkov: ['CKV_DOCKER_10'] },
    appliesTo: 'dockerfile',
    strength: 'WORKDIR paths are absolute',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      const workdirs = stageInstructions<Workdir>(stage, 'WORKDIR');
      if (!workdirs.length) continue;
      ctx.applies();
      // As in BuildKit: once a stage (or the stage it builds on) has set a WORKDIR, later relative ones are relative
      // to a path the Dockerfile chose, so only the first WORKDIR of the chain is judged.
      if (stageAncestry(stage).slice(1).some((s) => stageInstructions(s, 'WORKDIR').length)) continue;
      const first = workdirs[0];
      const written = unquote(first.getPath() ?? '');
      if (!written) continue;
      const { value, unresolved } = expandAt(file, stage, first, written);
      if (unresolved || isAbsolute(value)) continue;
      const suggestion = /^[A-Za-z0-9_-]/.test(value) ? `/${value}` : '/app';
      const expanded = value !== written ? ` (\`${value}\` after expansion)` : '';
      ctx.report({
        range: rangeOf(first),
        message: `\`WORKDIR ${written}\`${expanded} is relative and no absolute WORKDIR comes before it: it resolves against the base image's working directory, which can change with the image; use an absolute path such as \`${suggestion}\``,
      });
    }
  },
});
