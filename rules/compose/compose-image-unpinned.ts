import { defineRule } from '../../src/engine/rule.js';
import { parseImageRef } from '../../src/parse/image.js';
import { imageOf, servicesOf } from './lib.js';

/** Tags that move by design (dclint's list, plus branch names). */
const MUTABLE_TAGS = new Set(['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'develop', 'beta', 'canary', 'lts', 'main', 'master', 'current', 'rolling']);

export default defineRule({
  meta: {
    id: 'compose-image-unpinned',
    title: 'Image without a fixed version',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'An image without a tag means `:latest`; it and tags such as `stable` or `nightly` move: each pull or new host can run a different version, so a deploy can break with no change in the repository and cannot be rolled back.',
    fixable: false,
    equivalents: { dclint: ['service-image-require-explicit-tag'] },
    appliesTo: 'compose',
    strength: 'Every image is pinned to a version tag or digest',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      // With `build`, `image` names what the build produces.
      if (service.data.build !== undefined && service.data.build !== null) continue;
      const image = imageOf(service);
      const ref = image ? parseImageRef(image) : null;
      if (!ref) continue;
      ctx.applies();
      if (ref.digest) continue;
      const tag = ref.tag?.toLowerCase() ?? null;
      if (tag !== null && !MUTABLE_TAGS.has(tag)) continue;
      const name = ref.registry ? `${ref.registry}/${ref.name}` : ref.name;
      ctx.report({
        ...service.at('image'),
        message: tag === null
          ? `service \`${service.name}\` uses \`${name}\` without a tag, i.e. \`${name}:latest\`: every pull can bring a different version`
          : `service \`${service.name}\` uses the moving tag \`${name}:${ref.tag}\`: every pull can bring a different version`,
        hint: `pin a version (\`${name}:<version>\`, as precise as you need) or a digest (\`${name}:<version>@sha256:…\`) and update it on purpose (Renovate and Dependabot can)`,
        key: `service:${service.name}:image`,
      });
    }
  },
});
