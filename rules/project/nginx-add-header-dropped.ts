import { defineRule } from '../../src/engine/rule.js';
import type { NginxDirective } from '../../src/parse/nginx.js';
import { childrenNamed } from '../../src/parse/nginx.js';
import {
  checkedNginxFile, effectiveHeaders, hasOpaqueInclude, httpServers, inheritModeOf, isConfigPath, locationLabel, nginxConfig, SECURITY_HEADERS,
  serverHeaders, serverLabel, setsHeadersOpaquely, type Located,
} from './lib-nginx.js';

function securityNames(headers: Located[]): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const h of headers) {
    const name = h.directive.args[0]?.value.toLowerCase() ?? '';
    if (SECURITY_HEADERS[name]) out.set(name, h);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'nginx-add-header-dropped',
    title: '`add_header` in a location drops the server\'s security headers',
    priority: 'low',
    category: 'security',
    rationale:
      'nginx inherits `add_header` from the enclosing level only when a level has none of its own: one `add_header Cache-Control …` in a location silently removes every security header the server (or http) level adds, for exactly the responses that location serves.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'Locations keep the security headers of their server',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const config = nginxConfig(file);
    for (const server of httpServers(config)) {
      const levels = serverHeaders(ctx.project, file, config, server);
      if (!levels) continue;
      // The same inheritance in every container: judge with the first one's server-level headers.
      const { headers, inherit } = levels[0];
      if (!securityNames(headers).size) continue;
      ctx.applies();
      const visit = (block: NginxDirective[], parent: Located[], parentInherit: string, label: string) => {
        for (const d of block) {
          if ((d.name !== 'location' && d.name !== 'if') || !d.block) continue;
          if (hasOpaqueInclude(d.block, 'block') || setsHeadersOpaquely(d.block)) continue;
          const mode = inheritModeOf(d.block, parentInherit);
          const mine = effectiveHeaders(d.block, file.path, parent, mode);
          const own = childrenNamed(d.block, 'add_header');
          const before = securityNames(parent);
          const after = securityNames(mine);
          const dropped = [...before.keys()].filter((n) => !after.has(n));
          // A location that only returns (a redirect, a health answer) serves no page to protect.
          if (own.length && dropped.length && !childrenNamed(d.block, 'return').length) {
            const where = d.name === 'location' ? `\`${locationLabel(d)}\`` : `this \`if\` block (in ${label})`;
            ctx.report({
              range: own[0].range,
              message: `this \`add_header\` makes ${where} drop ${dropped.map((n) => `\`${SECURITY_HEADERS[n]}\``).join(', ')}, set on the enclosing level: nginx inherits \`add_header\` only into levels that have none, so these responses go out without them`,
              hint: `repeat the security headers in ${where} (or move them into a snippet and \`include\` it at both levels)${mode === 'on' ? ', or on nginx 1.29.3+ add `add_header_inherit merge;`' : ''}`,
              related: dropped.map((n) => {
                const h = before.get(n)!;
                return { path: h.path, line: h.directive.range.line, message: `\`add_header ${SECURITY_HEADERS[n]}\` on the enclosing level` };
              }),
              key: `${d.name}:${d.args.map((a) => a.value).join(' ')}:add-header-dropped`,
            });
          }
          visit(d.block, mine, mode, d.name === 'location' ? `\`${locationLabel(d)}\`` : label);
        }
      };
      visit(server.block!, headers, inherit, serverLabel(server));
    }
  },
});
