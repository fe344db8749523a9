import { defineRule } from '../../src/engine/rule.js';
import { mountsOf, normalizeHostPath, servicesOf } from './lib.js';

/** Host folders that give away the host (or its secrets) when mounted whole. */
const SENSITIVE = new Set(['/', '/etc', '/proc', '/sys', '/root', '/boot', '/dev', '/home', '/usr', '/lib', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet']);
/** Subpaths that are secrets in themselves. */
const SECRET_PATHS = /^(\/etc\/(shadow|gshadow|sudoers|sudoers\.d|ssh|kubernetes)|(~|\/root|\/home\/[^/]+)\/\.(ssh|aws|docker|kube|gnupg|config\/gcloud)|\/root\/.+|\/var\/lib\/docker\/.+)$/;

export default defineRule({
  meta: {
    id: 'compose-sensitive-host-mount',
    title: 'Sensitive host directory mounted',
    priority: 'high',
    category: 'security',
    rationale:
      'Mounting `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/root`, `/home` or Docker\'s data directory hands the container the host\'s configuration, credentials and processes; written to, they are a way out of the container.',
    fixable: false,
    equivalents: { kics: ['Volume Has Sensitive Host Directory'] },
    appliesTo: 'compose',
    strength: 'No service mounts a sensitive host directory',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      for (const mount of mountsOf(service)) {
        if (mount.type !== 'bind' || mount.source === null || mount.sourceUnknown) continue;
        const source = normalizeHostPath(mount.source);
        if (!SENSITIVE.has(source) && !SECRET_PATHS.test(source)) continue;
        ctx.report({
          range: mount.range,
          in: mount.in,
          message: `service \`${service.name}\` mounts the host's \`${source}\`${mount.readOnly ? ' read-only: the container can still read the host\'s secrets and configuration there' : ': the container can read and change the host\'s files there, a direct way out of the container'}`,
          hint: 'mount only the file or subfolder the service needs, read-only (`:ro`); monitoring agents that need the host\'s `/proc` or `/sys` deserve a suppression comment saying so',
          key: `service:${service.name}:mount:${source}`,
        });
      }
    }
  },
});
