import { defineRule } from '../../src/engine/rule.js';
import { interpolate, scalarText, servicesOf } from './lib.js';

/** Service keys whose value `host` shares a host namespace, and what that gives the container. */
const NAMESPACES: [key: string, what: string][] = [
  ['network_mode', "the host's network: it sees every host interface and connection, and its ports skip Docker's isolation"],
  ['pid', "the host's processes: it can see every process on the host, read their environment and signal them"],
  ['ipc', "the host's IPC namespace: it can read and write the shared memory of host processes"],
  ['userns_mode', "the host's user namespace: user namespace remapping is off, so root in it is root on the host"],
  ['cgroup', "the host's cgroup namespace: it sees and can act on the whole host cgroup tree"],
];

/** `security_opt` entries that turn a confinement off. */
const UNCONFINED: [pattern: RegExp, what: string][] = [
  [/^seccomp[:=]unconfined$/i, 'disables seccomp: every system call is open to it, including those container escapes use'],
  [/^apparmor[:=]unconfined$/i, 'disables AppArmor confinement'],
  [/^label[:=]disable$/i, 'disables SELinux separation'],
  [/^systempaths[:=]unconfined$/i, 'unmasks /proc and /sys paths Docker normally hides'],
];

export default defineRule({
  meta: {
    id: 'compose-host-namespaces',
    title: 'Host namespace shared or confinement disabled',
    priority: 'high',
    category: 'security',
    rationale:
      'Namespaces, seccomp, AppArmor and SELinux are what separate a container from the host; `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host` or an `unconfined` security option removes one of those walls.',
    fixable: false,
    equivalents: {
      kics: ['Shared Host Network Namespace', 'Host Namespace is Shared', 'Shared Host IPC Namespace', 'Shared Host User Namespace', 'Seccomp Unconfined'],
      semgrep: ['seccomp-confinement-disabled', 'selinux-separation-disabled'],
    },
    appliesTo: 'compose',
    strength: 'Services keep their own namespaces and security profiles',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      ctx.applies();
      for (const [key, what] of NAMESPACES) {
        const text = scalarText(service.data[key]);
        if (text === null || interpolate(text, service).value.trim().toLowerCase() !== 'host') continue;
        ctx.report({
          ...service.at(key),
          message: `service \`${service.name}\` shares ${what} (\`${key}: host\`)`,
          hint: key === 'network_mode' ? 'remove `network_mode: host` and publish the ports it serves (`ports:`), bound to the interface that needs them' : `remove \`${key}: host\`; if a monitoring agent really needs it, say so in a suppression comment`,
          key: `service:${service.name}:${key}`,
        });
      }
      const opts = Array.isArray(service.data.security_opt) ? service.data.security_opt : [];
      opts.forEach((opt, i) => {
        const text = scalarText(opt)?.trim() ?? '';
        const hit = UNCONFINED.find(([pattern]) => pattern.test(text));
        if (!hit) return;
        ctx.report({
          ...service.at('security_opt', i),
          message: `service \`${service.name}\` ${hit[1]} (\`${text}\`)`,
          hint: 'remove it; if the default profile blocks a call the service needs, give it a custom profile (`seccomp:./profile.json`) that allows just that',
          key: `service:${service.name}:security_opt:${text.toLowerCase()}`,
        });
      });
    }
  },
});
