import { defineRule } from '../../src/engine/rule.js';
import { dataStoreOfService, environmentOf, interpolate, portsOf, scalarText, servicesOf, type ServiceView } from './lib.js';

/** Variable names that name where to connect: `DATABASE_URL`, `REDIS_HOST`, `KAFKA_BOOTSTRAP_SERVERS`, … */
const TARGET_NAME = /(^|_)(URLS?|URIS?|HOSTS?|HOSTNAME|ADDR|ADDRESS|DSN|ENDPOINTS?|SERVERS?|BROKERS?|NODES|CONNECTION_?STRING|CONN_?STR)$|^ConnectionStrings__/i;
/** Name endings that are as often the service's own name or listen address as a connection target. */
const WEAK_TARGET_NAME = /(^|_)(HOSTNAME|ADDR|ADDRESS)$/i;
/** Values read by a browser on the developer's machine, where `localhost` is right (`NEXT_PUBLIC_API_URL`, `VITE_…`). */
const BROWSER_PREFIX = /^(NEXT_PUBLIC|VITE|REACT_APP|VUE_APP|NUXT_PUBLIC|NUXT_ENV|EXPO_PUBLIC|GATSBY|PUBLIC|NG_APP|STORYBOOK|SVELTEKIT_PUBLIC|ASTRO_PUBLIC)_/i;
/** Tokens of names that are not connection targets: public/redirect URLs, advertised or listen addresses, the service's own URL. */
const NOT_A_TARGET = /(^|_)(PUBLIC|EXTERNAL|BROWSER|FRONTEND|REDIRECTS?|CALLBACKS?|RETURN|ORIGINS?|CORS|ALLOWED|TRUSTED|CSRF|ADVERTISED|LISTEN|LISTENERS?|BIND|ISSUER|AUDIENCE|HEALTH|HEALTHCHECK|SELF|CANONICAL|DOMAIN|VIRTUAL|PROXY|WEBHOOK)(_|$)/i;
/** `<X>_URL` where X names the application's own address as users see it (`SITE_URL`, `APP_URL`, `NEXTAUTH_URL`). */
const OWN_ADDRESS = /(^|_)(SITE|APP|BASE|ROOT|WEB|WEBAPP|HOME|CLIENT|UI|DASHBOARD|NEXTAUTH|AUTH|SERVER|SERVICE|NGINX)_(URL|URI|HOST|HOSTNAME|ADDR|ADDRESS)$/i;

const SCHEME_PORTS: Record<string, number> = {
  postgres: 5432, postgresql: 5432, mysql: 3306, mariadb: 3306, redis: 6379, rediss: 6379, mongodb: 27017, amqp: 5672, amqps: 5671,
  nats: 4222, kafka: 9092, memcached: 11211, sqlserver: 1433, mssql: 1433, http: 80, https: 443, ws: 80, wss: 443,
};
/** Ports data stores listen on by default, by the store's name. */
const STORE_PORTS: Record<string, number[]> = {
  postgres: [5432], postgresql: [5432], postgis: [5432], timescaledb: [5432], 'timescaledb-ha': [5432], pgvector: [5432],
  mysql: [3306], 'mysql-server': [3306], mariadb: [3306], percona: [3306], 'percona-server': [3306], mongo: [27017], mongodb: [27017],
  redis: [6379], 'redis-stack': [6379], 'redis-stack-server': [6379], valkey: [6379], keydb: [6379], dragonfly: [6379],
  memcached: [11211], elasticsearch: [9200], opensearch: [9200], rabbitmq: [5672, 15672], kafka: [9092], 'cp-kafka': [9092], redpanda: [9092],
  cassandra: [9042], scylla: [9042], couchdb: [5984], neo4j: [7687, 7474], clickhouse: [8123, 9000], 'clickhouse-server': [8123, 9000],
  influxdb: [8086], mssql: [1433], 'azure-sql-edge': [1433], zookeeper: [2181], etcd: [2379], qdrant: [6333], solr: [8983], arangodb: [8529],
};
/** Words in variable names that mean a kind of data store. */
const STORE_WORDS: Record<string, string[]> = {
  postgres: ['postgres', 'postgresql', 'postgis', 'timescaledb', 'timescaledb-ha', 'pgvector'],
  mysql: ['mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server'],
  mongo: ['mongo', 'mongodb'],
  redis: ['redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb', 'dragonfly'],
  elasticsearch: ['elasticsearch', 'opensearch'],
  rabbitmq: ['rabbitmq'],
  kafka: ['kafka', 'cp-kafka', 'redpanda'],
};
const WORD_ALIASES: Record<string, string> = {
  pg: 'postgres', postgresql: 'postgres', psql: 'postgres', mariadb: 'mysql', mongodb: 'mongo', elastic: 'elasticsearch', es: 'elasticsearch',
  opensearch: 'elasticsearch', amqp: 'rabbitmq', rabbit: 'rabbitmq', valkey: 'redis', cache: 'redis', celery: 'redis',
};

