import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';
import { flagNamed, flagValueAt, instructionsNamed } from './lib/instructions.js';

export default defineRule({
  meta: {
    id: 'run-network-host',
    title: '`RUN --network=host`',
    priority: 'medium',
    category: 'security',
    rationale:
      '`RUN --network=host` gives the step the build machine\'s network: it can reach services that listen only on the host\'s localhost (Docker API proxies, databases, cloud metadata endpoints), and the build stops being reproducible on another machine.',
    fixable: false,
    equivalents: { sonar: ['S6431'] },
    appliesTo: 'dockerfile',
    strength: 'RUN steps use the build\'s own isolated network',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of instructionsNamed(file, 'RUN')) {
      ctx.applies();
      const flag = flagNamed(item.instruction, 'network');
      if (!flag || flagValueAt(file, item, flag)?.toLowerCase() !== 'host') continue;
      const where = item.onbuild ? ' (through `ONBUILD`, in every build FROM this image)' : '';
      ctx.report({
        range: fromLsp(flag.getRange()),
        message: `\`--network=host\` shares the build machine's network with this step${where}: it can reach every service listening on the host's localhost and private networks, and the result depends on the machine that builds it; use the default network (reach a package mirror by its address) or \`--network=none\` when nothing needs fetching`,
      });
    }
  },
});
