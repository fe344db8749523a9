import { defineRule } from '../../src/engine/rule.js';
import { buildOf, healthOf, imageRepository, judgedServices } from './lib.js';

/** A probe that works in the official image, by the image's last path segment. */
const PROBES: Record<string, string> = {
  postgres: '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]',
  postgis: '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]',
  mysql: '["CMD", "mysqladmin", "ping", "-h", "localhost"]',
  mariadb: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]',
  redis: '["CMD", "redis-cli", "ping"]',
  valkey: '["CMD", "valkey-cli", "ping"]',
  mongo: '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]',
  rabbitmq: '["CMD", "rabbitmq-diagnostics", "-q", "ping"]',
};

export default defineRule({
  meta: {
    id: 'compose-healthcheck-missing',
    title: 'Service without a healthcheck',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'Without a healthcheck Compose only knows that the process is running, not that it answers: `depends_on` cannot wait for readiness and a hung service is never noticed.',
    fixable: false,
    equivalents: { kics: ['Healthcheck Not Set'] },
    appliesTo: 'compose',
    strength: 'Every service has a healthcheck',
  },
  check(ctx) {
    const { project } = ctx;
    for (const { service } of judgedServices(ctx)) {
      if (healthOf(service, project).state !== 'absent') continue;
      const build = buildOf(service, project);
      const where = build?.dockerfile ? ` (nor a HEALTHCHECK in \`${build.dockerfile.path}\`)` : '';
      const repo = imageRepository(service);
      const probe = repo ? PROBES[repo.split('/').pop()!] : undefined;
      ctx.report({
        range: service.keyRange,
        message: `service \`${service.name}\` has no \`healthcheck\`${where}: Compose cannot tell when it is ready or hung, and \`depends_on\` cannot wait for it`,
        hint: probe
          ? `add \`healthcheck: { test: ${probe}, interval: 10s, timeout: 5s, retries: 5 }\``
          : build
            ? 'add a `healthcheck:` with a `test` that probes the service itself (e.g. `["CMD", "curl", "-fsS", "http://localhost:8080/health"]` if the image has curl), or a HEALTHCHECK in its Dockerfile'
            : 'add a `healthcheck:` with a `test` that probes the service itself (e.g. `["CMD", "wget", "-qO-", "http://localhost:8080/health"]`, using a tool the image has)',
        key: `service:${service.name}`,
      });
    }
  },
});
