import { defineRule } from '../../src/engine/rule.js';
import { asMap, interpolate, judgedServices, scalarText } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-logging-unbounded',
    title: 'Container logs without rotation',
    priority: 'low',
    category: 'reliability',
    rationale:
      "Docker's default `json-file` log driver keeps every line a container prints unless `max-size` is set: logs grow without bound and eventually fill the disk.",
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every service rotates its logs',
  },
  check(ctx) {
    for (const { service, data } of judgedServices(ctx)) {
      const logging = asMap(data.logging);
      const driverText = scalarText(logging?.driver);
      const driver = driverText === null ? null : interpolate(driverText, service);
      if (driver && (driver.unresolved || (driver.value !== '' && driver.value !== 'json-file'))) continue;
      const options = asMap(logging?.options);
      if (options && scalarText(options['max-size']) !== null) continue;
      // On the `logging:` this service's file wrote (else on the service): an anchor or another file may set it.
      const place = logging ? service.at('logging', ...(driverText !== null ? ['driver'] : [])) : service.key;
      const inherited = service.origin('logging')?.path[1] !== service.name;
      ctx.report({
        ...(place.in === service.file.path && !inherited ? place : service.key),
        message: logging
          ? `service \`${service.name}\` logs to \`json-file\` without \`max-size\`: its logs grow without bound and can fill the disk`
          : `service \`${service.name}\` has no \`logging\` options: with Docker's default \`json-file\` driver its logs grow without bound and can fill the disk`,
        hint: 'add `logging: { driver: json-file, options: { max-size: 10m, max-file: "3" } }` (a shared `x-logging: &logging` anchor keeps it short), use the `local` driver, or set `log-opts` in the daemon\'s daemon.json',
        key: `service:${service.name}`,
      });
    }
  },
});
