import path from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import { imageRepository, mountsOf, normalizeHostPath, servicesOf } from './lib.js';

/** Sockets of container engines: whoever can talk to one can start a privileged container. */
const SOCKETS = new Set(['docker.sock', 'podman.sock', 'containerd.sock']);
/** Folders that hold the Docker socket. */
const SOCKET_DIRS = new Set(['/var/run', '/run']);

export default defineRule({
  meta: {
    id: 'compose-docker-socket',
    title: 'Docker socket mounted into a container',
    priority: 'critical',
    category: 'security',
    rationale:
      'The Docker socket is the API of the daemon, which runs as root: a container that can reach it can start a privileged container that mounts the host\'s `/`, i.e. it is root on the host.',
    fixable: false,
    equivalents: { kics: ['Docker Socket Mounted In Container'], semgrep: ['exposing-docker-socket-volume'] },
    appliesTo: 'compose',
    strength: 'No service can reach the Docker socket',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      // A socket proxy exists to hold the socket and expose a filtered API: the recommended way, not the problem.
      if (imageRepository(service)?.includes('socket-proxy')) continue;
      for (const mount of mountsOf(service)) {
        if (mount.type !== 'bind' || mount.source === null) continue;
        const source = normalizeHostPath(mount.source);
        const target = mount.target ?? '';
        const isSocket = SOCKETS.has(path.posix.basename(source)) || (mount.sourceUnknown && SOCKETS.has(path.posix.basename(target)));
        const isDir = !mount.sourceUnknown && SOCKET_DIRS.has(source);
        if (!isSocket && !isDir) continue;
        const what = isSocket ? `the Docker socket \`${source}\`` : `\`${source}\`, which holds the Docker socket,`;
        ctx.report({
          range: mount.range,
          in: mount.in,
          message: `service \`${service.name}\` mounts ${what}: whoever controls this container can start a privileged container and is root on the host${mount.readOnly ? ' (read-only does not help: it stops deleting the socket file, not calling the API)' : ''}`,
          hint: 'remove the mount; if the service must see containers, put a socket proxy that allows only the needed read-only API calls in front of the socket (e.g. `tecnativa/docker-socket-proxy`), or use rootless Docker',
          key: `service:${service.name}:socket:${source}`,
        });
      }
    }
  },
});
