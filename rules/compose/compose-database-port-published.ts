import { defineRule } from '../../src/engine/rule.js';
import type { Fix } from '../../src/engine/types.js';
import type { ComposeFile } from '../../src/parse/compose.js';
import { imageRepository, isAllInterfaces, isWrittenScalar, portsOf, type PortSpec } from './lib.js';

/** Databases, caches, search engines and brokers, by the image's last path segment. */
const DATA_STORES = new Set([
  'postgres', 'postgresql', 'postgis', 'timescaledb', 'timescaledb-ha', 'pgvector', 'mysql', 'mysql-server', 'mariadb',
  'percona', 'percona-server', 'mongo', 'mongodb', 'mongodb-community-server', 'mongodb-enterprise-server', 'redis',
  'redis-stack', 'redis-stack-server', 'redismod', 'valkey', 'keydb', 'dragonfly', 'memcached', 'elasticsearch', 'opensearch',
  'cassandra', 'scylla', 'couchdb', 'couchbase', 'couchbase-server', 'neo4j', 'rabbitmq', 'clickhouse',
  'clickhouse-server', 'influxdb', 'azure-sql-edge', 'cockroach', 'arangodb', 'surrealdb', 'questdb', 'qdrant', 'etcd',
  'zookeeper', 'solr', 'kafka', 'cp-kafka', 'redpanda',
]);

/** The data store a repository path names (`bitnami/postgresql` → `postgresql`, `mssql/server` → `mssql`), or null. */
function dataStoreOf(repository: string): string | null {
  const segments = repository.split('/');
  const last = segments[segments.length - 1];
  if (DATA_STORES.has(last)) return last;
  return segments.includes('mssql') ? 'mssql' : null;
}

/** `"5432:5432"` → `"127.0.0.1:5432:5432"` when the entry is a plain `HOST:CONTAINER` string on one line. */
function loopbackEdit(file: ComposeFile, spec: PortSpec): { line: number; column: number; endColumn: number; text: string } | null {
  const r = spec.range;
  if (spec.syntax !== 'short' || r.line !== r.endLine || !isWrittenScalar(file, spec.path)) return null;
  const token = file.lines[r.line - 1].slice(r.column - 1, r.endColumn - 1);
  const quote = token[0] === '"' || token[0] === "'" ? token[0] : '';
  const inner = quote ? token.slice(1, -1) : token;
  if (!/^\d+(-\d+)?:\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(inner)) return null;
  return { line: r.line, column: r.column, endColumn: r.endColumn, text: `${quote}127.0.0.1:${inner}${quote}` };
}

/** One fix per line, with every edit on it (a flow list holds several entries on one line). */
function lineFixes(file: ComposeFile, specs: PortSpec[]): Map<number, Fix> {
  const edits = specs.map((spec) => loopbackEdit(file, spec)).filter((e): e is NonNullable<typeof e> => e !== null);
  const fixes = new Map<number, Fix>();
  for (const line of new Set(edits.map((e) => e.line))) {
    let text = file.lines[line - 1];
    for (const e of edits.filter((x) => x.line === line).sort((a, b) => b.column - a.column)) {
      text = `${text.slice(0, e.column - 1)}${e.text}${text.slice(e.endColumn - 1)}`;
    }
    fixes.set(line, { line, endLine: line, replacement: text });
  }
  return fixes;
}

export default defineRule({
  meta: {
    id: 'compose-database-port-published',
    title: 'Database port published on every interface',
    priority: 'medium',
    category: 'security',
    rationale:
      'A database, cache or broker published with `ports:` listens on every interface of the host, and Docker\'s port publishing bypasses host firewalls such as ufw: it is reachable from the network, often with a default password or none.',
    fixable: true,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Databases and caches are not published to the network',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of file.services) {
      const repo = imageRepository(service);
      const store = repo ? dataStoreOf(repo) : null;
      if (!store) continue;
      ctx.applies();
      const exposed = portsOf(file, service).filter((spec) => isAllInterfaces(spec));
      const fixes = lineFixes(file, exposed);
      for (const spec of exposed) {
        const host = spec.hostPort ?? 'a random port';
        const hostText = spec.hostPort ? `port \`${spec.hostPort}\`` : 'a random host port';
        ctx.report({
          range: spec.range,
          message: `service \`${service.name}\` (\`${store}\`) publishes ${hostText} on every host interface: the ${store} server is reachable from the network, and Docker's published ports bypass host firewalls like ufw`,
          hint: `bind it to the loopback for local tools (\`127.0.0.1:${spec.hostPort ?? ''}:${spec.containerPort}\`), or remove \`ports:\`: other services reach it on the Compose network as \`${service.name}:${spec.containerPort}\``,
          fix: loopbackEdit(file, spec) ? fixes.get(spec.range.line) : undefined,
          key: `service:${service.name}:port:${host}:${spec.containerPort}`,
        });
      }
    }
  },
});
