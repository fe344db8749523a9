import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import { dockerignoreFor } from '../../src/model/project.js';
import type { DockerignoreFile } from '../../src/parse/dockerignore.js';
import { buildContexts, copies, expandedWord } from './lib/instructions.js';

/** `./src/` → `src`, `/etc/app.conf` → `etc/app.conf`, `.` → `.` (sources are relative to the context root). */
function contextPath(source: string): string {
  const clean = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
  return clean === '' || clean === '.' ? '.' : clean.replace(/^\.\//, '');
}

/** BuildKit's rule: `.` and `/` are only "ignored" when a pattern excludes every root entry. */
function rootIgnored(ignore: DockerignoreFile): boolean {
  return ignore.patterns.some((p) => !p.negated && ['*', '**', '**/*'].includes(p.pattern));
}

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    title: 'COPY/ADD source excluded by .dockerignore',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'Files that `.dockerignore` excludes are not sent to the builder, so a `COPY` or `ADD` of them fails the build with "not found" (or, for a pattern, copies less than intended).',
    fixable: false,
    equivalents: { buildkit: ['CopyIgnoredFile'] },
    appliesTo: 'dockerfile',
    strength: 'Every file COPY and ADD take from the context is left in it by `.dockerignore`',
  },
  check(ctx) {
    const file = ctx.file;
    const ignores = buildContexts(ctx.project, file)
      .map((context) => dockerignoreFor(ctx.project, file, context))
      .filter((d): d is DockerignoreFile => d !== null);
    // As BuildKit: with `!` re-includes, what is really excluded cannot be told statically.
    const usable = [...new Set(ignores)].filter((d) => !d.patterns.some((p) => p.negated));
    if (!usable.length) return;
    for (const item of copies(file)) {
      // ONBUILD copies take the child build's context; `--from` copies do not read the context.
      if (item.onbuild || item.args.from !== null) continue;
      ctx.applies();
      for (const source of item.args.sources) {
        if (source.heredoc) continue;
        if (item.args.keyword === 'ADD' && /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(source.value)) continue;
        const value = expandedWord(file, item, source);
        if (value === null) continue;
        const rel = contextPath(value);
        for (const ignore of usable) {
          const excluded = rel === '.' ? rootIgnored(ignore) : ignore.ignores(rel);
          if (!excluded) continue;
          const pattern = rel === '.' ? ignore.patterns.find((p) => !p.negated && ['*', '**', '**/*'].includes(p.pattern)) ?? null : ignore.decidingPattern(rel);
          const where = pattern ? ` (line ${pattern.line}: \`${pattern.pattern}\`)` : '';
          ctx.report({
            range: source.range,
            message: `\`${item.args.keyword} ${source.written}\` takes a path that \`${ignore.path}\`${where} leaves out of the build context: the builder never receives it, so the ${item.args.keyword} fails with "not found" or copies less than intended`,
            hint: 'Stop ignoring the path (or re-include it with a `!` pattern), or stop copying it.',
            related: pattern ? [{ path: ignore.path, line: pattern.line, message: `\`${pattern.pattern}\` excludes \`${rel}\`` }] : undefined,
            key: `${item.args.keyword}:${rel}:${ignore.path}`,
          });
          break;
        }
      }
    }
  },
});
