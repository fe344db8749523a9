import { defineRule } from '../../src/engine/rule.js';
import { rangeAt } from '../../src/parse/compose.js';
import { asMap, interpolate, judgedServices, scalarText, servicePath } from './lib.js';

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
    const { file } = ctx;
    for (const { service, data } of judgedServices(ctx)) {
      const logging = asMap(data.logging);
      const driverText = scalarText(logging?.driver);
      const driver = driverText === null ? null : interpolate(driverText);
      if (driver && (driver.unresolved || (driver.value !== '' && driver.value !== 'json-file'))) continue;
      const options = asMap(logging?.options);
      if (options && scalarText(options['max-size']) !== null) continue;
      const own = data === service.data || 'logging' in service.data;
      const range = logging && own
        ? rangeAt(file, servicePath(service, 'logging', ...(driverText !== null ? ['driver'] : [])))
        : service.keyRange;
      ctx.report({
        range,
        message: logging
          ? `service \`${service.name}\` logs to \`json-file\` without \`max-size\`: its logs grow without bound and can fill the disk`
          : `service \`${service.name}\` has no \`logging\` options: with Docker's default \`json-file\` driver its logs grow without bound and can fill the disk`,
        hint: 'add `logging: { driver: json-file, options: { max-size: 10m, max-file: "3" } }` (a shared `x-logging: &logging` anchor keeps it short), use the `local` driver, or set `log-opts` in the daemon\'s daemon.json',
        key: `service:${service.name}`,
      });
    }
  },
});
