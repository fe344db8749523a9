import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import { allServices } from '../../src/model/compose-project.js';
import { closest } from './lib.js';
import {
  checkedNginxFile, isConfigPath, nginxConfig, placementsRelated, reachesOutside, resolvableNames, runtimesOfNginxFile, upstreamNames, upstreamRefs,
} from './lib-nginx.js';

export default defineRule({
  meta: {
    id: 'nginx-upstream-unknown',
    title: 'nginx proxies to a host the compose project does not define',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'nginx resolves the host names of `proxy_pass` (and `fastcgi_pass`, `uwsgi_pass`, `grpc_pass`, upstream `server` entries) when it starts: a name that is no service, alias or container name of the compose project (a typo, a renamed service) stops nginx with "host not found in upstream", and the whole site is down.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'nginx only proxies to services the compose project defines',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const uses = runtimesOfNginxFile(ctx.project, file).filter((u) => u.runtime.service !== null);
    if (!uses.length) return;
    // Another config we cannot read may define upstreams; a shared or host network reaches other projects' names.
    if (uses.some((u) => u.runtime.opaque || reachesOutside(u.runtime.service!))) return;
    const config = nginxConfig(file);
    const upstreams = new Set<string>();
    for (const { runtime } of uses) {
      for (const p of runtime.placements) if (p.file) upstreamNames(nginxConfig(p.file)).forEach((n) => upstreams.add(n));
    }
    const views = [...new Set(uses.map((u) => u.runtime.service!.view))];
    // Every compose view of the project counts: files may also be combined with `-f` in ways the repository does not show.
    const everyView = [...new Set([...views, ...allServices(ctx.project).map((s) => s.view)])];
    const names = everyView.map((v) => resolvableNames(v));
    for (const ref of upstreamRefs(config)) {
      // `proxy_pass http://backend` to an `upstream backend {}`; `server x resolve` re-resolves at run time.
      if (ref.directive.name !== 'server' && upstreams.has(ref.host)) continue;
      if (ref.directive.args.some((a) => a.value === 'resolve')) continue;
      ctx.applies();
      if (names.some((n) => n.has(ref.host))) continue;
      const view = views[0];
      const guess = closest(ref.host, view.services.map((s) => s.name));
      const related: Related[] = placementsRelated(uses);
      const guessed = guess ? view.service(guess) : undefined;
      if (guessed) related.push({ path: guessed.key.in, line: guessed.key.range.line, message: `service \`${guess}\`` });
      const what = ref.directive.name === 'server' ? 'an `upstream` server' : `\`${ref.directive.name}\``;
      ctx.report({
        range: ref.word.range,
        message: `${what} points at host \`${ref.host}\`, but no service, alias, hostname or container name of ${views.map((v) => `\`${v.label}\``).join(' or ')} is called that: nginx stops at start-up with "host not found in upstream" and the site is down`,
        hint: guess
          ? `did you mean \`${guess}\`? Use the compose service name as the host (\`${ref.word.value.replace(new RegExp(ref.host, 'i'), guess)}\`)`
          : `use the name of the compose service that serves it (${view.services.map((s) => `\`${s.name}\``).slice(0, 8).join(', ')}), or add the service`,
        related,
        key: `upstream:${ref.host}`,
      });
    }
  },
});
