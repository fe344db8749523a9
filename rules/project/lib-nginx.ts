// What the nginx rules share: the parsed config of an nginx file (src/parse/nginx.ts, once per file), what kind of
// config it is, the containers that run it (src/model/nginx-links.ts), the http level its server blocks inherit from,
// the upstreams it proxies to and the host names a compose view resolves.
import path from 'node:path';
import type { Related } from '../../src/engine/types.js';
import type { ComposeView, ServiceView } from '../../src/model/compose-project.js';
import { nginxRuntimes, runtimesOfNginxFile, type NginxPlacement, type NginxRuntime } from '../../src/model/nginx-links.js';
import type { PlainFile, Project } from '../../src/model/project.js';
import { childrenNamed, parseNginx, walkNginx, type NginxConfig, type NginxDirective, type NginxWord } from '../../src/parse/nginx.js';
import { asMap, interpolate, networksOf, scalarText } from '../compose/lib.js';

export { runtimesOfNginxFile, type NginxPlacement, type NginxRuntime };

const parsed = new WeakMap<PlainFile, NginxConfig>();

/** The file's parsed config (parsed once; never throws). */
export function nginxConfig(file: PlainFile): NginxConfig {
  let config = parsed.get(file);
  if (!config) {
    config = parseNginx(file.text);
    parsed.set(file, config);
  }
  return config;
}

/**
 * True for a path that names an nginx configuration (the project also loads certificates, htpasswd files and
 * mime.types mounted under /etc/nginx as kind 'nginx').
 */
export function isConfigPath(p: string): boolean {
  const base = path.posix.basename(p).toLowerCase();
  if (/\.(pem|crt|key|cer|der|p12|pfx|csr|htpasswd|types|html|js|json|lua|txt|md)$/.test(base) || base.startsWith('.htpasswd') || base === 'mime.types') return false;
  return /\.(conf|template|nginx|vhost)$/.test(base) || base.includes('nginx') || /(^|\/)(conf\.d|sites-(available|enabled)|templates|snippets)\//.test(p);
}

/** `*.template` (nginx image's envsubst templates) or a config using `${VAR}` placeholders. */
export function isTemplate(file: PlainFile): boolean {
  return /\.template$/i.test(file.path) || /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(file.text);
}

export type ConfigRole = 'main' | 'http' | 'server' | 'other';

const HTTP_LEVEL = new Set(['server', 'upstream', 'map', 'geo', 'split_clients', 'log_format', 'proxy_cache_path', 'limit_req_zone', 'limit_conn_zone', 'server_tokens', 'add_header', 'gzip', 'client_max_body_size']);
const SERVER_LEVEL = new Set(['location', 'listen', 'server_name', 'root', 'try_files', 'proxy_pass', 'return', 'rewrite']);

/** The context a file's top level is read in: a main nginx.conf, an http-level snippet (conf.d), a server-level snippet. */
export function configRole(config: NginxConfig): ConfigRole {
  const names = new Set(config.directives.map((d) => d.name));
  if (names.has('http') || names.has('events') || names.has('stream')) return 'main';
  if ([...names].some((n) => SERVER_LEVEL.has(n))) return 'server';
  if ([...names].some((n) => HTTP_LEVEL.has(n))) return 'http';
  return 'other';
}

/** A location's match, without its modifier (`location ~* \.js$` → `\.js$`). */
export function locationPath(location: NginxDirective): string {
  const args = location.args.map((a) => a.value);
  return (['=', '~', '~*', '^~'].includes(args[0]) ? args[1] : args[0]) ?? '';
}

/** `location = /x` → `location = /x`, for messages. */
export function locationLabel(location: NginxDirective): string {
  return ['location', ...location.args.map((a) => a.raw)].join(' ');
}

