import { defineRule } from '../../src/engine/rule.js';
import { mayRunTogether, portsOf, replicasOf, servicesOf, type PortSpec, type ServiceView } from './lib.js';

interface Binding {
  service: ServiceView;
  spec: PortSpec;
  /** First and last host port. */
  from: number;
  to: number;
  /** A host range published for a single container port: Docker picks one free port of it (the first free one). */
  pool: boolean;
  /** Normalised host address, or null for every interface. */
  ip: string | null;
}

function range(text: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from > 0 && to >= from && to <= 65535 ? [from, to] : null;
}

function bindingOf(service: ServiceView, spec: PortSpec): Binding | null {
  if (spec.hostPort === null || spec.hostPortUnknown || spec.hostIpUnknown) return null;
  const host = range(spec.hostPort);
  const container = range(spec.containerPort);
  if (!host || !container) return null;
  const hostSize = host[1] - host[0];
  const containerSize = container[1] - container[0];
  const pool = hostSize > 0 && containerSize === 0;
  // Ranges of different sizes on both sides are a schema error, not a conflict.
  if (!pool && hostSize !== containerSize) return null;
  const ip = spec.hostIp?.replace(/^\[|\]$/g, '').toLowerCase() ?? null;
  return { service, spec, from: host[0], to: host[1], pool, ip: ip === '0.0.0.0' || ip === '::' || ip === '' ? null : ip };
}

/** Same protocol, overlapping addresses (none, `0.0.0.0` and `::` overlap every address) and overlapping ports. */
function overlaps(a: Binding, b: Binding): boolean {
  if (a.spec.protocol !== b.spec.protocol) return false;
  if (a.ip !== null && b.ip !== null && a.ip !== b.ip) return false;
  return a.from <= b.to && b.from <= a.to;
}

/** The same entry written twice in one service: Compose keeps one. */
const sameEntry = (a: PortSpec, b: PortSpec) => a.hostIp === b.hostIp && a.hostPort === b.hostPort && a.containerPort === b.containerPort && a.protocol === b.protocol;

const show = (b: Binding) => `${b.from === b.to ? b.from : `${b.from}-${b.to}`}/${b.spec.protocol}`;

export default defineRule({
  meta: {
    id: 'compose-host-port-conflict',
    title: 'Host port published twice',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'A host port (per address and protocol) can be bound by one container only: when two services of the stack, two entries of one service or the replicas of a service publish the same one, the container that starts second fails with "port is already allocated".',
    fixable: false,
    equivalents: { dclint: ['no-duplicate-exported-ports'] },
    appliesTo: 'compose',
    strength: 'Every published host port is unique',
  },
  check(ctx) {
    const earlier: Binding[] = [];
    for (const service of servicesOf(ctx)) {
      const replicas = replicasOf(service);
      for (const spec of portsOf(service)) {
        ctx.applies();
        const b = bindingOf(service, spec);
        if (!b) continue;
        const where = `${b.ip ?? 'every interface'}`;
        if (replicas > 1 && (!b.pool || b.to - b.from + 1 < replicas)) {
          ctx.report({
            range: spec.range,
            in: spec.in,
            message: b.pool
              ? `service \`${service.name}\` runs ${replicas} replicas but its host port range \`${show(b)}\` has fewer ports: the replicas that find no free port fail with "port is already allocated"`
              : `service \`${service.name}\` runs ${replicas} replicas but publishes the fixed host port \`${show(b)}\`: only the first replica can bind it, the others fail with "port is already allocated"`,
            hint: 'publish a host range at least as large as the replicas (`"8000-8003:80"`), or only the container port (`"80"`) and put a load balancer in front',
            key: `service:${service.name}:port:${show(b)}:replicas`,
          });
        }
        const clash = earlier.find(
          (a) => overlaps(a, b) && !(a.pool && b.pool) && (a.service === service ? !sameEntry(a.spec, b.spec) : mayRunTogether(a.service, service)),
        );
        earlier.push(b);
        if (!clash) continue;
        const other = clash.service === service ? `another entry of \`${service.name}\`` : `service \`${clash.service.name}\``;
        const message =
          clash.pool || b.pool
            ? `service \`${service.name}\` publishes host port${b.pool ? 's' : ''} \`${show(b)}\` on ${where}, overlapping \`${show(clash)}\` of ${other}: ${
                b.pool ? 'Docker gives this entry the first free port of the range' : `Docker gives \`${clash.service.name}\` the first free port of its range`
              }, so depending on which container starts first one of them can fail with "port is already allocated"`
            : `service \`${service.name}\` publishes host port \`${show(b)}\` on ${where}, already published by ${other}: the container that starts second fails with "port is already allocated"`;
        ctx.report({
          range: spec.range,
          in: spec.in,
          message,
          hint: 'give each service its own host port (or a host address of its own: `127.0.0.2:8080:80`); if only one of them should run at a time, put them in different `profiles`',
          key: `service:${service.name}:port:${show(b)}:${b.ip ?? '*'}`,
        });
      }
    }
  },
});
