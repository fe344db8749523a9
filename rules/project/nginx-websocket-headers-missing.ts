import { defineRule } from '../../src/engine/rule.js';
import { ancestorsOf, childrenNamed, commentsAround, walkNginx, type NginxDirective } from '../../src/parse/nginx.js';
import {
  checkedNginxFile, hasOpaqueInclude, httpLevelsOfFile, isConfigPath, locationLabel, locationPath, nginxConfig, type Located,
} from './lib-nginx.js';

const WS_PATH = /(^|[^a-z0-9])(ws|wss|websockets?|socket\.io|sockjs|cable)([^a-z0-9]|$)/i;
const WS_COMMENT = /web ?sockets?|socket\.io|(^|[^a-z0-9])wss?([^a-z0-9]|$)/i;

function headerValue(headers: Located[], name: string): string | null {
  const found = headers.filter((h) => h.directive.args[0]?.value.toLowerCase() === name);
  return found.length ? found[found.length - 1].directive.args.slice(1).map((a) => a.value).join(' ') : null;
}

export default defineRule({
  meta: {
    id: 'nginx-websocket-headers-missing',
    title: 'WebSocket location without the Upgrade headers',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'nginx does not pass the hop-by-hop `Upgrade` and `Connection` headers on, and talks HTTP/1.0 to the backend by default: a WebSocket location without `proxy_http_version 1.1` and `proxy_set_header Upgrade $http_upgrade` / `Connection "upgrade"` turns every handshake into a plain request, and the socket never opens.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'WebSocket locations pass the Upgrade headers',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const config = nginxConfig(file);
    let levels: ReturnType<typeof httpLevelsOfFile> | undefined;
    walkNginx(config.directives, (location) => {
      if (location.name !== 'location' || !location.block || !childrenNamed(location.block, 'proxy_pass').length) return;
      const own = childrenNamed(location.block, 'proxy_set_header').map((directive) => ({ directive, path: file.path }));
      const partial = headerValue(own, 'upgrade') !== null || /upgrade/i.test(headerValue(own, 'connection') ?? '');
      const comments = commentsAround(config, location.range, file.lines).filter((c) => WS_COMMENT.test(c.text));
      if (!WS_PATH.test(locationPath(location)) && !comments.length && !partial) return;
      const chain: NginxDirective[] = [location, ...ancestorsOf(location)];
      if (chain.some((d) => hasOpaqueInclude(d.block, d.name === 'http' ? 'http' : 'block'))) return;
      // proxy_set_header: all or nothing from the nearest level that has some; proxy_http_version: the nearest one.
      let headers: Located[] | null = null;
      let version: string | null = null;
      for (const d of chain) {
        const set = childrenNamed(d.block, 'proxy_set_header');
        if (headers === null && set.length) headers = set.map((directive) => ({ directive, path: file.path }));
        version ??= childrenNamed(d.block, 'proxy_http_version').at(-1)?.args[0]?.value ?? null;
      }
      if (!chain.some((d) => d.name === 'http') && (headers === null || version === null)) {
        // Not set in this file: the http level of the containers' nginx.conf decides.
        if (hasOpaqueInclude(config.directives, 'http')) return;
        levels ??= httpLevelsOfFile(ctx.project, file, config);
        if (!levels) return;
        const inherited = levels.map((l) => ({ headers: headers ?? l.proxyHeaders, version: version ?? l.proxyHttpVersion }));
        // Judge the best case among the containers running this config.
        inherited.sort((a, b) => Number(Boolean(b.version)) - Number(Boolean(a.version)) || b.headers.length - a.headers.length);
        headers = inherited[0].headers;
        version = inherited[0].version;
      }
      ctx.applies();
      const missing: string[] = [];
      if (!version || Number.parseFloat(version) < 1.1) missing.push('`proxy_http_version 1.1;`');
      const upgrade = headerValue(headers ?? [], 'upgrade');
      if (upgrade === null || !(upgrade.includes('$') || /websocket/i.test(upgrade))) missing.push('`proxy_set_header Upgrade $http_upgrade;`');
      const connection = headerValue(headers ?? [], 'connection');
      if (connection === null || !(connection.includes('$') || /upgrade/i.test(connection))) missing.push('`proxy_set_header Connection "upgrade";`');
      if (!missing.length) return;
      const why = comments.length ? 'its comments say WebSocket' : partial ? 'it sets part of the WebSocket handshake headers' : 'its path is a WebSocket endpoint';
      ctx.report({
        range: location.nameWord.range,
        message: `\`${locationLabel(location)}\` proxies WebSocket traffic (${why}) but lacks ${missing.join(', ')}: nginx drops the \`Upgrade\` header and the WebSocket handshake fails`,
        hint: `add to the location: ${missing.join(' ')}${own.length || headers === null ? '' : ' (a location with its own `proxy_set_header` no longer inherits the server\'s: repeat those too)'}`,
        key: `location:${locationPath(location)}:websocket`,
      });
    });
  },
});
