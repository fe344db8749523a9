import { defineRule } from '../../src/engine/rule.js';
import { dockerignoreFor } from '../../src/model/project.js';
import { stageAncestry, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { buildContexts, copies, expandedWord } from './lib/instructions.js';

/** Sources that mean "everything at the top of the build context". */
const WHOLE = new Set(['.', './', './.', '/', '*', './*', '/*']);

/** What should stay out of every image, each with a path that stands for it and the pattern that excludes it. */
const SENSITIVE: { label: string; probe: string; pattern: string }[] = [
  { label: '`.git`', probe: '.git', pattern: '.git' },
  { label: '`.env`', probe: '.env', pattern: '.env' },
  { label: '`.env.*`', probe: '.env.production', pattern: '.env.*' },
  { label: '`*.pem`', probe: 'server.pem', pattern: '*.pem' },
  { label: '`*.key`', probe: 'server.key', pattern: '*.key' },
  { label: '`id_rsa*`', probe: 'id_rsa', pattern: 'id_rsa*' },
];

/** For images that run Node: the host's `node_modules` (other platform's binaries, dev dependencies, hundreds of MB). */
const NODE_MODULES = { label: '`node_modules`', probe: 'node_modules', pattern: 'node_modules' };

/** True when the stage builds on a Node image (node, bun), directly or through the stages it is built FROM. */
function nodeStage(stage: DockerfileStage): boolean {
  return stageAncestry(stage).some((s) => s.base.ref !== null && /(^|\/)(node|bun)$/.test(s.base.ref.name.toLowerCase()));
}

export default defineRule({
  meta: {
    id: 'copy-whole-context',
    title: 'Whole build context copied without excluding secrets',
    priority: 'medium',
    category: 'security',
    rationale:
      '`COPY . .` copies everything the `.dockerignore` lets through: without one that excludes `.git`, `.env` files and private keys, the repository history and local secrets end up in a layer of the image, readable by anyone who can pull it.',
    fixable: false,
    equivalents: { hadolint: ['DL4007'], sonar: ['S6470'] },
    appliesTo: 'dockerfile',
    strength: 'Whole-context copies are filtered by a `.dockerignore` that excludes `.git`, `.env` files and keys',
  },
  check(ctx) {
    const file = ctx.file;
    // The .dockerignore of each context the Dockerfile is built with (compose `build.context`, else its folder).
    const ignores = [...new Set(buildContexts(ctx.project, file).map((context) => dockerignoreFor(ctx.project, file, context)))];
    for (const item of copies(file)) {
      const { args } = item;
      // ONBUILD copies read the child's context, judged by the child's .dockerignore.
      if (item.onbuild || args.from !== null) continue;
      const whole = args.sources.find((s) => {
        if (s.heredoc) return false;
        const value = expandedWord(file, item, s);
        return value !== null && WHOLE.has(value);
      });
      if (!whole) continue;
      ctx.applies();
      const wanted = nodeStage(item.stage) ? [...SENSITIVE, NODE_MODULES] : SENSITIVE;
      const judged = ignores.map((ignore) => ({ ignore, missing: ignore ? wanted.filter((s) => !ignore.ignores(s.probe)) : wanted }));
      const worst = judged.find((j) => j.missing.length);
      if (!worst) continue;
      const { ignore, missing } = worst;
      const copy = `\`${args.keyword} ${whole.value} ${args.dest.value}\``;
      const message = ignore
        ? `${copy} copies the whole build context, and \`${ignore.path}\` does not exclude ${missing.map((m) => m.label).join(', ')}: such files in the folder end up in the image, readable by anyone who can pull it; add them to \`${ignore.path}\``
        : `${copy} copies the whole build context and no \`.dockerignore\` applies to this Dockerfile: \`.git\` (the whole history), \`.env\` files, private keys and everything else in the folder end up in the image; add a \`.dockerignore\` at the root of the build context`;
      ctx.report({
        range: whole.range,
        message,
        hint: `Lines for the .dockerignore:\n${missing.map((m) => m.pattern).join('\n')}`,
        key: `copy-context:${item.stage.index}:${args.dest.value}`,
      });
    }
  },
});
