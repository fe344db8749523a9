import { defineRule } from '../../src/engine/rule.js';
import { childrenNamed, type NginxDirective } from '../../src/parse/nginx.js';
import { checkedNginxFile, configRole, hasOpaqueInclude, httpLevelsFor, httpServers, isConfigPath, nginxConfig, serverLabel, siblingServers } from './lib-nginx.js';

const tokensOf = (block: NginxDirective[] | null) => childrenNamed(block, 'server_tokens').at(-1)?.args[0]?.value ?? null;

export default defineRule({
  meta: {
    id: 'nginx-server-tokens',
    title: 'nginx announces its version',
    priority: 'low',
    category: 'security',
    rationale:
      'With `server_tokens` at its default (`on`) nginx puts its exact version in the `Server` header and on every error page, telling scanners which known vulnerabilities to try.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'nginx hides its version (`server_tokens off`)',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const config = nginxConfig(file);
    const role = configRole(config);
    if (role === 'main') {
      const http = childrenNamed(config.directives, 'http')[0];
      if (!http?.block || hasOpaqueInclude(http.block, 'http')) return;
      ctx.applies();
      if (tokensOf(http.block) === 'off') return;
      // Fine when every server of the containers (here and in their conf.d files) turns it off itself.
      const siblings = siblingServers(ctx.project, file);
      const servers = [...httpServers(config), ...(siblings ?? [])];
      if (siblings !== null && servers.length && servers.every((s) => tokensOf(s.block) === 'off')) return;
      ctx.report({
        range: http.nameWord.range,
        message: '`server_tokens` is not `off` in the `http` block: nginx sends its version in the `Server` header and on error pages',
        hint: 'add `server_tokens off;` to the `http` block',
        key: 'http:server-tokens',
      });
      return;
    }
    if (role !== 'http') return;
    const levels = httpLevelsFor(ctx.project, file);
    if (!levels) return;
    // A main nginx.conf of the project is judged on its own; only the image's default one is judged from here.
    if (levels.every((l) => l.file !== null || l.serverTokens === 'off')) return;
    for (const server of httpServers(config)) {
      ctx.applies();
      if (tokensOf(server.block) === 'off') continue;
      ctx.report({
        range: server.nameWord.range,
        message: `${serverLabel(server)} runs with \`server_tokens\` on (the image's nginx.conf does not turn it off): nginx sends its version in the \`Server\` header and on error pages`,
        hint: 'add `server_tokens off;` to the server block (or to the `http` block of your own nginx.conf)',
        key: `server:${serverLabel(server)}:server-tokens`,
      });
    }
  },
});
