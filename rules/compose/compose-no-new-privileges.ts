import { defineRule } from '../../src/engine/rule.js';
import { scalarText, servicesOf } from './lib.js';

const NNP = /^no-new-privileges(?:[:=](.*))?$/i;

export default defineRule({
  meta: {
    id: 'compose-no-new-privileges',
    title: 'Service can gain new privileges',
    priority: 'low',
    category: 'security',
    rationale:
      'Without `no-new-privileges`, a process in the container can gain privileges through setuid or setgid binaries (su, sudo, a vulnerable helper); the option closes that path for almost no cost.',
    fixable: false,
    equivalents: { kics: ['No New Privileges Not Set', 'Security Opt Not Set'], semgrep: ['no-new-privileges'] },
    appliesTo: 'compose',
    strength: 'Every service sets `no-new-privileges`',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const data = service.data;
      const opts = Array.isArray(data.security_opt) ? data.security_opt : [];
      const index = opts.findIndex((o) => NNP.test(scalarText(o)?.trim() ?? ''));
      if (index >= 0) {
        ctx.applies();
        const value = NNP.exec(scalarText(opts[index])!.trim())![1];
        if (value === undefined || /^(true|1)$/i.test(value.trim())) continue;
        ctx.report({
          ...service.at('security_opt', index),
          message: `service \`${service.name}\` turns \`no-new-privileges\` off: setuid binaries in it can raise a process's privileges`,
          hint: 'set `no-new-privileges:true`',
          key: `service:${service.name}`,
        });
        continue;
      }
      // Missing: judged on the service in the file that defines it.
      if (service.file !== file || service.partial) continue;
      ctx.applies();
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` does not set \`no-new-privileges\`: setuid binaries in it can raise a process's privileges`,
        hint: 'add `security_opt: ["no-new-privileges:true"]` (images that switch user with su or sudo at start need gosu/su-exec or a USER instead)',
        key: `service:${service.name}`,
      });
    }
  },
});
