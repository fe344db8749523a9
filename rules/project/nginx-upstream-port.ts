import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import { listeningOf, mentionsPort } from './lib-images.js';
import {
  checkedNginxFile, isConfigPath, nginxConfig, placementsRelated, reachesOutside, runtimesOfNginxFile, serviceNamed, upstreamNames, upstreamRefs,
} from './lib-nginx.js';

export default defineRule({
  meta: {
    id: 'nginx-upstream-port',
    title: 'nginx proxies to a port the service does not listen on',
    priority: 'high',
    category: 'correctness',
    rationale:
      'A `proxy_pass http://api:8080` to a service whose image EXPOSEs and runs on 8000 (or an official image with a well-known port) gets "connection refused": every proxied request answers 502 Bad Gateway.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'nginx proxies to the ports its services listen on',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const uses = runtimesOfNginxFile(ctx.project, file).filter((u) => u.runtime.service !== null);
    if (!uses.length || uses.some((u) => reachesOutside(u.runtime.service!))) return;
    const config = nginxConfig(file);
    const upstreams = new Set<string>();
    for (const { runtime } of uses) {
      for (const p of runtime.placements) if (p.file) upstreamNames(nginxConfig(p.file)).forEach((n) => upstreams.add(n));
    }
    for (const ref of upstreamRefs(config)) {
      if (ref.port === null || (ref.directive.name !== 'server' && upstreams.has(ref.host))) continue;
      const port = ref.port;
      // Judged in every compose view running this config; reported only when the port is wrong in all of them.
      let wrong: { service: string; listening: number[]; describe: string; evidence: Related[] } | null = null;
      let judged = 0;
      let right = false;
      for (const view of new Set(uses.map((u) => u.runtime.service!.view))) {
        const target = serviceNamed(view, ref.host);
        if (!target) continue;
        const listening = listeningOf(target, ctx.project);
        if (!listening.ports) {
          right = true;
          continue;
        }
        judged++;
        if (listening.ports.has(port) || mentionsPort(target, ctx.project, port)) right = true;
        else wrong ??= { service: target.name, listening: [...listening.ports].sort((a, b) => a - b), describe: listening.describe, evidence: listening.evidence };
      }
      if (judged) ctx.applies();
      if (right || !wrong) continue;
      const list = wrong.listening.map((p) => `\`${p}\``).join(', ') || 'no port';
      const scheme = ref.directive.name === 'server' ? null : /^([a-z]+):\/\//i.exec(ref.word.value)?.[1]?.toLowerCase();
      const how = ref.explicitPort ? `port \`${port}\`` : `port \`${port}\` (the ${scheme ? `${scheme} ` : ''}default when no port is written)`;
      ctx.report({
        range: ref.word.range,
        message: `\`${ref.directive.name === 'server' ? 'server' : ref.directive.name}\` connects to service \`${wrong.service}\` on ${how}, but it listens on ${list} (from ${wrong.describe}): every request through here gets 502 Bad Gateway`,
        hint: wrong.listening.length === 1
          ? `connect to \`${ref.host}:${wrong.listening[0]}\`, or make the service listen on \`${port}\``
          : `connect to one of the ports the service listens on (${list}), or make it listen on \`${port}\``,
        related: [...wrong.evidence.slice(0, 4), ...placementsRelated(uses)],
        key: `upstream:${ref.host}:${port}`,
      });
    }
  },
});