interface Target {
  /** `localhost:5432`, as shown. */
  shown: string;
  port: number | null;
  scheme: string | null;
  password: string | null;
}

function isLocal(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1';
}

/** Every `localhost` the value connects to: URLs (`postgres://u:p@localhost:5432/db`), bare `host[:port]`, `Server=localhost,1433`. */
function localTargets(value: string): Target[] {
  const out: Target[] = [];
  const add = (host: string, portText: string | undefined, scheme: string | null, password: string | null) => {
    if (!isLocal(host)) return;
    const port = portText ? Number(portText) : scheme ? (SCHEME_PORTS[scheme.replace(/^jdbc:/, '')] ?? null) : null;
    out.push({ shown: portText ? `${host}:${portText}` : host, port, scheme, password });
  };
  for (const url of value.matchAll(/([a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)?):\/\/(?:([^@\s/]*)@)?(\[[0-9a-f:]+\]|[^\s:/,;?#"'\]]+)(?::(\d+))?/gi)) {
    const userinfo = url[2];
    const colon = userinfo ? userinfo.indexOf(':') : -1;
    add(url[3], url[4], url[1].toLowerCase(), colon >= 0 ? userinfo!.slice(colon + 1) : null);
  }
  if (out.length || value.includes('://')) return out;
  for (const part of value.split(/[;\s"'[\]]+/)) {
    // `Server=localhost,1433` (SQL Server's host,port) or a comma-separated list of `host[:port]`.
    const kv = /^(server|host|hostname|data source|address|addr)=(.*)$/i.exec(part);
    const tokens = kv ? [kv[2].replace(/^([^,]+),(\d+)$/, '$1:$2')] : part.split(',');
    for (const token of tokens) {
      const m = /^(\[[0-9a-f:]+\]|[^:]+)(?::(\d+))?$/i.exec(token.trim());
      if (m) add(m[1], m[2], null, null);
    }
  }
  return out;
}

/** Container ports a service listens on, as far as the file says (`ports` targets and `expose`). */
function ownPorts(service: ServiceView): Set<number> {
  const ports = new Set<number>();
  for (const spec of portsOf(service)) {
    const m = /^(\d+)(?:-(\d+))?/.exec(spec.containerPort);
    if (m) for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]) && p - Number(m[1]) < 1000; p++) ports.add(p);
  }
  for (const e of Array.isArray(service.data.expose) ? service.data.expose : []) {
    const m = /^(\d+)/.exec(scalarText(e) ?? '');
    if (m) ports.add(Number(m[1]));
  }
  return ports;
}

function servesPort(service: ServiceView, port: number): boolean {
  if (ownPorts(service).has(port)) return true;
  const store = dataStoreOfService(service);
  return store !== null && (STORE_PORTS[store] ?? []).includes(port);
}

/** Does the variable's name or the URL's scheme designate this service (`REDIS_HOST` → `redis`, `DB_URL` → a postgres `db`)? */
function namedBy(service: ServiceView, words: string[]): boolean {
  const own = new Set([service.name.toLowerCase(), ...service.name.toLowerCase().split(/[-_.]/)]);
  if (words.some((w) => own.has(w))) return true;
  const store = dataStoreOfService(service);
  if (!store) return false;
  const kinds = words.map((w) => WORD_ALIASES[w] ?? w);
  return kinds.some((k) => (STORE_WORDS[k] ?? []).includes(store)) || (words.some((w) => w === 'db' || w === 'database') && store !== 'memcached');
}

function probableService(self: ServiceView, name: string, target: Target): ServiceView | null {
  const others = self.view.services.filter((s) => s !== self);
  const words = [...name.toLowerCase().split('_').filter(Boolean), ...(target.scheme ? target.scheme.split(':') : [])];
  const byPort = target.port === null ? [] : others.filter((s) => servesPort(s, target.port!));
  const byName = others.filter((s) => namedBy(s, words));
  return byPort.find((s) => byName.includes(s)) ?? byPort[0] ?? byName[0] ?? null;
}

export default defineRule({
  meta: {
    id: 'compose-localhost-url',
    title: 'Connection to `localhost` from inside a container',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'Inside a container `localhost` is the container itself, not the host and not the other services: a `DATABASE_URL` or `REDIS_HOST` pointing at `localhost` fails with "connection refused" as soon as it runs in Compose. Services reach each other by service name.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Services reach each other by service name, not `localhost`',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      // Sharing the host's or another container's network namespace: there `localhost` is what it says.
      const mode = scalarText(service.data.network_mode)?.trim().toLowerCase() ?? '';
      if (mode === 'host' || mode.startsWith('service:') || mode.startsWith('container:')) continue;
      const entries = environmentOf(service).filter((e) => e.value !== null && TARGET_NAME.test(e.name));
      if (!entries.length) continue;
      ctx.applies();
      for (const entry of entries) {
        if (BROWSER_PREFIX.test(entry.name) || NOT_A_TARGET.test(entry.name) || OWN_ADDRESS.test(entry.name) || !entry.name.includes('_')) continue;
        const { value } = interpolate(entry.value!, service);
        const own = ownPorts(service);
        const target = localTargets(value).find((t) => t.port === null || !own.has(t.port));
        if (!target) continue;
        const other = probableService(service, entry.name, target);
        // `KC_HOSTNAME`, `METRICS_ADDR`: as often the service's own name or listen address as a target; only judged
        // when another service of the stack is clearly meant.
        if (!other && WEAK_TARGET_NAME.test(entry.name)) continue;
        const store = other ? dataStoreOfService(other) : null;
        const port = target.port ?? (other ? [...ownPorts(other)][0] ?? (store ? STORE_PORTS[store]?.[0] : undefined) : undefined);
        const inside = `\`${entry.name}\` of service \`${service.name}\` points at \`${target.shown}\`, but inside a container \`localhost\` is the container itself`;
        ctx.report({
          range: entry.range,
          in: entry.in,
          message: other
            ? `${inside}: it probably means service \`${other.name}\`${store ? ` (${store})` : ''}, which it reaches as \`${other.name}${port ? `:${port}` : ''}\``
            : `${inside}, not the host or another service: the connection is refused unless \`${service.name}\` itself listens there`,
          hint: other
            ? `replace \`localhost\` with \`${other.name}\` (Compose's DNS resolves service names on the shared network)`
            : 'use the name of the service that serves it (Compose resolves service names), or `host.docker.internal` for something running on the host (on Linux with `extra_hosts: ["host.docker.internal:host-gateway"]`)',
          key: `service:${service.name}:env:${entry.name}`,
          secrets: target.password ? [target.password] : undefined,
        });
      }
    }
  },
});
