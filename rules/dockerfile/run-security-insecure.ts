import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';
import { flagNamed, flagValueAt, instructionsNamed } from './lib/instructions.js';

export default defineRule({
  meta: {
    id: 'run-security-insecure',
    title: '`RUN --security=insecure`',
    priority: 'high',
    category: 'security',
    rationale:
      '`RUN --security=insecure` runs the step without the build sandbox, like `docker run --privileged`: the commands it runs, and every package script they pull in, get all capabilities and the host\'s devices, and can take over the machine doing the build.',
    fixable: false,
    equivalents: { sonar: ['S6502'], semgrep: ['run-security-insecure'] },
    appliesTo: 'dockerfile',
    strength: 'Every RUN step stays inside the build sandbox',
  },
  check(ctx) {
    const file = ctx.file;
    for (const item of instructionsNamed(file, 'RUN')) {
      ctx.applies();
      const flag = flagNamed(item.instruction, 'security');
      if (!flag || flagValueAt(file, item, flag)?.toLowerCase() !== 'insecure') continue;
      const where = item.onbuild ? ' (through `ONBUILD`, in every build FROM this image)' : '';
      ctx.report({
        range: fromLsp(flag.getRange()),
        message: `\`--security=insecure\` runs this step without the build sandbox${where}, with every capability and the host's devices: what it runs (installers, package scripts) can take over the build machine; find the one operation that needs privileges and do it another way (a capability-free tool, a pre-built artifact), or at run time`,
      });
    }
  },
});
