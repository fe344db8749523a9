import { defineRule } from '../../src/engine/rule.js';
import { serviceLinks, type PathRef } from '../../src/model/links.js';
import { servicesOf } from '../compose/lib.js';
import { roleLabel } from './lib.js';

/** Absolute and home paths are judged for these; bind mounts of host paths (`/var/log`) are normal. */
const ABSOLUTE_JUDGED = new Set<PathRef['role']>(['build.context', 'build.dockerfile', 'env_file', 'config']);

export default defineRule({
  meta: {
    id: 'compose-path-outside-repo',
    title: 'Compose refers to files outside the repository',
    priority: 'high',
    category: 'security',
    rationale:
      'A build context, Dockerfile, env file or config file outside the repository (`../../shared`, `/home/me/app`), or a relative bind mount that climbs out of it, makes the stack depend on files nobody reviews and that no other checkout has: the image can contain anything, and the build breaks on every other machine.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every path compose uses stays inside the repository',
  },
  check(ctx) {
    const { project } = ctx;
    for (const service of servicesOf(ctx)) {
      let contextOutside = false;
      for (const ref of serviceLinks(project, service).paths) {
        // Secrets are kept out of repositories on purpose; a Dockerfile inside an outside context is that context's finding.
        if (ref.role === 'secret' || (ref.role === 'build.dockerfile' && contextOutside)) continue;
        if (ref.role === 'build.context' && ref.location !== 'inside' && ref.location !== 'unknown') contextOutside = true;
        if (ref.location === 'inside' || ref.location === 'outside' || ((ref.location === 'absolute' || ref.location === 'home') && ABSOLUTE_JUDGED.has(ref.role))) ctx.applies();
        const outside = ref.location === 'outside';
        const absolute = (ref.location === 'absolute' || ref.location === 'home') && ABSOLUTE_JUDGED.has(ref.role);
        if (!outside && !absolute) continue;
        const label = roleLabel(ref);
        const where = outside ? 'climbs out of the repository' : ref.location === 'home' ? 'is in a home folder, outside the repository' : 'is an absolute host path, outside the repository';
        const effect =
          ref.role === 'build.context' || ref.role === 'build.dockerfile'
            ? 'the image is built from files this repository does not hold, which nobody reviewing it sees and no other checkout or CI runner has'
            : ref.role === 'bind'
              ? 'the container reads or writes host files this repository neither holds nor describes, and the mount breaks (or silently mounts an empty folder) on any other machine'
              : 'the service depends on a file this repository does not hold, so it starts differently (or not at all) on any other machine';
        ctx.report({
          ...ref.place,
          message: `service \`${service.name}\`: the ${label} \`${ref.written}\` ${where}: ${effect}`,
          hint:
            ref.role === 'bind'
              ? 'keep mounted files inside the repository (relative to the compose file), or use a named volume'
              : 'move what it needs into the repository (or a published image / registry), and refer to it relative to the compose file',
          key: `service:${service.name}:${ref.role}:outside:${ref.value}`,
        });
      }
    }
  },
});
