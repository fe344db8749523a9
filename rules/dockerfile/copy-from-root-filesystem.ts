import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import { stageAncestry } from '../../src/parse/dockerfile.js';
import { copies, expandedWord } from './lib/instructions.js';

/** `/`, `/.`, `//`: the root of a filesystem. */
function isRoot(p: string): boolean {
  return p.startsWith('/') && path.posix.normalize(p) === '/';
}

export default defineRule({
  meta: {
    id: 'copy-from-root-filesystem',
    title: 'Whole filesystem of another stage copied over `/`',
    priority: 'medium',
    category: 'reliability',
    rationale:
      '`COPY --from=build / /` drops the other stage\'s entire filesystem on top of this one: its compilers, package-manager state, caches and any secret left behind come along, and its system files (libc, `/etc/passwd`) overwrite those of this image\'s base.',
    fixable: false,
    equivalents: { hadolint: ['DL3067'] },
    appliesTo: 'dockerfile',
    strength: '`COPY --from` copies named paths, not whole filesystems',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of copies(file)) {
      const { args } = item;
      if (args.keyword !== 'COPY' || args.from === null) continue;
      ctx.applies();
      const dest = expandedWord(file, item, args.dest);
      if (dest === null || !isRoot(dest)) continue;
      const root = args.sources.find((s) => {
        const value = expandedWord(file, item, s);
        return value !== null && isRoot(value);
      });
      if (!root) continue;
      // Only stages of this Dockerfile are known to hold a whole system; an image named in `--from` may be a
      // scratch image made to be copied this way (`COPY --from=docker/buildx-bin / /`).
      const from = args.from.toLowerCase();
      const source = /^\d+$/.test(from) ? file.stages[Number(from)] : file.stages.find((s) => s.name?.toLowerCase() === from);
      if (!source || source === item.stage) continue;
      // A stage built FROM scratch holds only what it copied in: handing all of it over is the point.
      if (stageAncestry(source).at(-1)?.base.isScratch) continue;
      // Into an empty `FROM scratch` stage this is the deliberate "flatten the image" idiom: nothing is overwritten.
      const chain = stageAncestry(item.stage);
      const onScratch = chain.at(-1)?.base.isScratch === true;
      const earlier = item.stage.instructions.slice(1, item.stage.instructions.indexOf(item.holder));
      if (!item.onbuild && onScratch && chain.length === 1 && !earlier.some((i) => i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD')) continue;
      ctx.report({
        range: root.range,
        message: `\`COPY --from=${args.from} ${root.value} ${args.dest.value}\` copies the whole filesystem of \`${args.from}\` over this image: build tools, package caches and leftovers come along, and its system files replace those of this image's base; copy only the paths the app needs (\`COPY --from=${args.from} /app /app\`)`,
      });
    }
  },
});
