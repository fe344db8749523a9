import { defineRule } from '../../src/engine/rule.js';
import { exposeSpecs } from './expose-invalid.js';

export default defineRule({
  meta: {
    id: 'expose-ssh',
    title: 'SSH port exposed',
    priority: 'medium',
    category: 'security',
    rationale:
      'Exposing port 22 means an SSH daemon runs in the container: another network service, credentials or keys baked into the image, and a second process nobody patches. `docker exec` gives a shell without any of it.',
    fixable: false,
    equivalents: { checkov: ['CKV_DOCKER_1'], sonar: ['S6473'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    for (const spec of exposeSpecs(ctx.file)) {
      ctx.applies();
      if (spec.start === null || spec.end === null || spec.start > 22 || spec.end < 22) continue;
      if (spec.proto !== null && spec.proto.toLowerCase() !== 'tcp') continue;
      ctx.report({
        range: spec.range,
        message: `\`EXPOSE ${spec.text}\` advertises SSH: an sshd in the container adds a network service, keys or passwords in the image and a process to patch; use \`docker exec\` (or \`kubectl exec\`) for a shell and drop it, unless the image is an SSH server by design (a git host, a bastion)`,
      });
    }
  },
});
