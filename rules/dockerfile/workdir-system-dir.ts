import path from 'node:path';
import type { Workdir } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, stageAncestry } from '../../src/parse/dockerfile.js';
import { stageInstructionsAll, unquote } from './lib/instructions.js';

/** Kernel filesystems Docker mounts over the image at run time. */
const RUNTIME_MOUNTS = ['/proc', '/sys', '/dev'];
/** Directories that mean nothing in a container (Trivy's list). */
const HOST_ONLY = ['/boot', '/initrd', '/lost+found'];
/** System directories whose own content an app's files would be mixed into (only these exact paths). */
const SYSTEM_EXACT = new Set(['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/etc']);

function under(p: string, dirs: string[]): string | undefined {
  return dirs.find((d) => p === d || p.startsWith(`${d}/`));
}

function problem(p: string): string | null {
  const mounted = under(p, RUNTIME_MOUNTS);
  if (mounted) return `Docker mounts a kernel filesystem on \`${mounted}\` when the container starts, hiding whatever the build put there, and the app's working directory becomes part of it`;
  const hostOnly = under(p, HOST_ONLY);
  if (hostOnly) return `\`${hostOnly}\` belongs to the host's boot and disk tools and has no use in a container`;
  if (SYSTEM_EXACT.has(p)) return `a \`COPY . .\` or any file the app writes lands among the system's own files in \`${p}\`, where it can shadow or clobber them`;
  return null;
}

export default defineRule({
  meta: {
    id: 'workdir-system-dir',
    title: 'WORKDIR in a system directory',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'A working directory under `/proc`, `/sys` or `/dev` is hidden by the kernel filesystems Docker mounts at start, and one at `/bin`, `/usr` or `/etc` mixes the app\'s files with the system\'s: the app belongs in its own directory such as `/app`.',
    fixable: false,
    equivalents: { trivy: ['DS-0030'] },
    appliesTo: 'dockerfile',
    strength: 'WORKDIR paths are the app\'s own directories',
  },
  check(ctx) {
    const file = ctx.file;
    // The working directory at the end of each stage, following `FROM <stage>`; null once unknown.
    const finalDir = new Map<number, string | null>();
    const items = stageInstructionsAll(file);
    for (const stage of file.stages) {
      const parent = stage.base.stage;
      let current: string | null = parent ? finalDir.get(parent.index) ?? null : stageAncestry(stage).at(-1)?.base.isScratch ? '/' : null;
      for (const item of items) {
        if (item.stage !== stage || item.instruction.getKeyword() !== 'WORKDIR') continue;
        ctx.applies();
        const written = unquote((item.instruction as Workdir).getPath() ?? '');
        if (!written) continue;
        let resolved: string | null = null;
        if (!item.onbuild || !written.includes('$')) {
          const { value, unresolved } = item.onbuild ? { value: written, unresolved: false } : expandAt(file, stage, item.instruction, written);
          if (!unresolved) {
            if (value.startsWith('/')) resolved = path.posix.normalize(value);
            else if (current !== null && !item.onbuild) resolved = path.posix.resolve(current, value);
          }
        }
        if (!item.onbuild) current = resolved;
        if (resolved === null) continue;
        const normalised = resolved.length > 1 ? resolved.replace(/\/+$/, '') : resolved;
        const why = problem(normalised);
        if (!why) continue;
        ctx.report({
          range: rangeOf(item.holder),
          message: `\`WORKDIR ${written}\`${written !== normalised ? ` (\`${normalised}\`)` : ''}: ${why}; use a directory of the app's own, such as \`/app\``,
        });
      }
      finalDir.set(stage.index, current);
    }
  },
});
