import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, stageAncestry, stageInstructions, targetStage } from '../../src/parse/dockerfile.js';
import { unquote } from './lib/instructions.js';

export default defineRule({
  meta: {
    id: 'user-non-numeric',
    title: 'Final USER given by name, not UID',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Kubernetes cannot tell whether a user name is root: with `runAsNonRoot: true` (required by the "restricted" Pod Security Standard) a pod whose image says `USER app` is refused with "image has non-numeric user, cannot verify user is non-root". `USER 10001` (or `10001:10001`) passes.',
    fixable: false,
    enabledByDefault: false,
    equivalents: { hadolint: ['DL3066'] },
    appliesTo: 'dockerfile',
    strength: 'The final image runs as a numeric UID',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final) return;
    // The USER the image runs as: the last one of the final stage or of the stages it builds on.
    for (const stage of stageAncestry(final)) {
      const users = stageInstructions(stage, 'USER');
      if (!users.length) continue;
      const user = users[users.length - 1];
      ctx.applies();
      const written = unquote(user.getArguments().map((a) => a.getValue()).join(' '));
      if (!written) return;
      const { value, unresolved } = expandAt(file, stage, user, written);
      if (unresolved) return;
      const name = value.split(':')[0];
      // root is user-root's business; `ContainerUser` and friends are Windows, where UIDs do not exist.
      if (name === '' || /^\d+$/.test(name) || name === 'root' || /^container(user|administrator)$/i.test(name)) return;
      ctx.report({
        range: rangeOf(user),
        message: `The image runs as the user name \`${name}\`: Kubernetes with \`runAsNonRoot: true\` refuses to start it ("non-numeric user, cannot verify user is non-root"); give the UID instead, e.g. \`USER 10001\` (\`id -u ${name}\` in the image tells it)`,
      });
      return;
    }
  },
});
