import type { Flag } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';
import { flagsNamed, instructionsNamed, unquote } from './lib/instructions.js';

type FlagOption = ReturnType<Flag['getOptions']>[number];

function option(options: FlagOption[], ...names: string[]): FlagOption | undefined {
  return options.find((o) => names.includes(o.getName().toLowerCase()));
}

export default defineRule({
  meta: {
    id: 'secret-mount-world-readable',
    title: 'Secret or SSH mount readable by every user',
    priority: 'medium',
    category: 'security',
    rationale:
      'A `RUN --mount=type=secret` (or `type=ssh`) is readable by root only unless `mode=` says otherwise; a mode that opens it to other users hands the credential to every process of the step, whatever user it runs as.',
    fixable: false,
    equivalents: { sonar: ['S6469'] },
    appliesTo: 'dockerfile',
    strength: 'Secret and SSH mounts stay readable by their owner only',
  },
  check(ctx) {
    for (const item of instructionsNamed(ctx.file, 'RUN')) {
      for (const flag of flagsNamed(item.instruction, 'mount')) {
        const options = flag.getOptions();
        const type = unquote(option(options, 'type')?.getValue() ?? 'bind').toLowerCase();
        if (type !== 'secret' && type !== 'ssh') continue;
        ctx.applies();
        const mode = option(options, 'mode');
        const value = unquote(mode?.getValue() ?? '');
        if (!mode || !/^[0-7]{1,4}$/.test(value)) continue;
        const bits = parseInt(value, 8);
        if ((bits & 0o007) === 0) continue;
        const id = unquote(option(options, 'id')?.getValue() ?? '') || (type === 'ssh' ? 'default' : unquote(option(options, 'target', 'dst', 'destination')?.getValue() ?? '') || '?');
        ctx.report({
          range: fromLsp(mode.getRange()),
          message: `The ${type} mount \`${id}\` has \`mode=${value}\`, which lets every user read it${bits & 0o002 ? ' (and write it)' : ''}: any process of this step, under any user, gets the credential; keep the default (${type === 'ssh' ? '0600' : '0400'}) and, when the step runs as a non-root \`USER\`, give that user the mount with \`uid=\`/\`gid=\` instead`,
        });
      }
    }
  },
});
