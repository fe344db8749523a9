import type { Add, Instruction, Onbuild } from 'dockerfile-ast';
import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

/** Sources ADD fetches instead of copying. */
const REMOTE_PREFIXES = ['http://', 'https://', 'git@', 'git://', 'ssh://'];
/** Local files ADD may unpack (Docker sniffs the content; these names suggest a tarball, compressed or not). */
const ARCHIVE_SUFFIXES = ['.tar', '.tgz', '.tbz', '.tbz2', '.txz', '.tzst', '.gz', '.bz2', '.xz', '.zst'];
/** Flags that only ADD has. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** The sources of an ADD (every argument but the destination), unquoted; null when it cannot be read (heredoc, empty). */
function sourcesOf(add: Instruction): string[] | null {
  const words = add.getArguments().map((a) => a.getValue());
  let args = words;
  if (words[0]?.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(words.join(' '));
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) args = parsed as string[];
    } catch {
      return null;
    }
  }
  if (args.length < 2 || args.some((a) => a.startsWith('<<'))) return null;
  return args.slice(0, -1).map(unquote);
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

function needsAdd(source: string): boolean {
  const lower = source.toLowerCase();
  return REMOTE_PREFIXES.some((p) => lower.startsWith(p)) || ARCHIVE_SUFFIXES.some((s) => lower.endsWith(s));
}

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    title: 'ADD used to copy local files',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'ADD also downloads URLs and silently unpacks local tar archives; using it for plain files hides what the line does. COPY says exactly that and nothing more.',
    fixable: true,
    equivalents: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], trivy: ['DS-0005'] },
    appliesTo: 'dockerfile',
    strength: 'COPY is used for local files (ADD only where its extras are needed)',
  },
  check(ctx) {
    const file = ctx.file;
    const adds: { add: Add; stage: DockerfileStage; triggered: boolean }[] = [];
    for (const stage of file.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() === 'COPY') ctx.applies();
        else if (instruction.getKeyword() === 'ADD') adds.push({ add: instruction as Add, stage, triggered: false });
        else if (instruction.getKeyword() === 'ONBUILD') {
          const trigger = (instruction as Onbuild).getTriggerInstruction();
          if (trigger?.getKeyword() === 'ADD') adds.push({ add: trigger as Add, stage, triggered: true });
        }
      }
    }
    for (const { add, stage, triggered } of adds) {
      ctx.applies();
      const written = sourcesOf(add);
      if (!written) continue;
      if (add.getFlags().some((f) => ADD_ONLY_FLAGS.has(f.getName().toLowerCase()))) continue;
      const sources: string[] = [];
      for (const source of written) {
        // Triggers run in another build, where these variables may differ.
        if (source.includes('$') && triggered) break;
        const { value, unresolved } = expandAt(file, stage, add, source);
        if (unresolved) break;
        sources.push(value);
      }
      if (sources.length !== written.length || sources.some(needsAdd)) continue;

      const keyword = add.getInstruction();
      const fix = replaceRanges(file.lines, [{ range: fromLsp(add.getInstructionRange()), text: keyword === keyword.toLowerCase() ? 'copy' : 'COPY' }]);
      const shown = written.slice(0, 3).map((s) => `\`${s}\``).join(', ') + (written.length > 3 ? ', …' : '');
      ctx.report({
        range: rangeOf(add),
        message: `\`ADD\` of local ${shown}: use \`COPY\` — \`ADD\` also fetches URLs and unpacks archives, so it hides what the line does`,
        fix: fix ?? undefined,
      });
    }
  },
});
