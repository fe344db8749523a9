import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import { servicesOf } from '../compose/lib.js';
import { closest, relatedAt } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-service-no-image',
    title: 'Service with neither `image` nor `build`',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'Every service needs an image to run: one that has neither `image` nor `build` once the override files are merged (typically an override that adds a service the base file does not define, or names it differently) makes Compose reject the whole project ("has neither an image nor a build context specified").',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every service has an image or a build once overrides are merged',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      // `extends` from a file outside the review may bring the image; provider services have none by design.
      if (service.partial || service.data.provider !== undefined) continue;
      ctx.applies();
      const { build, image } = service.data;
      if ((build !== undefined && build !== null) || (image !== undefined && image !== null)) continue;
      const view = service.view;
      const overlay = view.files.indexOf(service.file) > 0;
      const related: Related[] = [];
      let detail = '';
      let hint = 'add `image:` or `build:` to the service';
      if (overlay) {
        const base = view.files[0];
        const baseNames = base.services.map((s) => s.name);
        const guess = closest(service.name, baseNames);
        detail = `; \`${base.path}\` defines no service \`${service.name}\`${guess ? ` (it has \`${guess}\`)` : baseNames.length ? ` (its services: ${baseNames.map((n) => `\`${n}\``).join(', ')})` : ''}, so nothing merges one in`;
        hint = guess
          ? `rename the override's service to \`${guess}\` so it merges with the base one, or add \`image:\`/\`build:\``
          : `add \`build:\` (or \`image:\`) to the service in \`${service.file.path}\`, or define it in \`${base.path}\``;
        if (guess) {
          const baseService = view.service(guess);
          if (baseService) related.push(relatedAt(baseService.key, `the base file's service \`${guess}\``));
        }
      }
      ctx.report({
        ...service.key,
        message: `service \`${service.name}\` has neither \`image\` nor \`build\` in \`${view.label}\`${detail}: Compose rejects the whole project ("service has neither an image nor a build context specified")`,
        hint,
        related: related.length ? related : undefined,
        key: `service:${service.name}:no-image`,
      });
    }
  },
});