/** The server blocks of a config that serve HTTP (not those of a `stream` or `mail` block). */
export function httpServers(config: NginxConfig): NginxDirective[] {
  const out: NginxDirective[] = [];
  walkNginx(config.directives, (d, ancestors) => {
    if (d.name !== 'server' || !d.block) return;
    if (ancestors.some((a) => a.name === 'stream' || a.name === 'mail' || a.name === 'upstream' || a.name === 'server' || a.name === 'location')) return;
    out.push(d);
  });
  return out;
}

// ─── Includes ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Includes that never carry headers or upstreams: MIME types, the *_params files, the conf.d / sites-enabled globs. */
export function isStandardInclude(directive: NginxDirective, level: 'http' | 'block'): boolean {
  const target = directive.args[0]?.value ?? '';
  const base = path.posix.basename(target);
  if (/^(mime\.types|fastcgi_params|fastcgi\.conf|uwsgi_params|scgi_params|proxy_params|koi-utf|koi-win|win-utf)$/.test(base)) return true;
  if (level === 'http') return /(^|\/)(conf\.d|sites-enabled|http\.d|vhosts\.d)\/\*(\.conf)?$/.test(target) || /(^|\/)modules-enabled\//.test(target);
  return false;
}

/** True when the block (or a level above it, up to the file's top) includes a file we do not read. */
export function hasOpaqueInclude(block: NginxDirective[] | null, level: 'http' | 'block'): boolean {
  return childrenNamed(block, 'include').some((d) => !isStandardInclude(d, level));
}

// ─── The http level a server inherits ────────────────────────────────────────────────────────────────────────────

/** A directive with the file it is written in. */
export interface Located {
  directive: NginxDirective;
  path: string;
}

export interface HttpLevel {
  /** `add_header` directives at the http level (main nginx.conf's `http {}` or top-level lines of conf.d files). */
  addHeaders: Located[];
  /** `add_header_inherit` at the http level (nginx 1.29.3+), default `on`. */
  inherit: string;
  /** `server_tokens` at the http level, or null (nginx's default is `on`). */
  serverTokens: string | null;
  /** `proxy_set_header` directives at the http level. */
  proxyHeaders: Located[];
  /** `proxy_http_version` at the http level, or null (default 1.0). */
  proxyHttpVersion: string | null;
  /** The main nginx.conf when the project has it, or null for the image's default nginx.conf. */
  file: string | null;
}

const located = (directives: NginxDirective[], file: string): Located[] => directives.map((directive) => ({ directive, path: file }));

/** The http level of a main nginx.conf's `http {}` block; null when it includes files we do not read. */
export function httpLevelOf(http: NginxDirective, file: string): HttpLevel | null {
  if (!http.block || hasOpaqueInclude(http.block, 'http')) return null;
  return {
    addHeaders: located(childrenNamed(http.block, 'add_header'), file),
    inherit: childrenNamed(http.block, 'add_header_inherit').at(-1)?.args[0]?.value ?? 'on',
    serverTokens: childrenNamed(http.block, 'server_tokens').at(-1)?.args[0]?.value ?? null,
    proxyHeaders: located(childrenNamed(http.block, 'proxy_set_header'), file),
    proxyHttpVersion: childrenNamed(http.block, 'proxy_http_version').at(-1)?.args[0]?.value ?? null,
    file,
  };
}

/**
 * The http level the top-level `server` blocks of an http-level snippet (conf.d file, template) inherit, per container
 * that runs it; null when it cannot be told for some container (no container, a main nginx.conf we cannot read, an
 * unreadable include, a custom image). A main nginx.conf's own `http {}` block is read with `httpLevelOf`.
 */
