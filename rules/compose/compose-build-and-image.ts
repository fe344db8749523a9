import { defineRule } from '../../src/engine/rule.js';
import { servicesOf } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-build-and-image',
    title: 'Both `build` and `image` without `pull_policy`',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'With both `build` and `image`, Compose first tries to pull `image` and builds only if that fails: a stale or someone else\'s image with that name can run instead of the local code. `pull_policy: build` (or `never`/`missing`) says which one wins.',
    fixable: false,
    equivalents: { dclint: ['no-build-and-image'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Built services say whether their image is pulled or built',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      const { data } = service;
      if (data.build === undefined || data.build === null) continue;
      ctx.applies();
      if (data.image === undefined || data.image === null || (data.pull_policy !== undefined && data.pull_policy !== null)) continue;
      ctx.report({
        ...service.at('image'),
        message: `service \`${service.name}\` has both \`build\` and \`image\` but no \`pull_policy\`: \`docker compose up\` may pull \`image\` instead of building the local code`,
        hint: 'add `pull_policy: build` to always build (the built image is still tagged `image`), or remove `build` if the image comes from a registry',
        key: `service:${service.name}:image`,
      });
    }
  },
});
