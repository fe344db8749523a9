import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

export default defineRule({
  meta: {
    id: 'base-image-unpinned',
    title: 'Base image not pinned',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'A FROM without a tag, or with `latest`, builds on whatever the registry serves that day: a rebuild of an unchanged Dockerfile can pull a new major version and break.',
    fixable: false,
    equivalents: { hadolint: ['DL3006', 'DL3007'], checkov: ['CKV_DOCKER_7'], trivy: ['DS-0001'], sonar: ['S6596'] },
    appliesTo: 'dockerfile',
    strength: 'Base images are pinned to a tag or digest',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const { base } = stage;
      // Earlier stages, scratch, and images an ARG without a default decides cannot be judged here.
      if (base.stage || base.isScratch || base.unresolved || !base.ref) continue;
      ctx.applies();
      const ref = base.ref;
      if (ref.digest || (ref.tag !== null && ref.tag !== 'latest')) continue;
      const imageRange = stage.from.getImageRange();
      const expanded = base.written !== ref.raw ? ` (\`${base.written}\` after ARG expansion)` : '';
      const name = ref.registry ? `${ref.registry}/${ref.name}` : ref.name;
      const what = ref.tag === null ? `has no tag, so it defaults to \`latest\`` : 'uses the `latest` tag';
      ctx.report({
        range: imageRange ? fromLsp(imageRange) : rangeOf(stage.from),
        message: `base image \`${ref.raw}\`${expanded} ${what}: each build may get a different image; pin a version tag (\`${name}:<version>\`) or a digest (\`${name}@sha256:…\`)`,
        key: `stage:${stage.index}:${name}`,
      });
    }
  },
});
