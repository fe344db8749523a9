// The fake GitHub REST server itself: git objects, patches, pagination, the documented 422s, read-only tokens,
// injected faults and validation against GitHub's OpenAPI description.
import { rmSync } from 'node:fs';
import { FakeGitHub, githubPatch, patchLines, treeOf } from './fake-github/index.js';
import { git, Origin, tempDir } from './helpers/git.js';

const TOKEN = 'ghs_unitTestToken0123456789';
const gh = new FakeGitHub({ owner: 'acme', repo: 'shop', token: TOKEN });

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const url = path.startsWith('http') ? path : `${gh.url}${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'user-agent': 'unit-test', accept: 'application/vnd.github+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const HEAD2 = 'c'.repeat(40);
const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

/** Base: app.txt of 30 lines. Head: line 10 changed, line 25 added after line 24; new.txt added; gone.txt removed. */
function seedPull(extra: Record<string, string | Buffer> = {}) {
  gh.reset();
  const baseApp = lines(30);
  const headApp = baseApp.replace('line 10\n', 'line ten\n').replace('line 24\n', 'line 24\ninserted\n');
  gh.state.addCommit(BASE, { 'app.txt': baseApp, 'gone.txt': 'bye\n', 'same.txt': 'same\n' });
  gh.state.addCommit(HEAD, { 'app.txt': headApp, 'new.txt': 'hello\nworld\n', 'same.txt': 'same\n', ...extra }, [BASE]);
  gh.state.setBranch('main', BASE);
  gh.state.setBranch('feature', HEAD);
  gh.state.openPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'feature', sha: HEAD } });
}

const review = (comments: object[], extra: object = {}) => ({ commit_id: HEAD, event: 'COMMENT', body: 'review', comments, ...extra });

beforeAll(() => gh.start());
afterAll(() => gh.stop());
beforeEach(() => seedPull());

describe('git objects and patches', () => {
  it('computes the tree SHAs git computes', () => {
    const root = tempDir('objects');
    try {
      const origin = new Origin(root);
      const files = { 'a/b/c.txt': 'c\n', 'a/b.txt': 'b\n', 'a.txt': 'a\n', 'a-b/x': 'x\n', 'z': Buffer.from([0, 1, 2]) };
      const sha = origin.commit('main', null, files, 'init');
      expect(treeOf(origin.snapshot(sha)).sha).toBe(git(origin.dir, 'rev-parse', `${sha}^{tree}`));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes patches as git does: hunk headers, context, missing newline', () => {
    expect(githubPatch('', 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
    expect(githubPatch('a\nb\n', '')).toBe('@@ -1,2 +0,0 @@\n-a\n-b');
    expect(githubPatch('a\n', 'b\n')).toBe('@@ -1 +1 @@\n-a\n+b');
    expect(githubPatch('a\nb', 'a\nc')).toBe('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file');
    const two = githubPatch(lines(30), lines(30).replace('line 2\n', 'two\n').replace('line 28\n', 'x\n'));
    const map = patchLines(two);
    expect(two.match(/^@@/gm)).toHaveLength(2);
    expect([...map.added]).toEqual([2, 28]);
    expect(map.right.get(1)).toBe(0);
    expect(map.right.get(30)).toBe(1);
    expect(map.right.has(10)).toBe(false);
    expect(map.left.has(2) && map.left.has(28)).toBe(true);
  });
});

describe('requests', () => {
  it('requires a token and a User-Agent, and records every call', async () => {
    expect((await api('GET', '/repos/acme/shop/pulls/7', undefined, { authorization: '' })).status).toBe(401);
    expect((await api('GET', '/repos/acme/shop/pulls/7', undefined, { authorization: 'token wrong' })).json.message).toBe('Bad credentials');
    expect((await api('GET', '/repos/acme/shop/pulls/7', undefined, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect(gh.requests.map((r) => r.status)).toEqual([401, 401, 200]);
  });

  it('answers unknown routes 404 and records them as unexpected', async () => {
    const r = await api('GET', '/repos/acme/shop/deployments');
    expect(r.status).toBe(404);
    expect(gh.unexpected.map((u) => u.path)).toEqual(['/repos/acme/shop/deployments']);
  });

  it('serves the pull request with head, base and fork flag', async () => {
    const { json } = await api('GET', '/repos/acme/shop/pulls/7');
    expect(json).toMatchObject({ number: 7, head: { sha: HEAD, ref: 'feature', repo: { fork: false } }, base: { sha: BASE, ref: 'main' }, changed_files: 3 });
    expect((await api('GET', '/repos/acme/shop/pulls/8')).status).toBe(404);
  });
});

describe('GET /pulls/{n}/files', () => {
  it('lists changed files with GitHub statuses and real patches', async () => {
    const { json } = await api('GET', '/repos/acme/shop/pulls/7/files');
    expect(json.map((f: any) => [f.filename, f.status])).toEqual([['app.txt', 'modified'], ['gone.txt', 'removed'], ['new.txt', 'added']]);
    expect(json[0].patch).toContain('@@ -7,7 +7,7 @@');
    expect(json[0]).toMatchObject({ additions: 2, deletions: 1, changes: 3 });
    expect(json[2].patch).toBe('@@ -0,0 +1,2 @@\n+hello\n+world');
  });

  it('diffs from the merge base when the base branch has moved on (three-dot, as GitHub does)', async () => {
    const MAIN2 = 'd'.repeat(40);
    gh.state.addCommit(MAIN2, { ...Object.fromEntries(gh.state.commit(BASE).files), 'later-on-main.txt': 'x\n' }, [BASE]);
    gh.state.pull!.base.sha = MAIN2;
    const { json } = await api('GET', '/repos/acme/shop/pulls/7/files');
    expect(json.map((f: any) => f.filename)).toEqual(['app.txt', 'gone.txt', 'new.txt']);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([{ path: 'new.txt', line: 1, body: 'ok' }]))).status).toBe(200);
  });

  it('detects exact renames and omits the patch of binary and huge files', async () => {
    gh.reset();
    gh.state.addCommit(BASE, { 'old.txt': 'same content\n', 'img.png': Buffer.from([0x89, 0, 1]), 'big.txt': 'a\n' });
    gh.state.addCommit(HEAD, { 'new-name.txt': 'same content\n', 'img.png': Buffer.from([0x89, 0, 2]), 'big.txt': lines(5) }, [BASE]);
    gh.state.noPatch.add('big.txt');
    gh.state.openPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'feature', sha: HEAD } });
    const { json } = await api('GET', '/repos/acme/shop/pulls/7/files');
    const byName = Object.fromEntries(json.map((f: any) => [f.filename, f]));
    expect(byName['new-name.txt']).toMatchObject({ status: 'renamed', previous_filename: 'old.txt' });
    expect(byName['img.png'].status).toBe('modified');
    expect(byName['img.png']).not.toHaveProperty('patch');
    expect(byName['big.txt']).not.toHaveProperty('patch');
    expect(byName['big.txt'].additions).toBe(5);
  });

  it('paginates with per_page/page and Link headers that point at /repositories/{id}', async () => {
    gh.reset();
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`src/f${String(i).padStart(3, '0')}.txt`] = `${i}\n`;
    gh.state.addCommit(BASE, { 'README.md': 'x\n' });
    gh.state.addCommit(HEAD, { 'README.md': 'x\n', ...files }, [BASE]);
    gh.state.openPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'feature', sha: HEAD } });

    const first = await api('GET', '/repos/acme/shop/pulls/7/files');
    expect(first.json).toHaveLength(30);
    const seen: string[] = [];
    let next: string | null = `${gh.url}/repos/acme/shop/pulls/7/files?per_page=100`;
    let pages = 0;
    while (next) {
      const page = await api('GET', next);
      pages++;
      seen.push(...page.json.map((f: any) => f.filename));
      const link = page.headers.get('link') ?? '';
      if (pages === 1) expect(link).toContain(`/repositories/${gh.state.repoId}/pulls/7/files?per_page=100&page=3>; rel="last"`);
      next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? null;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Object.keys(files));
    expect(gh.requests.slice(-2).map((r) => r.path)).toEqual(['/repos/acme/shop/pulls/7/files', '/repos/acme/shop/pulls/7/files']);
    expect(gh.requests.slice(-1)[0].rawPath).toBe(`/repositories/${gh.state.repoId}/pulls/7/files`);
    expect((await api('GET', '/repos/acme/shop/pulls/7/files?per_page=500')).json).toHaveLength(100);
  });

  it('lists at most 3,000 files', async () => {
    gh.reset();
    const files: Record<string, string> = {};
    for (let i = 0; i < 3050; i++) files[`f${String(i).padStart(4, '0')}`] = 'x\n';
    gh.state.addCommit(BASE, {});
    gh.state.addCommit(HEAD, files, [BASE]);
    gh.state.openPullRequest({ number: 7, base: { ref: 'main', sha: BASE }, head: { ref: 'feature', sha: HEAD } });
    const last = await api('GET', '/repos/acme/shop/pulls/7/files?per_page=100&page=30');
    expect(last.json).toHaveLength(100);
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect((await api('GET', '/repos/acme/shop/pulls/7/files?per_page=100&page=31')).json).toEqual([]);
    expect((await api('GET', '/repos/acme/shop/pulls/7')).json.changed_files).toBe(3050);
  });
});

describe('POST /pulls/{n}/reviews', () => {
  it('stores one review with its comments on lines of the diff (RIGHT and LEFT, multi-line in one hunk)', async () => {
    const r = await api('POST', '/repos/acme/shop/pulls/7/reviews', review([
      { path: 'app.txt', line: 10, side: 'RIGHT', body: 'changed line' },
      { path: 'app.txt', line: 7, body: 'context line, side defaults to RIGHT' },
      { path: 'app.txt', line: 10, side: 'LEFT', body: 'the old line' },
      { path: 'app.txt', start_line: 24, line: 25, side: 'RIGHT', body: 'two lines' },
      { path: 'new.txt', line: 2, side: 'RIGHT', body: 'new file' },
    ]));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ state: 'COMMENTED', commit_id: HEAD, user: { login: 'github-actions[bot]' } });
    const { json: comments } = await api('GET', '/repos/acme/shop/pulls/7/comments');
    expect(comments).toHaveLength(5);
    expect(comments[3]).toMatchObject({ path: 'app.txt', start_line: 24, line: 25, start_side: 'RIGHT', pull_request_review_id: r.json.id, commit_id: HEAD });
    expect(comments[0].diff_hunk).toMatch(/^@@ .*\n[\s\S]*\+line ten$/);
  });

  it.each([
    ['a line outside every hunk', { path: 'app.txt', line: 17, side: 'RIGHT' }, 'Pull request review thread line must be part of the diff'],
    ['a LEFT line outside every hunk', { path: 'app.txt', line: 15, side: 'LEFT' }, 'Pull request review thread line must be part of the diff'],
    ['start_line equal to line', { path: 'app.txt', start_line: 10, line: 10, side: 'RIGHT' }, 'start_line must be less than line'],
    ['a range across two hunks', { path: 'app.txt', start_line: 10, line: 25, side: 'RIGHT' }, 'same hunk'],
    ['a file that is not in the pull request', { path: 'same.txt', line: 1 }, 'Path could not be resolved'],
    ['a body over 65,536 characters', { path: 'app.txt', line: 10, body: 'x'.repeat(65_537) }, 'too long'],
  ])('rejects the WHOLE review for %s (422, nothing stored)', async (_, bad, message) => {
    const r = await api('POST', '/repos/acme/shop/pulls/7/reviews', review([{ path: 'new.txt', line: 1, body: 'fine' }, { body: 'bad', ...bad }]));
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json.errors)).toContain(message);
    expect(gh.state.reviews).toHaveLength(0);
    expect(gh.state.reviewComments).toHaveLength(0);
    expect(gh.rejections).toHaveLength(1);
  });

  it('refuses APPROVE from the Actions token, a blank body, an over-long body and an unknown commit', async () => {
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([], { event: 'APPROVE' }))).status).toBe(422);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([], { body: '' }))).status).toBe(422);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([], { body: 'x'.repeat(65_537) }))).status).toBe(422);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([], { commit_id: 'd'.repeat(40) }))).status).toBe(422);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([], { body: 'x'.repeat(65_536) }))).status).toBe(200);
    expect(gh.state.reviews).toHaveLength(1);
  });

  it('rejects a body that breaks the OpenAPI schema with the Ajv errors', async () => {
    const r = await api('POST', '/repos/acme/shop/pulls/7/reviews', review([{ path: 'app.txt', line: '10', body: 'x' }], { event: 'LGTM' }));
    expect(r.status).toBe(422);
    expect(r.json.message).toMatch(/^Invalid request/);
    const paths = r.json.errors.map((e: any) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/event', '/comments/0/line']));
    expect(gh.schemaViolations).toHaveLength(1);
    expect(gh.schemaViolations[0].operationId).toBe('pulls/create-review');
    expect(gh.rejections).toHaveLength(0);
  });

  it('validates path and query parameters too', async () => {
    expect((await api('GET', '/repos/acme/shop/pulls/7/comments?direction=sideways')).status).toBe(422);
    expect((await api('GET', '/repos/acme/shop/pulls/7/files?per_page=ten')).status).toBe(422);
    expect(gh.schemaViolations.map((v) => v.where)).toEqual(['params', 'params']);
  });
});

describe('review comments', () => {
  it('lists (paginated), edits and deletes comments; replies stay in their thread', async () => {
    const comments = Array.from({ length: 35 }, (_, i) => ({ path: 'new.txt', line: 1 + (i % 2), body: `c${i}` }));
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review(comments))).status).toBe(200);
    const page1 = await api('GET', '/repos/acme/shop/pulls/7/comments');
    expect(page1.json).toHaveLength(30);
    expect(page1.headers.get('link')).toContain('rel="next"');
    const first = page1.json[0];
    const reply = gh.state.seedReviewComment({ user: 'alice', body: 'why?', inReplyTo: first.id });
    expect(reply).toMatchObject({ in_reply_to_id: first.id, path: 'new.txt', line: 1 });
    expect((await api('PATCH', `/repos/acme/shop/pulls/comments/${first.id}`, { body: 'edited' })).json.body).toBe('edited');
    expect((await api('DELETE', `/repos/acme/shop/pulls/comments/${first.id}`)).status).toBe(204);
    expect((await api('DELETE', `/repos/acme/shop/pulls/comments/${first.id}`)).status).toBe(404);
    expect((await api('GET', '/repos/acme/shop/pulls/7/comments?per_page=100')).json).toHaveLength(35);
  });

  it('moves comments with their line when the head moves, and outdates the ones whose line changed', async () => {
    await api('POST', '/repos/acme/shop/pulls/7/reviews', review([
      { path: 'app.txt', line: 10, body: 'on the changed line' },
      { path: 'app.txt', line: 25, body: 'on the inserted line' },
    ]));
    const head = gh.state.commit(HEAD).files;
    const app = head.get('app.txt')!.toString().replace('line 1\n', 'line 1\nline 1b\n').replace('inserted\n', 'inserted again\n');
    gh.state.addCommit(HEAD2, { ...Object.fromEntries(head), 'app.txt': app }, [HEAD]);
    gh.state.pushPullRequestHead(HEAD2);
    const { json } = await api('GET', '/repos/acme/shop/pulls/7/comments');
    expect(json[0]).toMatchObject({ line: 11, original_line: 10, commit_id: HEAD2, original_commit_id: HEAD });
    expect(json[1]).toMatchObject({ line: null, original_line: 25, position: null });
  });
});

describe('check runs', () => {
  const annotation = (i: number) => ({ path: 'app.txt', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', message: `m${i}` });

  it('creates a run, appends annotations on update, and completes with a conclusion', async () => {
    const created = await api('POST', '/repos/acme/shop/check-runs', { name: 'Docker Review', head_sha: HEAD, status: 'in_progress', output: { title: 't', summary: 's', annotations: Array.from({ length: 50 }, (_, i) => annotation(i)) } });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const updated = await api('PATCH', `/repos/acme/shop/check-runs/${id}`, { conclusion: 'failure', output: { title: 'Score 80', summary: 'done', annotations: [annotation(60)] } });
    expect(updated.json).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Score 80', annotations_count: 51 } });
    expect(gh.state.checkRuns[0].annotationBatches).toEqual([50, 1]);
    const listed = await api('GET', `/repos/acme/shop/commits/${HEAD}/check-runs?check_name=Docker%20Review`);
    expect(listed.json.total_count).toBe(1);
  });

  it.each([
    ['51 annotations in one request', { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) } }],
    ['a summary over 65,535 characters', { output: { title: 't', summary: 'x'.repeat(65_536) } }],
    ['a text over 65,535 characters', { output: { title: 't', summary: 's', text: 'x'.repeat(65_536) } }],
    ['columns on a multi-line annotation', { output: { title: 't', summary: 's', annotations: [{ ...annotation(1), end_line: 4, start_column: 1, end_column: 2 }] } }],
    ['an output without a summary', { output: { title: 't' } }],
    ['status completed without a conclusion', { status: 'completed' }],
    ['an unknown commit', { head_sha: 'e'.repeat(40) }],
  ])('answers 422 to %s', async (_, body) => {
    const r = await api('POST', '/repos/acme/shop/check-runs', { name: 'Docker Review', head_sha: HEAD, ...body });
    expect(r.status).toBe(422);
    expect(gh.state.checkRuns).toHaveLength(0);
  });

  it('rejects an update with 51 annotations without changing the run', async () => {
    const { json } = await api('POST', '/repos/acme/shop/check-runs', { name: 'c', head_sha: HEAD });
    const r = await api('PATCH', `/repos/acme/shop/check-runs/${json.id}`, { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) } });
    expect(r.status).toBe(422);
    expect(gh.state.checkRuns[0].annotations).toHaveLength(0);
  });
});

describe('read-only token (fork pull request)', () => {
  it('answers every write 403 "Resource not accessible by integration" and still serves reads', async () => {
    gh.readOnly = true;
    const writes = [
      await api('POST', '/repos/acme/shop/pulls/7/reviews', review([])),
      await api('POST', '/repos/acme/shop/check-runs', { name: 'c', head_sha: HEAD }),
      await api('POST', '/repos/acme/shop/issues', { title: 't' }),
      await api('PATCH', '/repos/acme/shop/pulls/comments/1', { body: 'x' }),
      await api('DELETE', '/repos/acme/shop/pulls/comments/1'),
    ];
    for (const w of writes) expect(w).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    expect((await api('GET', '/repos/acme/shop/pulls/7/files')).status).toBe(200);
    expect(gh.state.reviews).toHaveLength(0);
  });
});

describe('fault injection', () => {
  it('answers the next N matching requests with 500/502, then serves normally', async () => {
    gh.injectFault({ method: 'GET', path: '/repos/acme/shop/pulls/7/files', kind: 500 });
    gh.injectFault({ method: 'POST', path: /\/reviews$/, kind: 502, times: 2 });
    expect((await api('GET', '/repos/acme/shop/pulls/7/files')).status).toBe(500);
    expect((await api('GET', '/repos/acme/shop/pulls/7/files')).status).toBe(200);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([]))).status).toBe(502);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([]))).status).toBe(502);
    expect((await api('POST', '/repos/acme/shop/pulls/7/reviews', review([]))).status).toBe(200);
    expect(gh.pendingFaults()).toBe(0);
    expect(gh.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['500', '502', '502']);
  });

  it('answers secondary rate limits with retry-after and the message octokit recognises', async () => {
    gh.injectFault({ path: /check-runs/, kind: 'secondary-rate-limit' });
    gh.injectFault({ path: /check-runs/, kind: 'secondary-rate-limit-429' });
    for (const status of [403, 429]) {
      const r = await api('POST', '/repos/acme/shop/check-runs', { name: 'c', head_sha: HEAD });
      expect(r.status).toBe(status);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.json.message).toMatch(/^You have exceeded a secondary rate limit/);
    }
    expect((await api('POST', '/repos/acme/shop/check-runs', { name: 'c', head_sha: HEAD })).status).toBe(201);
  });
});

describe('repository content, compare and issues', () => {
  it('serves trees, blobs and contents by ref', async () => {
    const tree = await api('GET', `/repos/acme/shop/git/trees/${HEAD}?recursive=1`);
    expect(tree.json.tree.map((e: any) => e.path)).toEqual(['app.txt', 'new.txt', 'same.txt']);
    const blob = await api('GET', `/repos/acme/shop/git/blobs/${tree.json.tree[1].sha}`);
    expect(Buffer.from(blob.json.content, 'base64').toString()).toBe('hello\nworld\n');
    const content = await api('GET', '/repos/acme/shop/contents/new.txt?ref=feature');
    expect(Buffer.from(content.json.content, 'base64').toString()).toBe('hello\nworld\n');
    expect((await api('GET', '/repos/acme/shop/contents/new.txt')).status).toBe(404);
    expect((await api('GET', `/repos/acme/shop/contents/gone.txt?ref=${BASE}`)).status).toBe(200);
  });

  it('compares two commits', async () => {
    const { json } = await api('GET', `/repos/acme/shop/compare/${BASE}...${HEAD}`);
    expect(json).toMatchObject({ status: 'ahead', ahead_by: 1, total_commits: 1, merge_base_commit: { sha: BASE } });
    expect(json.files.map((f: any) => f.filename)).toEqual(['app.txt', 'gone.txt', 'new.txt']);
  });

  it('creates, lists (pull requests included, as GitHub does), searches and updates issues', async () => {
    const created = await api('POST', '/repos/acme/shop/issues', { title: 'Docker review', body: 'report', labels: ['docker-review'] });
    expect(created).toMatchObject({ status: 201, json: { number: 8, state: 'open', labels: [{ name: 'docker-review' }] } });
    const list = await api('GET', '/repos/acme/shop/issues');
    expect(list.json.map((i: any) => [i.number, 'pull_request' in i])).toEqual([[8, false], [7, true]]);
    expect((await api('GET', '/repos/acme/shop/issues?labels=docker-review')).json).toHaveLength(1);
    const found = await api('GET', `/search/issues?q=${encodeURIComponent('repo:acme/shop is:issue is:open in:title "Docker review"')}`);
    expect(found.json.items.map((i: any) => i.number)).toEqual([8]);
    expect((await api('PATCH', '/repos/acme/shop/issues/8', { body: 'new report' })).json.body).toBe('new report');
    expect((await api('POST', '/repos/acme/shop/issues', { body: 'no title' })).status).toBe(422);
  });
});
