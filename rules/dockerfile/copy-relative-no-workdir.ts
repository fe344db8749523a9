import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { stageAncestry, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { copies, expandedWord, isAbsolutePath } from './lib/instructions.js';

/** True when a WORKDIR is set before `instruction` in `stage` or anywhere in the stages it builds on (all of them for an ONBUILD trigger). */
function workdirSet(stage: DockerfileStage, instruction: Instruction, onbuild: boolean): boolean {
  const [own, ...ancestors] = stageAncestry(stage);
  if (ancestors.some((s) => s.instructions.some((i) => i.getKeyword() === 'WORKDIR'))) return true;
  for (const i of own.instructions) {
    if (i === instruction && !onbuild) return false;
    if (i.getKeyword() === 'WORKDIR') return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'copy-relative-no-workdir',
    title: 'COPY to a relative path with no WORKDIR set',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'A relative COPY/ADD destination is resolved against the working directory; with no WORKDIR in the Dockerfile that is whatever the base image chose (`/` for most, `/go`, `/var/www/html` or `/usr/local/tomcat` for others), and it moves when the base image does.',
    fixable: false,
    equivalents: { hadolint: ['DL3045'] },
    appliesTo: 'dockerfile',
    strength: 'COPY and ADD destinations are absolute or follow a WORKDIR',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of copies(file)) {
      const { args, stage } = item;
      ctx.applies();
      const dest = expandedWord(file, item, args.dest);
      if (dest === null || dest === '' || isAbsolutePath(dest)) continue;
      if (workdirSet(stage, item.instruction, item.onbuild)) continue;
      // `FROM scratch` starts in `/`, and nothing can change that but this Dockerfile (for its child images too).
      if (stageAncestry(stage).at(-1)?.base.isScratch) continue;
      const where = item.onbuild
        ? 'this image sets no WORKDIR, so when the trigger runs in a child build it is resolved against the working directory of the image this one is built on, which the Dockerfile does not control'
        : 'no WORKDIR is set in this stage or the stages it builds on, so it is resolved against the base image\'s working directory (`/` for most images, `/go` for golang, `/var/www/html` for php), which the Dockerfile does not control';
      ctx.report({
        range: args.dest.range,
        message: `\`${args.keyword}\` to the relative destination \`${args.dest.value}\`: ${where}; set \`WORKDIR /app\` (or another absolute path) before it, or write an absolute destination`,
      });
    }
  },
});
