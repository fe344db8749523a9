import { defineRule } from '../../src/engine/rule.js';
import { scalarText, servicesOf } from '../compose/lib.js';
import { listeningOf, mentionsPort, publishedPorts } from './lib-images.js';

export default defineRule({
  meta: {
    id: 'compose-port-not-exposed',
    title: 'Published port the container does not listen on',
    priority: 'low',
    category: 'correctness',
    rationale:
      'Publishing a container port that the image neither EXPOSEs nor is configured to listen on (`8080:8080` for an app on 8000) gives a port that refuses every connection; usually the container side should be the port the app really uses.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Published ports match what the images listen on',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      if (service.partial || scalarText(service.data.network_mode)?.trim() === 'host') continue;
      const published = publishedPorts(service);
      if (!published.length) continue;
      const listening = listeningOf(service, ctx.project);
      if (!listening.ports) continue;
      ctx.applies();
      for (const { port, place } of published) {
        if (listening.ports.has(port) || mentionsPort(service, ctx.project, port)) continue;
        const known = [...listening.ports].sort((a, b) => a - b);
        const list = known.length ? known.map((p) => `\`${p}\``).join(', ') : 'no port';
        ctx.report({
          ...place,
          message: `service \`${service.name}\` publishes container port \`${port}\`, but the container listens on ${list} (from ${listening.describe}) and nothing in its command or environment mentions \`${port}\`: connections to this port are refused`,
          hint: known.length === 1
            ? `publish the port the container listens on (\`…:${known[0]}\`), or make the app listen on \`${port}\` (and EXPOSE it)`
            : `publish one of the ports the container listens on (${list}), or make the app listen on \`${port}\` (and EXPOSE it)`,
          related: listening.evidence.length ? listening.evidence.slice(0, 5) : undefined,
          key: `service:${service.name}:port:${port}`,
        });
      }
    }
  },
});
