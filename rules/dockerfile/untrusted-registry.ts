import { defineRule } from '../../src/engine/rule.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

/** The names Docker Hub goes by: an image without a registry comes from it. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/** True when `registry` (lower case, with its port) is one of `trusted`: exact, `*.domain` for subdomains, `*` for any. */
export function isTrusted(registry: string, trusted: readonly string[]): boolean {
  const hub = DOCKER_HUB.has(registry);
  return trusted.some((entry) => {
    const t = entry.toLowerCase();
    if (t === '*' || t === registry || (hub && DOCKER_HUB.has(t))) return true;
    return t.startsWith('*.') && registry.endsWith(t.slice(1));
  });
}

export default defineRule({
  meta: {
    id: 'untrusted-registry',
    title: 'Base image from an untrusted registry',
    priority: 'medium',
    category: 'security',
    rationale:
      'Where the organisation allows base images from only some registries (its mirror, a vetted vendor), a FROM pulling from anywhere else bypasses the scanning and provenance that list stands for.',
    fixable: false,
    equivalents: { hadolint: ['DL3026'] },
    appliesTo: 'dockerfile',
    // On when a trusted list is configured (`trusted-registries`, or `trustedRegistries` in .hadolint.yaml).
    enabledByDefault: false,
    strength: 'Base images come from trusted registries',
  },
  check(ctx) {
    const trusted = ctx.options.trustedRegistries;
    if (!trusted) return;
    for (const stage of ctx.file.stages) {
      const { base } = stage;
      // Earlier stages, scratch, and images an ARG without a value decides cannot be judged here.
      if (base.stage || base.isScratch || base.unresolved || !base.ref) continue;
      ctx.applies();
      const registry = (base.ref.registry ?? 'docker.io').toLowerCase();
      if (isTrusted(registry, trusted)) continue;
      const imageRange = stage.from.getImageRange();
      const expanded = base.written !== base.ref.raw ? ` (\`${base.written}\` after ARG expansion)` : '';
      const where = base.ref.registry ? `\`${registry}\`` : 'Docker Hub (`docker.io`, no registry named)';
      ctx.report({
        range: imageRange ? fromLsp(imageRange) : rangeOf(stage.from),
        message: `base image \`${base.ref.raw}\`${expanded} comes from ${where}, which is not a trusted registry (trusted: ${trusted.map((t) => `\`${t}\``).join(', ')})`,
        hint: 'Pull the image through a trusted registry (a mirror or a vetted vendor), or add the registry to the trusted list if it is one.',
        key: `stage:${stage.index}:${registry}/${base.ref.name}`,
      });
    }
  },
});