export function httpLevelsFor(project: Project, file: PlainFile): HttpLevel[] | null {
  const uses = runtimesOfNginxFile(project, file);
  if (!uses.length) return null;
  const levels: HttpLevel[] = [];
  for (const { runtime } of uses) {
    if (runtime.opaque) return null;
    const main = runtime.placements.find((p) => p.target === '/etc/nginx/nginx.conf');
    let level: HttpLevel | null;
    if (main) {
      if (!main.file || main.file === file) return null;
      const http = childrenNamed(nginxConfig(main.file).directives, 'http')[0];
      level = http ? httpLevelOf(http, main.file.path) : null;
      if (!level) return null;
    } else if (runtime.officialNginx) level = { addHeaders: [], inherit: 'on', serverTokens: null, proxyHeaders: [], proxyHttpVersion: null, file: null };
    else return null;
    // Top-level lines of the other conf.d files are http-level too.
    for (const other of runtime.placements) {
      if (!other.file || other.file === file || !/^\/etc\/nginx\/conf\.d\/[^/]+\.conf$/.test(other.target)) continue;
      const top = nginxConfig(other.file).directives;
      if (hasOpaqueInclude(top, 'http')) return null;
      level.addHeaders = [...level.addHeaders, ...located(childrenNamed(top, 'add_header'), other.file.path)];
      level.proxyHeaders = [...level.proxyHeaders, ...located(childrenNamed(top, 'proxy_set_header'), other.file.path)];
      level.serverTokens = childrenNamed(top, 'server_tokens').at(-1)?.args[0]?.value ?? level.serverTokens;
    }
    levels.push(level);
  }
  return levels;
}

/**
 * The http levels the servers of `file` inherit: the file's own `http {}` for a main nginx.conf, the containers' for
 * a conf.d snippet; null when unknown.
 */
export function httpLevelsOfFile(project: Project, file: PlainFile, config: NginxConfig): HttpLevel[] | null {
  const role = configRole(config);
  if (role === 'main') {
    const http = childrenNamed(config.directives, 'http')[0];
    const level = http ? httpLevelOf(http, file.path) : null;
    return level ? [level] : null;
  }
  return role === 'http' ? httpLevelsFor(project, file) : null;
}

/** Servers of other configs the same containers run at the http level (conf.d files, templates), for a main nginx.conf. */
export function siblingServers(project: Project, file: PlainFile): NginxDirective[] | null {
  const uses = runtimesOfNginxFile(project, file);
  const out: NginxDirective[] = [];
  for (const { runtime } of uses) {
    if (runtime.opaque) return null;
    for (const p of runtime.placements) {
      if (p.file && p.file !== file) out.push(...httpServers(nginxConfig(p.file)));
    }
  }
  return out;
}

// ─── add_header inheritance ──────────────────────────────────────────────────────────────────────────────────────

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'X-Content-Type-Options',
  'x-frame-options': 'X-Frame-Options',
  'referrer-policy': 'Referrer-Policy',
  'strict-transport-security': 'Strict-Transport-Security',
  'content-security-policy': 'Content-Security-Policy',
  'permissions-policy': 'Permissions-Policy',
  'x-xss-protection': 'X-XSS-Protection',
  'cross-origin-opener-policy': 'Cross-Origin-Opener-Policy',
  'cross-origin-resource-policy': 'Cross-Origin-Resource-Policy',
};

/** Header names (lower case) an `add_header` list sets; `null` when one is a variable. */
export function headerNames(directives: Located[]): Set<string> | null {
  const names = new Set<string>();
  for (const { directive: d } of directives) {
    const name = d.args[0]?.value;
    if (!name || name.includes('$')) return null;
    names.add(name.toLowerCase());
  }
  return names;
}

/** The `add_header` directives in effect at a level (`block`, in `file`), given the parent's. */
export function effectiveHeaders(block: NginxDirective[], file: string, parent: Located[], inherit: string): Located[] {
  const own = located(childrenNamed(block, 'add_header'), file);
  if (inherit === 'off') return own;
  if (!own.length) return parent;
  return inherit === 'merge' ? [...parent, ...own] : own;
}

/** `add_header_inherit` in effect in a block, given its parent's (the setting itself is inherited normally). */
export function inheritModeOf(block: NginxDirective[], parent: string): string {
  return childrenNamed(block, 'add_header_inherit').at(-1)?.args[0]?.value ?? parent;
}

