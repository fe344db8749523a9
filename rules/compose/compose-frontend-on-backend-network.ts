import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import type { Project } from '../../src/model/project.js';
import { normalizeRelative } from '../../src/workspace/workspace.js';
import {
  asMap, dataStoreOfService, dependenciesOf, environmentOf, imageRepository, interpolate, isLoopback, mountsOf, networkPlace,
  networksOf, portsOf, scalarText, servicesOf, viewOf, type ServiceView,
} from './lib.js';

/** Reverse proxies and web servers, by the image's last path segment. */
const PROXY_IMAGES = new Set([
  'nginx', 'nginx-unprivileged', 'openresty', 'traefik', 'caddy', 'haproxy', 'httpd', 'envoy', 'varnish', 'nginx-proxy',
  'nginx-proxy-manager', 'swag', 'kong', 'oauth2-proxy',
]);
/** Service-name words that mean "the part users talk to". */
const FRONTEND_WORDS = new Set(['frontend', 'front', 'ui', 'webui', 'client', 'spa', 'proxy', 'gateway', 'nginx', 'traefik', 'caddy', 'haproxy', 'edge', 'lb']);
/** Database admin UIs and broker consoles: frontends whose job is to talk to the data store. */
const ADMIN_TOOLS = /(adminer|pgadmin|phpmyadmin|mongo-express|redis-commander|redisinsight|kafka-ui|kafdrop|akhq|dbgate|cloudbeaver|phpredisadmin|mysql-workbench|sqlpad|metabase|superset|grafana|kibana|opensearch-dashboards|elasticvue|cerebro)/;

/** What the user-facing service is: a proxy image, or a service named like a frontend that publishes a port. */
function frontendKind(service: ServiceView): string | null {
  const repo = imageRepository(service);
  const last = repo?.split('/').pop() ?? '';
  if (repo && ADMIN_TOOLS.test(repo)) return null;
  if (PROXY_IMAGES.has(last)) return `a \`${last}\` proxy`;
  const words = service.name.toLowerCase().split(/[-_.]/);
  if (!words.some((w) => FRONTEND_WORDS.has(w))) return null;
  const published = portsOf(service).some((p) => p.hostIp === null || p.hostIpUnknown || !isLoopback(p.hostIp));
  return published ? 'a frontend that publishes a port' : null;
}

/** The names the data store answers to on the Compose network: service name, container name, hostname, aliases. */
function hostNamesOf(store: ServiceView): string[] {
  const names = [store.name];
  for (const key of ['container_name', 'hostname']) {
    const text = scalarText(store.data[key]);
    if (text !== null) names.push(interpolate(text, store).value.trim());
  }
  for (const spec of Object.values(asMap(store.data.networks) ?? {})) {
    const aliases = asMap(spec)?.aliases;
    if (Array.isArray(aliases)) for (const a of aliases) if (scalarText(a) !== null) names.push(scalarText(a)!);
  }
  return names.filter(Boolean);
}

function mentions(text: string, names: string[]): boolean {
  const lower = text.toLowerCase();
  return names.some((n) => new RegExp(`(^|[^a-z0-9_.-])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9_-]|$)`).test(lower));
}

/**
 * Whether the service may talk to the data store: it depends on or links to it, or names it in its environment, an
 * env file, its command or a file mounted into it. An env file the review cannot read counts as a yes.
 */
function mayUse(service: ServiceView, store: ServiceView, project: Project): boolean {
  const names = hostNamesOf(store);
  if (dependenciesOf(service).some((d) => d.target === store.name)) return true;
  const links = Array.isArray(service.data.links) ? service.data.links : [];
  if (links.some((l) => names.includes((scalarText(l) ?? '').split(':')[0]))) return true;
  if (environmentOf(service).some((e) => e.value !== null && mentions(interpolate(e.value, service).value, names))) return true;
  for (const key of ['command', 'entrypoint']) {
    const value = service.data[key];
    const text = Array.isArray(value) ? value.map((v) => scalarText(v) ?? '').join(' ') : scalarText(value);
    if (text && mentions(text, names)) return true;
  }
  const envFiles = service.data.env_file === undefined || service.data.env_file === null ? [] : Array.isArray(service.data.env_file) ? service.data.env_file : [service.data.env_file];
  for (const entry of envFiles) {
    const p = scalarText(entry) ?? scalarText(asMap(entry)?.path);
    const rel = p === null ? null : normalizeRelative(path.posix.join(service.dir, p));
    const file = rel === null ? undefined : project.byPath.get(rel);
    if (!file) {
      if (asMap(entry)?.required === false) continue;
      return true;
    }
    if (mentions(file.text, names)) return true;
  }
  for (const mount of mountsOf(service)) {
    if (mount.type !== 'bind' || mount.source === null || mount.sourceUnknown) continue;
    const rel = normalizeRelative(path.posix.join(service.dir, mount.source));
    const file = rel === null ? undefined : project.byPath.get(rel);
    if (file && mentions(file.text, names)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'compose-frontend-on-backend-network',
    title: 'Frontend attached to the database network',
    priority: 'medium',
    category: 'security',
    rationale:
      'When a stack separates its networks, the point is that what users reach (a reverse proxy, a web frontend) cannot reach the databases: a proxy or frontend attached to a database\'s network without ever talking to it gives an attacker who compromises it a direct path to the data.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Frontends are kept off the databases\' networks',
  },
  check(ctx) {
    const services = servicesOf(ctx);
    // Only stacks that separate their networks on purpose: two or more declared, two or more in use.
    const declared = Object.keys(asMap(viewOf(ctx).data.networks) ?? {});
    const inUse = new Set(services.flatMap((s) => networksOf(s)));
    if (declared.length < 2 || inUse.size < 2) return;
    const stores = services.map((s) => ({ service: s, kind: dataStoreOfService(s) })).filter((s) => s.kind !== null);
    if (!stores.length) return;
    for (const frontend of services) {
      const kind = dataStoreOfService(frontend) ? null : frontendKind(frontend);
      if (!kind) continue;
      ctx.applies();
      for (const network of networksOf(frontend)) {
        const reachable = stores.filter(({ service }) => service !== frontend && networksOf(service).includes(network) && !mayUse(frontend, service, ctx.project));
        if (!reachable.length) continue;
        const named = reachable.map(({ service, kind: k }) => `\`${service.name}\` (${k})`).join(', ');
        ctx.report({
          ...networkPlace(frontend, network),
          message: `service \`${frontend.name}\`, ${kind}, is attached to the network \`${network}\` of ${named}, which it never talks to: whoever compromises it can reach the database directly`,
          hint: `attach \`${frontend.name}\` only to a network it shares with the services it forwards to (e.g. a \`frontend\` network that the API joins too), and keep \`${network}\` for the API and its data stores (\`internal: true\` also cuts it off from the outside)`,
          key: `service:${frontend.name}:network:${network}`,
        });
      }
    }
  },
});
