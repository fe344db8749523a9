import { defineRule } from '../../src/engine/rule.js';
import { interpolate, mayRunTogether, replicasOf, scalarText, servicesOf, type ServiceView } from './lib.js';

/** What Docker accepts as a container name. */
const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export default defineRule({
  meta: {
    id: 'compose-container-name-invalid',
    title: '`container_name` that cannot be created',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'Container names are unique on a Docker host and limited to letters, digits, `_`, `.` and `-`: a name used by two services of the stack, a name with other characters, or a name on a service with several replicas makes `docker compose up` fail.',
    fixable: false,
    equivalents: { dclint: ['no-duplicate-container-names', 'service-container-name-regex'] },
    appliesTo: 'compose',
    strength: 'Every `container_name` is valid and unique',
  },
  check(ctx) {
    const seen = new Map<string, ServiceView[]>();
    for (const service of servicesOf(ctx)) {
      const text = scalarText(service.data.container_name);
      if (text === null) continue;
      ctx.applies();
      const { value, unresolved } = interpolate(text, service);
      if (unresolved) continue;
      const name = value.trim();
      const place = service.at('container_name');
      if (!VALID.test(name)) {
        ctx.report({
          ...place,
          message: `service \`${service.name}\` sets \`container_name: ${name}\`, which Docker rejects: a container name is at least two characters, starts with a letter or digit and holds only letters, digits, \`_\`, \`.\` and \`-\``,
          hint: 'rename it (e.g. `acme-web`), or remove `container_name` and let Compose name the container `<project>-<service>-1`',
          key: `service:${service.name}:container_name:invalid`,
        });
        continue;
      }
      const replicas = replicasOf(service);
      if (replicas > 1) {
        ctx.report({
          ...place,
          message: `service \`${service.name}\` runs ${replicas} replicas with the fixed \`container_name: ${name}\`: container names are unique, so Compose refuses to start it`,
          hint: 'remove `container_name` (Compose names the replicas `<project>-<service>-1`, `-2`, …) or run one replica',
          key: `service:${service.name}:container_name:replicas`,
        });
      }
      const before = (seen.get(name) ?? []).find((other) => mayRunTogether(other, service));
      seen.set(name, [...(seen.get(name) ?? []), service]);
      if (!before) continue;
      ctx.report({
        ...place,
        message: `service \`${service.name}\` uses \`container_name: ${name}\`, already the name of service \`${before.name}\`'s container: the second one to be created fails with "the container name is already in use"`,
        hint: 'give each service its own `container_name`, or remove it and let Compose name the containers; if only one of them should run at a time, put them in different `profiles`',
        key: `service:${service.name}:container_name:duplicate`,
      });
    }
  },
});