/** Directives that set headers we cannot read (headers-more). */
export function setsHeadersOpaquely(block: NginxDirective[] | null): boolean {
  return childrenNamed(block, 'more_set_headers').length > 0;
}

// ─── Upstreams ───────────────────────────────────────────────────────────────────────────────────────────────────

export const PASS_DIRECTIVES = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'memcached_pass']);

export interface UpstreamRef {
  /** `proxy_pass`, or `server` inside an `upstream` block. */
  directive: NginxDirective;
  word: NginxWord;
  host: string;
  /** The port connected to: written, or the scheme's default (http 80, https 443); null when neither. */
  port: number | null;
  /** True when the port is written. */
  explicitPort: boolean;
}

/**
 * The address of a `*_pass` argument or an upstream `server` entry, when it is a single-label host name (a compose
 * service would be): no variables, no IP, no dots, not `localhost`, not a unix socket.
 */
export function parseUpstream(directive: NginxDirective, word: NginxWord): UpstreamRef | null {
  const value = word.value.trim();
  if (!value || value.includes('$') || /^unix:/i.test(value)) return null;
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)/i.exec(value);
  if (!m) return null;
  const scheme = m[1]?.toLowerCase() ?? null;
  const authority = m[2];
  if (!authority || authority.startsWith('[') || authority.includes('@')) return null;
  const colon = authority.lastIndexOf(':');
  const host = (colon >= 0 ? authority.slice(0, colon) : authority).toLowerCase();
  const portText = colon >= 0 ? authority.slice(colon + 1) : null;
  if (portText !== null && !/^\d+$/.test(portText)) return null;
  if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/.test(host) || /^\d+$/.test(host) || host === 'localhost') return null;
  const defaultPort = directive.name === 'server' || scheme === 'http' ? 80 : scheme === 'https' ? 443 : null;
  return { directive, word, host, port: portText !== null ? Number(portText) : defaultPort, explicitPort: portText !== null };
}

/** Every upstream address of a config: `*_pass` arguments and `server` entries of `upstream` blocks. */
export function upstreamRefs(config: NginxConfig): UpstreamRef[] {
  const out: UpstreamRef[] = [];
  walkNginx(config.directives, (d, ancestors) => {
    const inUpstream = ancestors.at(-1)?.name === 'upstream';
    if (PASS_DIRECTIVES.has(d.name) && d.args[0]) {
      const ref = parseUpstream(d, d.args[0]);
      if (ref) out.push(ref);
    } else if (d.name === 'server' && inUpstream && !d.block && d.args[0]) {
      const ref = parseUpstream(d, d.args[0]);
      if (ref) out.push(ref);
    }
  });
  return out;
}

/** Names of the `upstream` blocks of a config (a `proxy_pass http://name` to one is not a host). */
export function upstreamNames(config: NginxConfig): Set<string> {
  const names = new Set<string>();
  walkNginx(config.directives, (d) => {
    if (d.name === 'upstream' && d.args[0]) names.add(d.args[0].value.toLowerCase());
  });
  return names;
}

/**
 * The names a container of the view can resolve: service names, `container_name`, `hostname`, network aliases, `links`
 * and `external_links` aliases, and `extra_hosts` entries (of any service: conservative).
 */
export function resolvableNames(view: ComposeView): Set<string> {
  const names = new Set<string>();
  const add = (v: unknown, service: ServiceView) => {
    const text = scalarText(v);
    if (text === null) return;
    const { value, unresolved } = interpolate(text, service);
    if (!unresolved && value.trim()) names.add(value.trim().toLowerCase());
  };
  for (const service of view.services) {
    names.add(service.name.toLowerCase());
    add(service.data.container_name, service);
    add(service.data.hostname, service);
    for (const net of Object.values(asMap(service.data.networks) ?? {})) {
      const aliases = asMap(net)?.aliases;
      if (Array.isArray(aliases)) aliases.forEach((a) => add(a, service));
    }
    for (const key of ['links', 'external_links']) {
      const list = service.data[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const text = scalarText(entry);
        if (text === null) continue;
        text.split(':').forEach((part) => add(part, service));
      }
    }
    const hosts = service.data.extra_hosts;
    if (Array.isArray(hosts)) hosts.forEach((h) => add(scalarText(h)?.split(/[=:]/)[0], service));
    else for (const name of Object.keys(asMap(hosts) ?? {})) add(name, service);
  }
  return names;
}

