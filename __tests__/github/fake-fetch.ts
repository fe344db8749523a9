// A tiny in-process stand-in for the GitHub REST API: routes → handlers, every request recorded. Unit tests only
// (the e2e suite has its own server that validates against the OpenAPI description).
import { createClient, type GitHub } from '../../src/github/client.js';
import { silentLogger, type Logger } from '../../src/github/log.js';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  headers: Record<string, string>;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (call: Call, match: RegExpExecArray) => Reply | Promise<Reply>;

export const API = 'https://api.test';

export class FakeGitHub {
  readonly calls: Call[] = [];
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  on(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.unshift({ method, pattern, handler });
    return this;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const call: Call = { method, path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers };
    this.calls.push(call);
    for (const route of this.routes) {
      const match = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const reply = await route.handler(call, match);
      const status = reply.status ?? 200;
      const text = status === 204 ? null : JSON.stringify(reply.body ?? {});
      return new Response(text, { status, headers: { 'content-type': 'application/json', ...reply.headers } });
    }
    return new Response(JSON.stringify({ message: `Not Found (fake: ${method} ${url.pathname})` }), { status: 404, headers: { 'content-type': 'application/json' } });
  };

  client(options: { log?: Logger; throttle?: boolean } = {}): GitHub {
    return createClient({ token: 'ghs_secret-token', baseUrl: API, userAgent: 'test', log: options.log ?? silentLogger, fetch: this.fetch, retryAfterBaseMs: 1, throttle: options.throttle ?? false });
  }

  /** "METHOD /path" of every request, in order (query strings left out). */
  requests(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }
}

/** Pages `items` the way GitHub does: `per_page`/`page` query, a Link header to the next page. */
export function paged<T>(items: T[], call: Call): Reply {
  const perPage = Number(call.query.get('per_page') ?? 30);
  const page = Number(call.query.get('page') ?? 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) {
    const next = new URL(`${API}${call.path}`);
    call.query.forEach((v, k) => next.searchParams.set(k, v));
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { body: slice, headers };
}
