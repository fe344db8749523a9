// A local GitHub REST API for one repository and one pull request. Every request is recorded; every routed request
// is validated against GitHub's OpenAPI description; documented limits answer as GitHub does (see state.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiValidator, type ValidationProblem } from './openapi.js';
import { blobSha } from './git-objects.js';
import {
  ACTIONS_BOT,
  ApiError,
  COMPARE_FILES_CAP,
  notFound,
  RepoState,
  type CheckRun,
  type Issue,
  type IssueComment,
  type PullFile,
  type RepoOptions,
  type Review,
  type ReviewComment,
} from './state.js';

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path with `/repositories/{id}` rewritten to `/repos/{owner}/{repo}`, without the query. */
  path: string;
  /** The path as requested (pagination links use `/repositories/{id}/…`). */
  rawPath: string;
  /** When it arrived (ms, performance.now()): for diagnostics only, never for assertions. */
  at: number;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** The OpenAPI operation served, or null for an unrouted call. */
  operation: string | null;
  /** Set when an injected fault answered. */
  fault?: string;
  /** Error message of a 4xx/5xx answer. */
  error?: string;
}

export type FaultKind = 500 | 502 | 'secondary-rate-limit' | 'secondary-rate-limit-429' | { status: number; body: unknown; headers?: Record<string, string> };

export interface Fault {
  method?: string;
  /** Matched against the normalised path (a string must match it exactly). */
  path: string | RegExp;
  /** How many matching requests it answers (default 1). */
  times?: number;
  kind: FaultKind;
}

export interface FakeGitHubOptions extends RepoOptions {
  token: string;
}

interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  url: URL;
  record: RecordedRequest;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (ctx: Ctx) => Answer;

interface Route {
  method: string;
  regex: RegExp;
  /** The path template in GitHub's OpenAPI description (validation key), or null for GraphQL. */
  template: string | null;
  handler: Handler;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  state: RepoState;
  /** Fork mode: the token is read-only, every write answers 403. */
  readOnly = false;
  readonly requests: RecordedRequest[] = [];
  /** Calls no route serves (answered 404). */
  readonly unexpected: RecordedRequest[] = [];
  /** Requests whose params or body broke GitHub's OpenAPI description (answered 422). */
  readonly schemaViolations: (ValidationProblem & { request: RecordedRequest })[] = [];
  /** Requests GitHub's documented behaviour refuses (422), e.g. a review comment outside the diff. */
  readonly rejections: RecordedRequest[] = [];
  /** Bugs of the fake itself (answered 500): a test must fail on them. */
  readonly crashes: string[] = [];
  private faults: (Fault & { left: number })[] = [];
  private readonly routes: Route[] = [];
  private readonly validator: OpenApiValidator;
  private server: http.Server | null = null;
  private port = 0;
  private seq = 0;

  constructor(private readonly options: FakeGitHubOptions) {
    this.state = new RepoState(options);
    this.defineRoutes();
    this.validator = new OpenApiValidator(new Set(this.routes.map((r) => r.template).filter((t): t is string => t !== null)));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    // Keep-alive sockets from child processes must not hold the server open.
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Forget everything (repository, PR, records, faults, read-only mode); the server keeps its port. */
  reset(): void {
    this.state = new RepoState(this.options);
    this.readOnly = false;
    this.faults = [];
    this.clearRecords();
  }

  clearRecords(): void {
    this.requests.length = 0;
    this.unexpected.length = 0;
    this.schemaViolations.length = 0;
    this.rejections.length = 0;
    this.crashes.length = 0;
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.left, 0);
  }