/**
 * True when the service may resolve names outside its compose view (or none of them): any `network_mode` (host, another
 * container's network, the legacy bridge), or a network that is external or has a fixed `name:` (shared with other
 * projects).
 */
export function reachesOutside(service: ServiceView): boolean {
  const mode = scalarText(service.data.network_mode);
  if (mode !== null && mode.trim() !== '') return true;
  const top = asMap(service.view.data.networks) ?? {};
  for (const net of networksOf(service)) {
    const spec = asMap(top[net]);
    if (!spec) continue;
    const external = spec.external;
    if (external === true || (typeof external === 'string' && /^(true|yes)$/i.test(external)) || asMap(external) || scalarText(spec.name) !== null) return true;
  }
  return false;
}

// ─── Listen ports ────────────────────────────────────────────────────────────────────────────────────────────────

/** Ports of a `listen` (`80`, `[::]:443 ssl`, `127.0.0.1:8080`, `127.0.0.1` → 80); null for a variable or a socket. */
export function listenPort(listen: NginxDirective): number | null {
  const value = listen.args[0]?.value ?? '';
  if (!value || value.includes('$') || value.startsWith('unix:')) return null;
  const m = /^(?:\[[^\]]*\]|[^:[\]]*(?=:))?:?(\d+)$/.exec(value);
  if (m) return Number(m[1]);
  if (/^\d+$/.test(value)) return Number(value);
  if (/^(\d+\.){3}\d+$/.test(value) || value === '*' || /^[a-z][a-z0-9.-]*$/i.test(value)) return 80;
  return null;
}

/**
 * The ports the nginx configs of a compose service's container listen on: null when the service runs none of the
 * project's configs, 'unknown' when some config cannot be read (a variable `listen`, an unreadable folder of configs).
 */
export function nginxListenPorts(project: Project, service: ServiceView): { ports: Set<number>; evidence: Related[] } | 'unknown' | null {
  const runtimes = nginxRuntimes(project).filter((r) => r.service === service);
  if (!runtimes.length) return null;
  const ports = new Set<number>();
  const evidence: Related[] = [];
  for (const runtime of runtimes) {
    if (runtime.opaque) return 'unknown';
    for (const placement of runtime.placements) {
      if (!placement.file) continue;
      const config = nginxConfig(placement.file);
      for (const server of httpServers(config)) {
        const listens = childrenNamed(server.block, 'listen');
        if (!listens.length) ports.add(80);
        for (const listen of listens) {
          const port = listenPort(listen);
          if (port === null) return 'unknown';
          ports.add(port);
          evidence.push({ path: placement.file.path, line: listen.range.line, message: `\`listen ${listen.args.map((a) => a.raw).join(' ')}\`` });
        }
      }
      if (hasOpaqueInclude(config.directives, 'http')) return 'unknown';
    }
  }
  return { ports, evidence };
}

