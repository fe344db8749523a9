import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { argsNoFlags } from '../../src/parse/shell.js';
import { changesOnlyShell, runShells } from './lib/run.js';

/** `A=secret` → `A=…`: a value set in a RUN may be a secret. */
function shown(word: string): string {
  const eq = word.indexOf('=');
  return eq > 0 && !word.startsWith('-') ? `${word.slice(0, eq)}=…` : word;
}

export default defineRule({
  meta: {
    id: 'run-no-effect',
    title: 'RUN that only changes its own shell',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Every RUN starts a fresh shell and ends it. A RUN made only of `export`, `source`/`.`, `conda activate`, `set` or `alias` changes that shell and nothing else, so the variable, virtualenv or option is gone by the next instruction and at runtime.',
    fixable: false,
    equivalents: {},
    appliesTo: 'dockerfile',
    strength: 'Shell settings (export, source, cd) are used in the RUN that needs them',
  },
  check(ctx) {
    for (const run of runShells(ctx.file)) {
      const commands = run.script.commands;
      if (!run.script.ok || commands.length === 0) continue;
      if (commands.some(changesOnlyShell)) ctx.applies();
      // A lone `cd` is cd-instead-of-workdir's finding.
      if (!commands.every(changesOnlyShell) || commands.every((c) => c.name === 'cd')) continue;
      const first = commands.find((c) => c.name !== 'cd')!;
      const exported = commands
        .filter((c) => c.name === 'export')
        .flatMap((c) => argsNoFlags(c).map((w) => w.value).filter((v) => v.includes('=')))
        .map((v) => `${v.slice(0, v.indexOf('='))}=…`); // values may be secrets: names only
      const hint = exported.length
        ? `Use \`ENV ${exported.join(' ')}\` to set ${exported.length === 1 ? 'it' : 'them'} for the following instructions and the container.`
        : first.name === 'source' || first.name === '.' || first.name === 'conda' || first.name === 'mamba' || first.name === 'micromamba'
          ? 'Activate the environment where it is used (in the same RUN, or in the entrypoint), or put its bin folder on PATH with `ENV PATH=/path/to/env/bin:$PATH`.'
          : 'Move it into the RUN that needs it, or use ENV / SHELL to set it for every later instruction.';
      ctx.report({
        range: rangeOf(run.instruction),
        message: `\`${first.name}${first.args.length ? ' ' + first.args.map((w) => shown(w.value)).join(' ') : ''}\` in a RUN of its own has no effect: the shell ends with the RUN`,
        hint,
      });
    }
  },
});