  /** Requests other than reads. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  /** One line per request: `POST /repos/o/r/pulls/7/reviews → 200`. */
  log(): string[] {
    return this.requests.map((r) => {
      const q = new URLSearchParams(r.query).toString();
      return `${r.method} ${r.path}${q ? `?${q}` : ''} → ${r.status}${r.fault ? ` (injected ${r.fault})` : ''}${r.error ? ` (${r.error})` : ''}`;
    });
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = this.normalise(url.pathname);
    const record: RecordedRequest = {
      seq: ++this.seq,
      method,
      path,
      rawPath: url.pathname,
      at: performance.now(),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      operation: null,
    };
    this.requests.push(record);
    let parsedBody: unknown;
    let badJson = false;
    if (raw) {
      try {
        parsedBody = JSON.parse(raw);
      } catch {
        badJson = true;
        parsedBody = raw;
      }
    }
    record.body = parsedBody;
    let answer: Answer;
    try {
      answer = this.answer(req, record, url, method, path, parsedBody, badJson);
    } catch (error) {
      // A bug of the fake must fail the test loudly, not hang the client.
      answer = { status: 500, body: { message: `fake-github crashed: ${(error as Error).stack}` } };
      this.crashes.push(`${method} ${path}: ${(error as Error).stack}`);
    }
    record.status = answer.status;
    if (answer.status >= 400 && answer.body && typeof answer.body === 'object' && 'message' in answer.body) {
      const errors = (answer.body as { errors?: unknown[] }).errors;
      record.error = `${(answer.body as { message: string }).message}${errors?.length && typeof errors[0] === 'string' ? `: ${errors.join('; ')}` : ''}`;
    }
    if (answer.status === 422 && !this.schemaViolations.some((v) => v.request === record)) this.rejections.push(record);
    const remaining = Math.max(0, 5000 - this.seq);
    const headers: Record<string, string> = {
      'x-github-request-id': `FAKE:${record.seq}`,
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...answer.headers,
    };
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers);
      res.end();
    } else if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(answer.body);
    } else {
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(answer.body));
    }
  }

  private normalise(pathname: string): string {
    const p = pathname.replace(new RegExp(`^/repositories/${this.state.repoId}(?=/|$)`), `/repos/${this.state.owner}/${this.state.repo}`);
    return p.length > 1 ? p.replace(/\/+$/, '') : p;
  }

  private answer(req: http.IncomingMessage, record: RecordedRequest, url: URL, method: string, path: string, body: unknown, badJson: boolean): Answer {
    if (!req.headers['user-agent']) {
      return { status: 403, body: { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' } };
    }
    const auth = req.headers.authorization;
    if (!auth) return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS } };
    const m = /^(token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m || m[2] !== this.options.token) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };

    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
    if (fault) {
      fault.left--;
      const kind = fault.kind;
      record.fault = typeof kind === 'object' ? String(kind.status) : String(kind);
      if (kind === 500) return { status: 500, body: { message: 'Server Error' } };
      if (kind === 502) return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
      if (kind === 'secondary-rate-limit' || kind === 'secondary-rate-limit-429') {
        return {
          status: kind === 'secondary-rate-limit' ? 403 : 429,
          headers: { 'retry-after': '1' },
          body: {
            message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:${record.seq}.`,
            documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
        };
      }
      return { status: kind.status, body: kind.body, headers: kind.headers };
    }

    let route: Route | undefined;
    let params: Record<string, string> = {};
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const match = r.regex.exec(path);
      if (!match) continue;
      route = r;
      params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      break;
    }
    if (!route) {
      this.unexpected.push(record);
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
    }
    record.operation = route.template ? this.validator.operation(route.template, method).operationId : 'graphql';

    if (this.readOnly && method !== 'GET' && method !== 'HEAD' && route.template !== null) {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' } };
    }
    if (badJson) return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } };

    if (route.template) {
      const problem = this.validator.validate(route.template, method, { ...params, ...Object.fromEntries(url.searchParams) }, body);
      if (problem) {
        this.schemaViolations.push({ ...problem, request: record });
        const text = problem.errors.map((e) => `${problem.where}${e.instancePath || ''} ${e.message ?? e.keyword}`).join('\n');
        return { status: 422, body: { message: `Invalid request.\n\n${text}`, errors: problem.errors, documentation_url: DOCS, status: '422' } };
      }
    }
    try {
      return route.handler({ params, query: url.searchParams, body: body ?? {}, url, record });
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: error.status, body: { message: error.message, ...(error.errors ? { errors: error.errors } : {}), documentation_url: DOCS, status: String(error.status) } };
      }
      this.crashes.push(`${method} ${path}: ${(error as Error).stack}`);
      return { status: 500, body: { message: `fake-github crashed: ${(error as Error).stack}` } };
    }
  }

  // ---- routes ------------------------------------------------------------------------------------------------------

  private route(method: string, template: string, handler: Handler, wide: string[] = []): void {
    // `{param}` matches one segment; the ones in `wide` may span slashes (file paths, refs).
    const regex = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (wide.includes(name) ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`))}$`,
    );
    this.routes.push({ method, regex, template, handler });
  }

  private paginate<T>(ctx: Ctx, items: T[]): Answer {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(ctx.url.toString());
      // GitHub's links point at /repositories/{id}/…: clients must follow them, not rebuild URLs.
      u.pathname = ctx.url.pathname.replace(`/repos/${this.state.owner}/${this.state.repo}`, `/repositories/${this.state.repoId}`);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  }

  private defineRoutes(): void {
    const R = '/repos/{owner}/{repo}';
    const s = () => this.state;
    const repoOf = (ctx: Ctx) => {
      if (ctx.params.owner.toLowerCase() !== s().owner.toLowerCase() || ctx.params.repo.toLowerCase() !== s().repo.toLowerCase()) throw notFound();
    };
    const int = (v: string) => Number.parseInt(v, 10);
    const withRepo = (fn: Handler): Handler => (ctx) => {
      repoOf(ctx);
      return fn(ctx);
    };
    const ok = (body: unknown, status = 200): Answer => ({ status, body });

    this.route('GET', R, withRepo(() => ok(this.repoJson())));

    // pull request
    this.route('GET', `${R}/pulls/{pull_number}`, withRepo((ctx) => ok(this.pullJson(s().requirePull(int(ctx.params.pull_number))))));
    this.route('GET', `${R}/pulls/{pull_number}/files`, withRepo((ctx) => {
      s().requirePull(int(ctx.params.pull_number));
      return this.paginate(ctx, s().pullFiles().map((f) => this.fileJson(f, s().pull!.head.sha)));
    }));
    this.route('GET', `${R}/pulls/{pull_number}/reviews`, withRepo((ctx) => {
      s().requirePull(int(ctx.params.pull_number));
      return this.paginate(ctx, s().reviews.map((r) => this.reviewJson(r)));
    }));
    this.route('POST', `${R}/pulls/{pull_number}/reviews`, withRepo((ctx) => {
      const { review } = s().createReview(int(ctx.params.pull_number), ctx.body, ACTIONS_BOT);
      return ok(this.reviewJson(review));
    }));
    this.route('GET', `${R}/pulls/{pull_number}/comments`, withRepo((ctx) => {
      s().requirePull(int(ctx.params.pull_number));
      let list = [...s().reviewComments];
      const since = ctx.query.get('since');
      if (since) list = list.filter((c) => c.updated_at >= since);
      const key = ctx.query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
      list.sort((a, b) => a[key].localeCompare(b[key]) || a.id - b.id);
      if (ctx.query.get('direction') === 'desc') list.reverse();
      return this.paginate(ctx, list.map((c) => this.commentJson(c)));
    }));
    this.route('POST', `${R}/pulls/{pull_number}/comments`, withRepo((ctx) => ok(this.commentJson(s().createReviewComment(int(ctx.params.pull_number), ctx.body, ACTIONS_BOT)), 201)));
    this.route('POST', `${R}/pulls/{pull_number}/comments/{comment_id}/replies`, withRepo((ctx) =>
      ok(this.commentJson(s().reply(int(ctx.params.pull_number), int(ctx.params.comment_id), ctx.body.body, ACTIONS_BOT)), 201)));
    this.route('GET', `${R}/pulls/comments/{comment_id}`, withRepo((ctx) => {
      const c = s().reviewComments.find((x) => x.id === int(ctx.params.comment_id));
      if (!c) throw notFound();
      return ok(this.commentJson(c));
    }));
    this.route('PATCH', `${R}/pulls/comments/{comment_id}`, withRepo((ctx) => ok(this.commentJson(s().updateReviewComment(int(ctx.params.comment_id), ctx.body.body)))));
    this.route('DELETE', `${R}/pulls/comments/{comment_id}`, withRepo((ctx) => {
      s().deleteReviewComment(int(ctx.params.comment_id));
      return { status: 204 };
    }));

    // check runs
    this.route('POST', `${R}/check-runs`, withRepo((ctx) => ok(this.checkRunJson(s().createCheckRun(ctx.body)), 201)));
    this.route('PATCH', `${R}/check-runs/{check_run_id}`, withRepo((ctx) => ok(this.checkRunJson(s().updateCheckRun(int(ctx.params.check_run_id), ctx.body)))));
    this.route('GET', `${R}/check-runs/{check_run_id}`, withRepo((ctx) => {
      const run = s().checkRuns.find((r) => r.id === int(ctx.params.check_run_id));
      if (!run) throw notFound();
      return ok(this.checkRunJson(run));
    }));
    this.route('GET', `${R}/check-runs/{check_run_id}/annotations`, withRepo((ctx) => {
      const run = s().checkRuns.find((r) => r.id === int(ctx.params.check_run_id));
      if (!run) throw notFound();
      return this.paginate(ctx, run.annotations.map((a) => ({ ...a, blob_href: `${this.url}/${s().fullName}/blob/${run.head_sha}/${a.path}` })));
    }));
    this.route('GET', `${R}/commits/{ref}/check-runs`, withRepo((ctx) => {
      const commit = s().resolveRef(ctx.params.ref);
      if (!commit) throw new ApiError(422, `No commit found for SHA: ${ctx.params.ref}`);
      const name = ctx.query.get('check_name');
      const runs = s().checkRuns.filter((r) => r.head_sha === commit.sha && (!name || r.name === name)).reverse();
      const page = this.paginate(ctx, runs.map((r) => this.checkRunJson(r)));
      return { ...page, body: { total_count: runs.length, check_runs: page.body } };
    }), ['ref']);

    // git data and contents
    this.route('GET', `${R}/git/trees/{tree_sha}`, withRepo((ctx) => {
      const tree = s().resolveTree(ctx.params.tree_sha);
      if (!tree) throw notFound();
      const recursive = ctx.query.has('recursive');
      const entries = recursive ? tree.entries : tree.entries.filter((e) => !e.path.includes('/'));
      return ok({
        sha: tree.sha,
        url: `${this.url}${R.replace('{owner}', s().owner).replace('{repo}', s().repo)}/git/trees/${tree.sha}`,
        tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.type === 'blob' ? { size: e.size, url: `${this.url}/repos/${s().fullName}/git/blobs/${e.sha}` } : { url: `${this.url}/repos/${s().fullName}/git/trees/${e.sha}` }) })),
        truncated: false,
      });
    }), ['tree_sha']);
    this.route('GET', `${R}/git/blobs/{file_sha}`, withRepo((ctx) => {
      const content = s().blob(ctx.params.file_sha);
      if (!content) throw notFound();
      return ok({ sha: ctx.params.file_sha, node_id: `B_${ctx.params.file_sha}`, size: content.length, url: `${this.url}/repos/${s().fullName}/git/blobs/${ctx.params.file_sha}`, content: base64Lines(content), encoding: 'base64' });
    }));
    this.route('GET', `${R}/contents/{path}`, withRepo((ctx) => {
      const ref = ctx.query.get('ref') ?? s().defaultBranch;
      const commit = s().resolveRef(ref);
      if (!commit) throw new ApiError(404, `No commit found for the ref ${ref}`);
      const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
      const content = commit.files.get(path);
      if (content) {
        const sha = blobSha(content);
        return ok({ type: 'file', encoding: 'base64', size: content.length, name: path.split('/').pop(), path, content: base64Lines(content), sha, url: `${this.url}/repos/${s().fullName}/contents/${path}?ref=${ref}`, git_url: `${this.url}/repos/${s().fullName}/git/blobs/${sha}`, html_url: null, download_url: null, _links: { self: '', git: '', html: '' } });
      }
      const prefix = `${path}/`;
      const children = commit.tree.entries.filter((e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/'));
      if (!children.length) throw notFound();
      return ok(children.map((e) => ({ type: e.type === 'tree' ? 'dir' : 'file', size: e.size ?? 0, name: e.path.split('/').pop(), path: e.path, sha: e.sha, url: '', git_url: '', html_url: null, download_url: null, _links: { self: '', git: '', html: '' } })));
    }), ['path']);
    this.route('GET', `${R}/commits/{ref}`, withRepo((ctx) => {
      const commit = s().resolveRef(ctx.params.ref);
      if (!commit) throw new ApiError(422, `No commit found for SHA: ${ctx.params.ref}`);
      const files = commit.parents[0] ? s().diffFiles(commit.parents[0], commit.sha) : [];
      return ok({ sha: commit.sha, commit: { message: commit.message, tree: { sha: commit.tree.sha } }, parents: commit.parents.map((p) => ({ sha: p })), files: files.map((f) => this.fileJson(f, commit.sha)) });
    }), ['ref']);
    this.route('GET', `${R}/compare/{basehead}`, withRepo((ctx) => {
      const m = /^(.+?)(\.\.\.?)(.+)$/.exec(ctx.params.basehead);
      if (!m) throw notFound();
      const base = s().resolveRef(m[1]);
      const head = s().resolveRef(m[3]);
      if (!base || !head) throw notFound();
      const from = m[2] === '...' ? (s().mergeBase(base.sha, head.sha) ?? base.sha) : base.sha;
      const headAncestors = s().ancestors(head.sha);
      const baseAncestors = new Set(s().ancestors(base.sha));
      const commits = headAncestors.filter((c) => !baseAncestors.has(c)).reverse();
      const behind = [...baseAncestors].filter((c) => !headAncestors.includes(c)).length;
      const files = s().diffFiles(from, head.sha).slice(0, COMPARE_FILES_CAP);
      return ok({
        url: ctx.url.toString(),
        status: commits.length && behind ? 'diverged' : commits.length ? 'ahead' : behind ? 'behind' : 'identical',
        ahead_by: commits.length,
        behind_by: behind,
        total_commits: commits.length,
        base_commit: { sha: base.sha },
        merge_base_commit: { sha: from },
        commits: commits.map((sha) => ({ sha, commit: { message: s().commit(sha).message }, parents: s().commit(sha).parents.map((p) => ({ sha: p })) })),
        files: files.map((f) => this.fileJson(f, head.sha)),
      });
    }), ['basehead']);

    // issues
    this.route('GET', `${R}/issues`, withRepo((ctx) => {
      const state = ctx.query.get('state') ?? 'open';
      const labels = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
      const creator = ctx.query.get('creator');
      let list = s().issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)) && (!creator || i.user.login === creator));
      list = [...list].sort((a, b) => b.number - a.number);
      if (ctx.query.get('direction') === 'asc') list.reverse();
      return this.paginate(ctx, list.map((i) => this.issueJson(i)));
    }));
    this.route('POST', `${R}/issues`, withRepo((ctx) => ok(this.issueJson(s().createIssue(ctx.body, ACTIONS_BOT)), 201)));
    this.route('GET', `${R}/issues/{issue_number}`, withRepo((ctx) => {
      const issue = s().issues.find((i) => i.number === int(ctx.params.issue_number));
      if (!issue) throw notFound();
      return ok(this.issueJson(issue));
    }));
    this.route('PATCH', `${R}/issues/{issue_number}`, withRepo((ctx) => ok(this.issueJson(s().updateIssue(int(ctx.params.issue_number), ctx.body)))));
    this.route('GET', `${R}/issues/{issue_number}/comments`, withRepo((ctx) => {
      const n = int(ctx.params.issue_number);
      if (!s().issues.some((i) => i.number === n)) throw notFound();
      return this.paginate(ctx, s().issueComments.filter((c) => c.issue_number === n).map((c) => this.issueCommentJson(c)));
    }));
    this.route('POST', `${R}/issues/{issue_number}/comments`, withRepo((ctx) => ok(this.issueCommentJson(s().createIssueComment(int(ctx.params.issue_number), ctx.body.body, ACTIONS_BOT)), 201)));
    this.route('PATCH', `${R}/issues/comments/{comment_id}`, withRepo((ctx) => ok(this.issueCommentJson(s().updateIssueComment(int(ctx.params.comment_id), ctx.body.body)))));
    this.route('DELETE', `${R}/issues/comments/{comment_id}`, withRepo((ctx) => {
      s().deleteIssueComment(int(ctx.params.comment_id));
      return { status: 204 };
    }));
    this.route('GET', '/search/issues', (ctx) => {
      const items = searchIssues(s(), ctx.query.get('q') ?? '');
      const page = this.paginate(ctx, items.map((i) => this.issueJson(i)));
      return { ...page, body: { total_count: items.length, incomplete_results: false, items: page.body } };
    });

    // GraphQL: mutations such as resolveReviewThread are refused to the Actions token.
    this.routes.push({
      method: 'POST',
      regex: /^\/(api\/)?graphql$/,
      template: null,
      handler: (ctx) => {
        const query = String(ctx.body?.query ?? '');
        if (/^\s*mutation\b/.test(query)) {
          return ok({ data: null, errors: [{ type: 'FORBIDDEN', path: [], locations: [], message: 'Resource not accessible by integration' }] });
        }
        this.unexpected.push(ctx.record);
        return ok({ data: null, errors: [{ message: 'fake-github does not emulate GraphQL queries' }] });
      },
    });
  }

  // ---- JSON shapes -------------------------------------------------------------------------------------------------

  private user(u: { login: string; id: number; type: string }) {
    return { login: u.login, id: u.id, node_id: `U_${u.id}`, type: u.type, site_admin: false, avatar_url: '', url: `${this.url}/users/${encodeURIComponent(u.login)}`, html_url: `https://github.com/${u.login}` };
  }

  private repoJson(fork = false) {
    const st = this.state;
    return {
      id: st.repoId,
      node_id: `R_${st.repoId}`,
      name: st.repo,
      full_name: st.fullName,
      owner: this.user({ login: st.owner, id: 1, type: 'Organization' }),
      private: false,
      fork,
      default_branch: st.defaultBranch,
      url: `${this.url}/repos/${st.fullName}`,
      html_url: `https://github.com/${st.fullName}`,
    };
  }

  private pullJson(pr: NonNullable<RepoState['pull']>) {
    const files = this.state.pullFiles();
    const headRepo = pr.fork ? { ...this.repoJson(true), full_name: `${pr.user.login}/${this.state.repo}`, owner: this.user(pr.user) } : this.repoJson();
    return {
      id: 9_000_000 + pr.number,
      node_id: `PR_${pr.number}`,
      number: pr.number,
      state: pr.state,
      draft: pr.draft,
      title: pr.title,
      body: pr.body,
      user: this.user(pr.user),
      url: `${this.url}/repos/${this.state.fullName}/pulls/${pr.number}`,
      html_url: `https://github.com/${this.state.fullName}/pull/${pr.number}`,
      head: { ref: pr.head.ref, sha: pr.head.sha, label: `${headRepo.owner.login}:${pr.head.ref}`, repo: headRepo, user: this.user(pr.user) },
      base: { ref: pr.base.ref, sha: pr.base.sha, label: `${this.state.owner}:${pr.base.ref}`, repo: this.repoJson(), user: this.user({ login: this.state.owner, id: 1, type: 'Organization' }) },
      merge_commit_sha: pr.mergeSha,
      mergeable: true,
      commits: pr.heads.length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      changed_files: this.state.diffFiles(this.state.diffBase(pr.head.sha), pr.head.sha).length,
    };
  }

  private fileJson(f: PullFile, ref: string) {
    const base = `https://github.com/${this.state.fullName}`;
    return {
      ...f,
      blob_url: `${base}/blob/${ref}/${f.filename}`,
      raw_url: `${base}/raw/${ref}/${f.filename}`,
      contents_url: `${this.url}/repos/${this.state.fullName}/contents/${f.filename}?ref=${ref}`,
    };
  }

  private reviewJson(r: Review) {
    const n = this.state.pull!.number;
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: this.user(r.user),
      body: r.body,
      state: r.state,
      commit_id: r.commit_id,
      submitted_at: r.submitted_at ?? undefined,
      author_association: 'NONE',
      html_url: `https://github.com/${this.state.fullName}/pull/${n}#pullrequestreview-${r.id}`,
      pull_request_url: `${this.url}/repos/${this.state.fullName}/pulls/${n}`,
      _links: { html: { href: '' }, pull_request: { href: '' } },
    };
  }

  private commentJson(c: ReviewComment) {
    const n = this.state.pull!.number;
    return {
      ...c,
      node_id: `PRRC_${c.id}`,
      user: this.user(c.user),
      url: `${this.url}/repos/${this.state.fullName}/pulls/comments/${c.id}`,
      html_url: `https://github.com/${this.state.fullName}/pull/${n}#discussion_r${c.id}`,
      pull_request_url: `${this.url}/repos/${this.state.fullName}/pulls/${n}`,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
      _links: { self: { href: '' }, html: { href: '' }, pull_request: { href: '' } },
    };
  }

  private checkRunJson(r: CheckRun) {
    return {
      id: r.id,
      node_id: `CR_${r.id}`,
      head_sha: r.head_sha,
      external_id: r.external_id,
      url: `${this.url}/repos/${this.state.fullName}/check-runs/${r.id}`,
      html_url: `https://github.com/${this.state.fullName}/runs/${r.id}`,
      details_url: r.details_url,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      output: { ...r.output, annotations_count: r.annotations.length, annotations_url: `${this.url}/repos/${this.state.fullName}/check-runs/${r.id}/annotations` },
      name: r.name,
      check_suite: { id: 1 },
      app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
      pull_requests: [],
    };
  }

  private issueJson(i: Issue) {
    return {
      id: i.id,
      node_id: `I_${i.id}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name, k) => ({ id: k + 1, name, color: 'ededed', default: false })),
      user: this.user(i.user),
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      comments: this.state.issueComments.filter((c) => c.issue_number === i.number).length,
      url: `${this.url}/repos/${this.state.fullName}/issues/${i.number}`,
      html_url: `https://github.com/${this.state.fullName}/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`,
      ...(i.isPullRequest ? { pull_request: { url: `${this.url}/repos/${this.state.fullName}/pulls/${i.number}` } } : {}),
    };
  }

  private issueCommentJson(c: IssueComment) {
    return { ...c, node_id: `IC_${c.id}`, user: this.user(c.user), html_url: `https://github.com/${this.state.fullName}/issues/${c.issue_number}#issuecomment-${c.id}` };
  }
}

