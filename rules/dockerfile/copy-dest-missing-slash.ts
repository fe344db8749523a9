import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { copies, expandedWord, type CopyWord } from './lib/instructions.js';

/** `.`, `..`, `dir/.`: a directory that exists (the working directory), which BuildKit copies into. */
function isDotDir(dest: string): boolean {
  return dest === '.' || dest === '..' || dest.endsWith('/.') || dest.endsWith('/..');
}

/** Where `/` goes: at the end of the word, inside its closing quote if it has one. */
function slashAt(word: CopyWord): { line: number; column: number; endLine: number; endColumn: number } | null {
  const { range, written } = word;
  if (range.line !== range.endLine) return null;
  const quoted = written.length >= 2 && (written.endsWith('"') || written.endsWith("'")) && written[0] === written[written.length - 1];
  const column = range.endColumn - (quoted ? 1 : 0);
  return { line: range.line, column, endLine: range.line, endColumn: column };
}

export default defineRule({
  meta: {
    id: 'copy-dest-missing-slash',
    title: 'COPY of several sources to a destination without a trailing `/`',
    priority: 'high',
    category: 'correctness',
    rationale:
      'With more than one source the destination must be a directory written with a trailing `/`: the classic builder and kaniko stop the build, and BuildKit copies the files over one another when the destination does not exist yet.',
    fixable: true,
    equivalents: { hadolint: ['DL3021'], trivy: ['DS-0011'] },
    appliesTo: 'dockerfile',
    strength: 'COPY and ADD with several sources copy into a directory written with a trailing `/`',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of copies(file)) {
      const { args } = item;
      if (args.sources.length < 2) continue;
      ctx.applies();
      const dest = expandedWord(file, item, args.dest);
      if (dest === null || dest.endsWith('/') || dest.endsWith('\\')) continue;
      const keyword = args.keyword;
      const shown = args.dest.value;
      const message = isDotDir(dest)
        ? `\`${keyword}\` of ${args.sources.length} sources to \`${shown}\` without a trailing \`/\`: BuildKit and kaniko copy into the directory, but the classic builder fails with "When using ${keyword} with more than one source file, the destination must be a directory and end with a /"; write \`${shown}/\``
        : `\`${keyword}\` of ${args.sources.length} sources to \`${shown}\`, which does not end with \`/\`: the classic builder and kaniko fail the build, and BuildKit, when \`${shown}\` is not already a directory, copies each file over the previous one; write \`${shown}/\``;
      const at = slashAt(args.dest);
      const fix = at ? replaceRanges(file.lines, [{ range: at, text: '/' }]) : null;
      ctx.report({ range: args.dest.range, message, fix: fix ?? undefined });
    }
  },
});
