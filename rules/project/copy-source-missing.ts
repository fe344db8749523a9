import picomatch from 'picomatch';
import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import { contextRelative, dockerfileLinks, globParts } from '../../src/model/links.js';
import type { Project } from '../../src/model/project.js';
import { copies, expandedWord, type CopyWord } from '../dockerfile/lib/instructions.js';
import { buildersRelated, isBuildOutput, joinRepo, kindWithSuggestion, listingOf, pathKind, showDir, stagesBuilt } from './lib.js';

type State = { state: 'present' } | { state: 'unknown' } | { state: 'missing'; at: string; suggestion: string | null } | { state: 'empty-glob'; dir: string };

/** Whether a context source exists in the context folder `context`. */
function stateOf(project: Project, context: string, inContext: string): State {
  if (/[*?[]/.test(inContext)) {
    const parts = globParts(inContext);
    if (!parts) return { state: 'unknown' };
    const dir = joinRepo(context, parts.dir);
    const kind = pathKind(project, dir);
    if (kind === null) return { state: 'missing', at: dir, suggestion: kindWithSuggestion(project, dir).suggestion };
    if (kind !== 'dir') return kind === undefined ? { state: 'unknown' } : { state: 'missing', at: dir, suggestion: null };
    const entries = listingOf(project, dir);
    if (!entries) return { state: 'unknown' };
    const match = picomatch(parts.pattern, { dot: true });
    return entries.some((e) => match(e.name)) ? { state: 'present' } : { state: 'empty-glob', dir };
  }
  const at = joinRepo(context, inContext);
  const { kind, suggestion } = kindWithSuggestion(project, at);
  if (kind === undefined) return { state: 'unknown' };
  return kind === null ? { state: 'missing', at, suggestion } : { state: 'present' };
}

export default defineRule({
  meta: {
    id: 'copy-source-missing',
    title: 'COPY/ADD source missing from the build context',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'A `COPY` or `ADD` whose source is not in the build context fails the build ("failed to compute cache key: … not found"); a Dockerfile that names a lock file or folder the repository does not have (or no longer has) cannot be built from a fresh checkout.',
    fixable: false,
    equivalents: {},
    appliesTo: 'dockerfile',
    strength: 'Every file COPY and ADD take from the build context exists',
  },
  check(ctx) {
    const { file, project } = ctx;
    const links = dockerfileLinks(project, file);
    const built = stagesBuilt(project, file);
    for (const item of copies(file)) {
      // ONBUILD copies take the child build's context; `--from` copies do not read the context.
      if (item.onbuild || item.args.from !== null || !built.has(item.stage)) continue;
      const sources: { word: CopyWord; inContext: string; glob: boolean }[] = [];
      for (const word of item.args.sources) {
        if (word.heredoc) continue;
        if (item.args.keyword === 'ADD' && /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(word.value)) continue;
        const value = expandedWord(file, item, word);
        if (value === null) continue;
        const inContext = contextRelative(value);
        if (inContext === '' || isBuildOutput(inContext)) continue;
        sources.push({ word, inContext, glob: /[*?[]/.test(inContext) });
      }
      if (!sources.length) continue;
      ctx.applies();
      // A source is missing when it is absent from every context the Dockerfile is built with (compose's, else both
      // the Dockerfile's folder and the repository root, the two a `docker build` is usually run with).
      const states = sources.map((s) => links.contexts.map((c) => ({ context: c, ...stateOf(project, c, s.inContext) })));
      const present = (i: number) => states[i].some((st) => st.state === 'present' || st.state === 'unknown');
      const anyPresent = sources.some((_, i) => present(i));
      sources.forEach((source, i) => {
        if (present(i)) return;
        const missing = states[i].filter((st) => st.state === 'missing') as ({ context: string } & Extract<State, { state: 'missing' }>)[];
        // An empty glob beside other sources that exist is the "optional file" idiom (`poetry.lock*`).
        if (!missing.length && anyPresent) return;
        const keyword = item.args.keyword;
        const contexts = links.known
          ? `the build context ${links.contexts.map(showDir).join(' / ')}`
          : links.contexts.length > 1
            ? `the Dockerfile's folder ${showDir(links.contexts[0])} or the repository root (no compose service builds it, so either may be its context)`
            : 'the build context (the repository root)';
        let message: string;
        if (missing.length) {
          const where = missing.map((m) => `\`${m.at}\``).join(', ');
          message = `\`${keyword} ${source.word.written}\` takes \`${source.inContext}\` from ${contexts}, but ${where} does not exist in the repository: the build fails ("${source.inContext}: not found")`;
        } else {
          message = `\`${keyword} ${source.word.written}\` matches no file in ${contexts}: the classic builder fails ("no source files were specified") and BuildKit copies nothing`;
        }
        const suggestion = missing.find((m) => m.suggestion)?.suggestion ?? null;
        const related: Related[] = buildersRelated(links.builtBy, (b) => `service \`${b.service.name}\` builds \`${file.path}\` with this context`);
        ctx.report({
          range: source.word.range,
          message,
          hint: suggestion ? `did you mean \`${suggestion}\`? (paths are relative to the build context)` : 'add the file to the repository, or fix the path (relative to the build context)',
          related: related.length ? related : undefined,
          key: `copy-source:${item.stage.index}:${source.inContext}`,
        });
      });
    }
  },
});