/** GitHub's base64 content: wrapped at 60 characters with "\n". */
function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}

/** A small subset of the issue search syntax: repo:, is:, state:, label:, author:, in:title and free words/phrases. */
function searchIssues(state: RepoState, q: string): Issue[] {
  const terms = q.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? [];
  let list = [...state.issues];
  const words: string[] = [];
  let inTitle = false;
  for (const term of terms) {
    const m = /^([a-z-]+):(.*)$/.exec(term);
    const value = m ? m[2].replace(/^"|"$/g, '') : term.replace(/^"|"$/g, '');
    switch (m?.[1]) {
      case 'repo':
        if (value.toLowerCase() !== state.fullName.toLowerCase()) list = [];
        break;
      case 'is':
        if (value === 'issue') list = list.filter((i) => !i.isPullRequest);
        else if (value === 'pr') list = list.filter((i) => i.isPullRequest);
        else if (value === 'open' || value === 'closed') list = list.filter((i) => i.state === value);
        break;
      case 'state':
        list = list.filter((i) => i.state === value);
        break;
      case 'label':
        list = list.filter((i) => i.labels.includes(value));
        break;
      case 'author':
        list = list.filter((i) => i.user.login === value || `app/${i.user.login.replace(/\[bot\]$/, '')}` === value);
        break;
      case 'in':
        inTitle = value === 'title';
        break;
      default:
        words.push(value.toLowerCase());
    }
  }
  return list
    .filter((i) => words.every((w) => i.title.toLowerCase().includes(w) || (!inTitle && (i.body ?? '').toLowerCase().includes(w))))
    .sort((a, b) => b.number - a.number);
}
