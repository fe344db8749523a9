import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import { mayRunTogether, mountsOf, normalizeHostPath, servicesOf, type Mount, type ServiceView } from './lib.js';

/** Host files mounted everywhere on purpose (read-only in practice); not data. */
const IGNORED = new Set(['/etc/localtime', '/etc/timezone', '/etc/hosts', '/etc/resolv.conf']);

/** What the mount shares: a named volume or a host path (relative paths resolved from the service's folder). */
function sharedKey(service: ServiceView, mount: Mount): { key: string; label: string } | null {
  if (mount.source === null || mount.sourceUnknown) return null;
  if (mount.type === 'volume') return { key: `volume:${mount.source}`, label: `volume \`${mount.source}\`` };
  if (mount.type !== 'bind') return null;
  const source = normalizeHostPath(mount.source);
  if (IGNORED.has(source) || /docker\.sock$|podman\.sock$/.test(source)) return null;
  const resolved = source.startsWith('/') || source.startsWith('~') ? source : path.posix.normalize(path.posix.join(service.dir || '.', source)).replace(/(.)\/+$/, '$1');
  return { key: `bind:${resolved}`, label: `host folder \`${mount.source}\`` };
}

export default defineRule({
  meta: {
    id: 'compose-shared-volume',
    title: 'Volume written by several services',
    priority: 'low',
    category: 'security',
    rationale:
      'A volume or host folder that several containers can write is a channel between them: one compromised service can plant files another one reads or executes, and concurrent writers can corrupt data. Sharing is safer when one service writes and the others mount it read-only.',
    fixable: false,
    equivalents: { kics: ['Shared Volumes Between Containers'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'No volume is written by several services',
  },
  check(ctx) {
    const writers = new Map<string, { service: ServiceView; mount: Mount; label: string }[]>();
    for (const service of servicesOf(ctx)) {
      for (const mount of mountsOf(service)) {
        const shared = sharedKey(service, mount);
        if (!shared) continue;
        ctx.applies();
        if (mount.readOnly) continue;
        const list = writers.get(shared.key) ?? [];
        if (!list.some((w) => w.service === service)) list.push({ service, mount, label: shared.label });
        writers.set(shared.key, list);
      }
    }
    for (const [key, list] of writers) {
      for (const { service, mount, label } of list) {
        const others = list.filter((w) => w.service !== service && mayRunTogether(w.service, service)).map((w) => `\`${w.service.name}\``);
        if (!others.length) continue;
        ctx.report({
          range: mount.range,
          in: mount.in,
          message: `service \`${service.name}\` mounts the ${label} writable, and so ${others.length === 1 ? 'does' : 'do'} ${others.join(', ')}: each can change files the other${others.length === 1 ? '' : 's'} read${others.length === 1 ? 's' : ''}`,
          hint: 'let one service write it and mount it read-only (`:ro`) in the others; if they all must write, say so in a suppression comment',
          key: `service:${service.name}:shared:${key}`,
        });
      }
    }
  },
});
