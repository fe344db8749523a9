import { defineRule } from '../../src/engine/rule.js';
import {
  checkedNginxFile, httpServers, isConfigPath, nginxConfig, returnsOnly, serverHeaders, serverLabel, servesTls, type Located,
} from './lib-nginx.js';

/** The headers a server should send, each with the ways to satisfy it. */
function missingHeaders(headers: Located[], tls: boolean): string[] | null {
  const byName = new Map<string, string>();
  for (const { directive } of headers) {
    const name = directive.args[0]?.value;
    if (!name || name.includes('$')) return null;
    byName.set(name.toLowerCase(), directive.args.slice(1).map((a) => a.value).join(' '));
  }
  const missing: string[] = [];
  if (!byName.has('x-content-type-options')) missing.push('X-Content-Type-Options');
  if (!byName.has('x-frame-options') && !/frame-ancestors/i.test(byName.get('content-security-policy') ?? '')) missing.push('X-Frame-Options');
  if (!byName.has('referrer-policy')) missing.push('Referrer-Policy');
  if (tls && !byName.has('strict-transport-security')) missing.push('Strict-Transport-Security');
  return missing;
}

const EXAMPLE: Record<string, string> = {
  'X-Content-Type-Options': 'add_header X-Content-Type-Options "nosniff" always;',
  'X-Frame-Options': 'add_header X-Frame-Options "DENY" always;',
  'Referrer-Policy': 'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
  'Strict-Transport-Security': 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;',
};

export default defineRule({
  meta: {
    id: 'nginx-security-headers-missing',
    title: 'nginx server without basic security headers',
    priority: 'low',
    category: 'security',
    rationale:
      'Browsers only apply MIME-sniffing, framing (clickjacking) and referrer protections, and HTTPS-only (HSTS) for TLS servers, when the response asks for them; a server block without `X-Content-Type-Options`, `X-Frame-Options` (or CSP `frame-ancestors`) and `Referrer-Policy` (plus HSTS on TLS) leaves them off, unless the application behind it sets them itself.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'nginx servers send the basic security headers',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    const config = nginxConfig(file);
    for (const server of httpServers(config)) {
      if (returnsOnly(server)) continue;
      const levels = serverHeaders(ctx.project, file, config, server);
      if (!levels) continue;
      ctx.applies();
      const tls = servesTls(server);
      // Report what is missing in every container that runs this config.
      let missing: string[] | null = null;
      for (const { headers } of levels) {
        const m = missingHeaders(headers, tls);
        if (m === null) {
          missing = [];
          break;
        }
        missing = missing === null ? m : missing.filter((h) => m.includes(h));
      }
      if (!missing?.length) continue;
      ctx.report({
        range: server.nameWord.range,
        message: `${serverLabel(server)} sends no ${missing.map((h) => `\`${h}\``).join(', ')} header${missing.length > 1 ? 's' : ''}: browsers keep MIME sniffing, framing${tls ? ', plain-HTTP fallback' : ''} and full referrers allowed (unless the application behind it sets them)`,
        hint: `add to the server block: ${missing.map((h) => `\`${EXAMPLE[h]}\``).join(' ')} (and repeat them in any location that has its own \`add_header\`)`,
        key: `server:${serverLabel(server)}:security-headers`,
      });
    }
  },
});