/** `related` entries pointing at where each container gets this config (the mount or COPY line). */
export function placementsRelated(uses: { runtime: NginxRuntime; placement: NginxPlacement }[]): Related[] {
  const seen = new Set<string>();
  const out: Related[] = [];
  for (const { runtime, placement } of uses) {
    const who = runtime.service ? `service \`${runtime.service.name}\` (${runtime.service.view.label})` : `the image of \`${runtime.dockerfile?.path}\``;
    const message = `${placement.via === 'mount' ? 'mounted' : 'copied'} into ${who} at \`${placement.target}\``;
    const key = `${placement.place.in}:${placement.place.range.line}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: placement.place.in, line: placement.place.range.line, message });
  }
  return out;
}

/** The names a service answers to in its networks: its name, `container_name`, `hostname`, network aliases. */
function ownNames(service: ServiceView): Set<string> {
  const names = new Set<string>([service.name.toLowerCase()]);
  const add = (v: unknown) => {
    const text = scalarText(v);
    if (text === null) return;
    const { value, unresolved } = interpolate(text, service);
    if (!unresolved && value.trim()) names.add(value.trim().toLowerCase());
  };
  add(service.data.container_name);
  add(service.data.hostname);
  for (const net of Object.values(asMap(service.data.networks) ?? {})) {
    const aliases = asMap(net)?.aliases;
    if (Array.isArray(aliases)) aliases.forEach(add);
  }
  return names;
}

/** The service of the view a host name reaches (service name, `container_name`, `hostname`, network alias, `links` alias). */
export function serviceNamed(view: ComposeView, host: string): ServiceView | null {
  const lower = host.toLowerCase();
  const byName = view.services.find((s) => s.name.toLowerCase() === lower);
  if (byName) return byName;
  const owner = view.services.find((s) => ownNames(s).has(lower));
  if (owner) return owner;
  for (const service of view.services) {
    for (const entry of Array.isArray(service.data.links) ? service.data.links : []) {
      const [target, alias] = (scalarText(entry) ?? '').split(':');
      if (alias?.toLowerCase() === lower) return view.service(target) ?? null;
    }
  }
  return null;
}

/** The nginx file a rule with `appliesTo: 'nginx'` checks. */
export function checkedNginxFile(ctx: { file: unknown }): PlainFile {
  return ctx.file as PlainFile;
}

/** A server that answers every request with a redirect or a bare status (`return 301 https://…`, `return 444`). */
export function returnsOnly(server: NginxDirective): boolean {
  return childrenNamed(server.block, 'return').length > 0;
}

/** The server listens with TLS (`listen 443 ssl`, `listen 443 quic`, the old `ssl on;`). */
export function servesTls(server: NginxDirective): boolean {
  return childrenNamed(server.block, 'listen').some((l) => l.args.some((a) => ['ssl', 'quic', 'http3'].includes(a.value)))
    || childrenNamed(server.block, 'ssl').some((d) => d.args[0]?.value === 'on');
}

/** `server_name a b` / `listen 80`, for messages. */
export function serverLabel(server: NginxDirective): string {
  const name = childrenNamed(server.block, 'server_name')[0]?.args.map((a) => a.value).filter((v) => v && v !== '_').join(' ');
  const listen = childrenNamed(server.block, 'listen').map((l) => l.args[0]?.value).filter(Boolean).join(', ');
  return name ? `server \`${name}\`` : listen ? `server on \`${listen}\`` : 'server';
}

/**
 * The `add_header` lines in effect at a server's level, per container running the config; null when they cannot be
 * read (a variable header name, an include we do not read, headers-more).
 */
export function serverHeaders(project: Project, file: PlainFile, config: NginxConfig, server: NginxDirective): { headers: Located[]; inherit: string }[] | null {
  if (!server.block || hasOpaqueInclude(server.block, 'block') || setsHeadersOpaquely(server.block)) return null;
  const own = childrenNamed(server.block, 'add_header');
  const ownInherit = childrenNamed(server.block, 'add_header_inherit').at(-1)?.args[0]?.value ?? null;
  const levels = httpLevelsOfFile(project, file, config);
  if (!levels) {
    // The http level is unknown: a server with its own add_header (standard inheritance) does not need it.
    if (!own.length || ownInherit === 'merge') return null;
    return [{ headers: own.map((directive) => ({ directive, path: file.path })), inherit: ownInherit ?? 'on' }];
  }
  return levels.map((level) => {
    const inherit = ownInherit ?? level.inherit;
    return { headers: effectiveHeaders(server.block!, file.path, level.addHeaders, inherit), inherit };
  });
}
