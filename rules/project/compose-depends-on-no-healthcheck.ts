import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import { serviceLinks } from '../../src/model/links.js';
import type { Project } from '../../src/model/project.js';
import { parseImageRef, type ImageRef } from '../../src/parse/image.js';
import { rangeOf, stageAncestry } from '../../src/parse/dockerfile.js';
import { dependenciesOf, healthOf, imageOf, servicesOf, type ServiceView } from '../compose/lib.js';
import { relatedAt } from './lib.js';

/** Docker Official Images never declare a HEALTHCHECK (docker-library policy), so one built on them has none either. */
function isOfficialImage(ref: ImageRef | null): boolean {
  if (!ref) return false;
  const registry = (ref.registry ?? 'docker.io').toLowerCase();
  if (registry !== 'docker.io' && registry !== 'index.docker.io' && registry !== 'registry-1.docker.io') return false;
  return !ref.name.includes('/') || ref.name.startsWith('library/');
}

/**
 * Why the target surely has no healthcheck, or null when it may have one we cannot see (an image from another
 * registry or publisher may declare a HEALTHCHECK).
 */
function surelyNoHealthcheck(project: Project, target: ServiceView): string | null {
  const health = healthOf(target, project);
  if (health.state === 'set') return null;
  if (health.state === 'disabled') return health.source === 'compose' ? 'its healthcheck is disabled in compose' : 'its image disables the healthcheck (`HEALTHCHECK NONE`)';
  const build = serviceLinks(project, target).build;
  if (build) {
    if (!build.dockerfile || !build.stage) return null;
    const chain = stageAncestry(build.stage);
    const root = chain[chain.length - 1].base;
    if (root.isScratch || isOfficialImage(root.ref)) return `neither compose nor \`${build.dockerfile.path}\` gives it one`;
    return null;
  }
  const image = imageOf(target);
  const ref = image ? parseImageRef(image) : null;
  return isOfficialImage(ref) ? `compose gives it none and the official image \`${image}\` declares none` : null;
}

export default defineRule({
  meta: {
    id: 'compose-depends-on-no-healthcheck',
    title: '`service_healthy` dependency that has no healthcheck',
    priority: 'critical',
    category: 'correctness',
    rationale:
      '`depends_on: { x: { condition: service_healthy } }` waits for `x` to report healthy; when `x` has no healthcheck (none in compose, none in its image), Compose refuses to start the dependent service ("dependency failed to start: container x has no healthcheck configured").',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every `service_healthy` dependency has a healthcheck',
  },
  check(ctx) {
    const { project } = ctx;
    for (const service of servicesOf(ctx)) {
      for (const dep of dependenciesOf(service)) {
        if (dep.condition !== 'service_healthy') continue;
        const target = service.view.service(dep.target);
        if (!target || target.partial) continue;
        ctx.applies();
        const why = surelyNoHealthcheck(project, target);
        if (!why) continue;
        const related: Related[] = [relatedAt(target.key, `service \`${target.name}\` is defined here`)];
        const build = serviceLinks(project, target).build;
        if (build?.dockerfile && build.stage) related.push({ path: build.dockerfile.path, line: rangeOf(build.stage.from).line, message: `\`${build.dockerfile.path}\` has no HEALTHCHECK` });
        ctx.report({
          range: dep.range,
          in: dep.in,
          message: `service \`${service.name}\` waits for \`${dep.target}\` to be healthy, but \`${dep.target}\` has no healthcheck (${why}): Compose refuses to start \`${service.name}\` ("dependency failed to start: container has no healthcheck configured")`,
          hint: `add a \`healthcheck:\` to \`${dep.target}\` (or a HEALTHCHECK to its Dockerfile), or wait with \`condition: service_started\``,
          related,
          key: `service:${service.name}:depends_on:${dep.target}:healthy`,
        });
      }
    }
  },
});
