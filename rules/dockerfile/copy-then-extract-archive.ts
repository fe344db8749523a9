import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import { rangeOf, stageAncestry } from '../../src/parse/dockerfile.js';
import { argsNoFlags, flagValue, hasFlag, type ShellCommand } from '../../src/parse/shell.js';
import { copies, expandedWord, type CopyWord } from './lib/instructions.js';
import { runShells, shippedStages, type RunShell } from './lib/run.js';

/** Tar archives `ADD` unpacks by itself (uncompressed, gzip, bzip2, xz). */
const TAR_SUFFIXES = ['.tar', '.tar.gz', '.tgz', '.tar.bz2', '.tbz', '.tbz2', '.tar.xz', '.txz'];
const TAR_VALUE_FLAGS = ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '--strip-components', '--transform', '--exclude', '-I', '--use-compress-program', '--owner', '--group', '--mode'];

function isTarArchive(name: string): boolean {
  const lower = name.toLowerCase();
  return TAR_SUFFIXES.some((s) => lower.endsWith(s));
}

/** The archive a `tar` command extracts (`tar -xzf a.tgz`, `tar xf a.tar`, `tar --extract --file=a.tar`), or null. */
function extractedArchive(command: ShellCommand): string | null {
  if (command.name !== 'tar') return null;
  const first = command.args[0];
  // Old style: `tar xzf archive.tgz` (letters without a dash, `f` takes the next word).
  if (first && !first.dynamic && /^[A-Za-z]+$/.test(first.value) && first.value.includes('x')) {
    return first.value.includes('f') ? command.args[1]?.value ?? null : null;
  }
  if (!hasFlag(command, '-x', '--extract', '--get')) return null;
  return flagValue(command, '-f') ?? flagValue(command, '--file');
}

export default defineRule({
  meta: {
    id: 'copy-then-extract-archive',
    title: 'Local archive copied, then unpacked in a RUN',
    priority: 'low',
    category: 'efficiency',
    rationale:
      'A tarball that is COPY\'d and then unpacked by `tar -x` stays in the COPY layer: the image carries it twice, packed and unpacked, even if the RUN deletes it. `ADD` unpacks a local tar archive in one layer, and a bind mount reads it without storing it.',
    fixable: false,
    equivalents: { hadolint: ['DL3010'] },
    appliesTo: 'dockerfile',
    strength: 'Local archives are unpacked without keeping a packed copy in the image',
  },
  check(ctx) {
    const file = ctx.file;
    const shipped = shippedStages(file);
    const runs = runShells(file).filter((r) => !r.onbuild && r.stage !== null);
    for (const item of copies(file)) {
      const { args, stage } = item;
      if (item.onbuild || args.keyword !== 'COPY' || args.from !== null || !shipped.has(stage)) continue;
      const archives: { word: CopyWord; name: string }[] = [];
      for (const source of args.sources) {
        const value = expandedWord(file, item, source);
        if (value === null || source.heredoc || !isTarArchive(value)) continue;
        // A single file copied to a file name lands under that name.
        const dest = expandedWord(file, item, args.dest);
        const renamed = args.sources.length === 1 && dest !== null && !dest.endsWith('/') && dest !== '.' && isTarArchive(dest);
        archives.push({ word: source, name: path.posix.basename(renamed ? dest : value) });
      }
      if (!archives.length) continue;
      ctx.applies();
      const copyLine = rangeOf(item.instruction).line;
      // RUNs after the COPY in its stage or in stages built on it.
      const later = runs.filter((r: RunShell) => rangeOf(r.instruction).line > copyLine && stageAncestry(r.stage!).includes(stage));
      for (const archive of archives) {
        let found: { run: RunShell; command: ShellCommand } | null = null;
        for (const run of later) {
          const command = run.script.commands.find((c) => {
            const extracted = extractedArchive(c);
            return extracted !== null && !extracted.includes('$') && path.posix.basename(extracted) === archive.name;
          });
          if (command) {
            found = { run, command };
            break;
          }
        }
        if (!found) continue;
        const oldStyle = /^[A-Za-z]+$/.test(found.command.args[0]?.value ?? '');
        const members = argsNoFlags(found.command, TAR_VALUE_FLAGS).slice(oldStyle ? 2 : 0);
        const options = members.length > 0 || hasFlag(found.command, '--strip-components', '--transform', '--exclude', '-T', '--files-from');
        const add = options ? '' : `use \`ADD ${archive.word.value} <dir>/\` (ADD unpacks local tar archives), or `;
        ctx.report({
          range: archive.word.range,
          message: `\`${archive.word.value}\` is copied here and unpacked by \`tar\` on line ${found.command.range.line}: the packed archive stays in this COPY's layer, so the image carries it twice even if the RUN deletes it; ${add}read it from a bind mount: \`RUN --mount=type=bind,source=${archive.word.value},target=/tmp/${archive.name} tar -xf /tmp/${archive.name} -C <dir>\``,
        });
      }
    }
  },
});
