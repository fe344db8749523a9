// End to end: the bundled action (dist/index.js) runs as a child process with the runner's environment against the
// fake GitHub REST server (fake-github/), in real git checkouts. Every run must stay on routes the fake serves, send
// bodies valid against GitHub's OpenAPI description, make no request GitHub would refuse, and never print the token;
// each scenario then checks what issue 3 asks of that situation. Assertions rest on the CLI's findings for the same
// commits (same build), not on finding totals, so new rules do not churn them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ACTIONS_BOT, FakeGitHub, patchLines, type RecordedRequest, type ReviewComment } from './fake-github/index.js';
import { actionYml, CLI, DIST, type ActionRun } from './helpers/action.js';
import { BASE_FILES, PR_CHANGES, PUSH_CHANGES } from './helpers/fixtures.js';
import { tempDir, type Changes } from './helpers/git.js';
import { BranchScenario, PullRequestScenario, type CliFinding } from './helpers/scenario.js';

const TOKEN = 'ghs_E2eSecretToken4f8a1c9b2d7e6f5a4b3c';
const INPUTS = ['github-token', 'path', 'config', 'fail-on', 'filter-mode', 'max-comments', 'check-name', 'tracking-issue', 'comments'];
const OUTPUTS = ['score', 'grade', 'base-score', 'critical', 'high', 'medium', 'low', 'findings', 'new-findings', 'report-path', 'sarif-path'];
const SCENARIO_TIMEOUT = 120_000;

const gh = new FakeGitHub({ owner: 'acme', repo: 'shop', token: TOKEN });
let root = '';
const common = () => ({ server: gh, token: TOKEN, root });

const rules = new Set(
  spawnSync(process.execPath, [CLI, '--list-rules'], { encoding: 'utf8' })
    .stdout.split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0])
    .filter(Boolean),
);

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\``);
  await gh.start();
});
afterAll(() => gh.stop());
beforeEach(() => {
  gh.reset();
  root = tempDir('action');
});
afterEach(() => {
  if (root && !process.env.E2E_KEEP) rmSync(root, { recursive: true, force: true });
});

// ---- helpers -------------------------------------------------------------------------------------------------------

/** Everything a failure message needs: the server's log and the child's output. */
function context(run: ActionRun): string {
  const log = run.requests.map((r) => `  ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} → ${r.status}${r.fault ? ` (injected ${r.fault})` : ''}${r.error ? ` ${r.error.slice(0, 300)}` : ''}`);
  return `\n--- exit code ${run.exitCode}\n--- requests\n${log.join('\n')}\n--- stdout (tail)\n${run.stdout.slice(-4000)}\n--- stderr (tail)\n${run.stderr.slice(-4000)}`;
}

function check(condition: unknown, message: string, run: ActionRun): asserts condition {
  if (!condition) throw new Error(`${message}${context(run)}`);
}

/** What every run must respect: known routes only, valid bodies, nothing GitHub refuses, no leaked token. */
function expectHealthy(run: ActionRun): void {
  check(gh.crashes.length === 0, `the fake server crashed:\n${gh.crashes.join('\n')}`, run);
  check(gh.unexpected.length === 0, `calls to routes the fake does not serve:\n${gh.unexpected.map((r) => `${r.method} ${r.path}`).join('\n')}`, run);
  check(gh.schemaViolations.length === 0, `request bodies or params that break GitHub's OpenAPI description:\n${gh.schemaViolations.map((v) => `${v.request.method} ${v.request.path} (${v.operationId}, ${v.where}): ${JSON.stringify(v.errors)}`).join('\n')}`, run);
  const refused = gh.rejections.filter((r) => !r.fault);
  check(refused.length === 0, `requests GitHub would refuse (422):\n${refused.map((r) => `${r.method} ${r.path}: ${r.error}`).join('\n')}`, run);
  expectNoToken(run);
}

function expectNoToken(run: ActionRun, token = TOKEN): void {
  // `::add-mask::` lines are consumed by the runner and never shown; everything else must not carry the token.
  const shown = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const [where, text] of [['stdout', shown], ['stderr', run.stderr], ['job summary', run.summary], ['outputs', JSON.stringify(run.outputs)]] as const) {
    check(!text.includes(token), `the token appears in ${where}`, run);
  }
}

const botComments = () => gh.state.reviewComments.filter((c) => c.user.login === ACTIONS_BOT.login);
const writesOf = (run: ActionRun) => run.requests.filter((r) => r.method !== 'GET');
const ok = (r: RecordedRequest) => r.status >= 200 && r.status < 300;
const reviewPosts = (run: ActionRun) => run.requests.filter((r) => r.method === 'POST' && /\/pulls\/\d+\/reviews$/.test(r.path) && ok(r));

/** The hidden fingerprint: the last HTML comment of a body. */
function markerOf(body: string): string | null {
  const all = body.match(/<!--[\s\S]*?-->/g);
  return all ? all[all.length - 1] : null;
}

/** The content of a ```suggestion block (any fence length), or null. */
function suggestionOf(body: string): string | null {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => /^(`{3,}|~{3,})suggestion\s*$/.test(l));
  if (start < 0) return null;
  const fence = /^(`{3,}|~{3,})/.exec(lines[start])![1];
  const end = lines.findIndex((l, i) => i > start && l === fence);
  return end < 0 ? null : lines.slice(start + 1, end).join('\n');
}

function addedLines(file: string): Set<number> {
  const f = gh.state.pullFiles().find((x) => x.filename === file);
  return patchLines(f?.patch).added;
}

function touchesAdded(f: CliFinding): boolean {
  const added = addedLines(f.path);
  for (let l = f.line; l <= Math.max(f.line, f.endLine); l++) if (added.has(l)) return true;
  return false;
}

function commentFor(f: CliFinding, comments: ReviewComment[]): ReviewComment | undefined {
  return comments.find((c) => c.body.includes(f.fingerprint));
}

function outputsOf(run: ActionRun): Record<string, string> {
  for (const name of OUTPUTS.filter((n) => n !== 'base-score')) check(name in run.outputs, `output ${name} is not set (got ${Object.keys(run.outputs).join(', ')})`, run);
  const n = (k: string) => Number(run.outputs[k]);
  check(Number.isInteger(n('score')) && n('score') >= 0 && n('score') <= 100, `score output ${run.outputs.score}`, run);
  check(['critical', 'high', 'medium', 'low'].reduce((s, k) => s + n(k), 0) === n('findings'), 'the bucket outputs do not add up to findings', run);
  check(existsSync(run.outputs['report-path']), `report-path ${run.outputs['report-path']} does not exist`, run);
  check(existsSync(run.outputs['sarif-path']), `sarif-path ${run.outputs['sarif-path']} does not exist`, run);
  return run.outputs;
}

function checkRunsOf(sha: string, name = 'Docker Review') {
  return gh.state.checkRuns.filter((r) => r.head_sha === sha && r.name === name);
}

function report(name: string, lines: string[]): void {
  const dir = process.env.E2E_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.txt`), `${lines.join('\n')}\n`);
}

// ---- scenarios -----------------------------------------------------------------------------------------------------

describe('action.yml', () => {
  it('declares exactly the inputs and outputs of the spec, and runs dist/index.js on node24', () => {
    const yml = actionYml() as { inputs: object; outputs: object; runs: { using: string; main: string } };
    expect(Object.keys(yml.inputs).sort()).toEqual([...INPUTS].sort());
    expect(Object.keys(yml.outputs).sort()).toEqual([...OUTPUTS].sort());
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('pull_request', () => {
  it('new PR: one review with comments on added lines only, suggestions, fingerprints, a check run, summary and outputs', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const expected = pr.expectedFindings();
    const run = await pr.run({ 'fail-on': 'high' });
    report('new-pr-requests', gh.log());
    report('new-pr-state', [JSON.stringify({ expected, writes: writesOf(run).map((r) => ({ method: r.method, path: r.path, body: r.body })), outputs: run.outputs, stdout: run.stdout }, null, 2)]);
    expectHealthy(run);

    // One review, COMMENT, on the head commit (not the merge commit the workspace holds).
    const reviews = reviewPosts(run);
    check(reviews.length === 1, `expected exactly one review, got ${reviews.length}`, run);
    const body = reviews[0].body as { event: string; commit_id: string; comments?: unknown[] };
    expect(body.event).toBe('COMMENT');
    expect(body.commit_id).toBe(pr.headSha);
    check(!run.requests.some((r) => r.method === 'POST' && /\/pulls\/\d+\/comments$/.test(r.path)), 'comments must come in the one review, not one by one', run);

    // Comments: only on added lines (filter-mode added), each with a hidden fingerprint, one per finding.
    const comments = botComments();
    check(comments.length > 0, 'no inline comments were posted', run);
    for (const c of comments) {
      const added = addedLines(c.path);
      expect(c.side).toBe('RIGHT');
      check(c.line !== null && added.has(c.line), `comment on ${c.path}:${c.line} is not on an added line`, run);
      if (c.start_line !== null) check(added.has(c.start_line) && c.start_line < c.line!, `multi-line comment ${c.path}:${c.start_line}-${c.line}`, run);
      check(markerOf(c.body) !== null, `comment on ${c.path}:${c.line} has no hidden fingerprint`, run);
    }
    expect(new Set(comments.map((c) => markerOf(c.body))).size).toBe(comments.length);

    // Every finding of the change on an added line is commented; the pre-existing MAINTAINER of worker/ is not.
    const onAdded = expected.filter(touchesAdded);
    for (const f of onAdded) check(commentFor(f, comments), `no comment carries the fingerprint of ${f.ruleId} at ${f.path}:${f.line}`, run);
    check(!comments.some((c) => c.path === 'worker/Dockerfile'), 'worker/Dockerfile only changed line 10; its old MAINTAINER must not be commented', run);
    for (const id of ['maintainer-deprecated', 'compose-version-obsolete', 'compose-privileged', 'compose-hardcoded-secret', 'user-root']) {
      if (rules.has(id)) check(onAdded.some((f) => f.ruleId === id), `fixture no longer triggers ${id}`, run);
    }

    // Fixable findings carry a suggestion that replaces exactly the fix's lines with the fix.
    for (const f of onAdded.filter((x) => x.fix)) {
      const c = commentFor(f, comments)!;
      const suggestion = suggestionOf(c.body);
      check(suggestion !== null, `${f.ruleId} at ${f.path}:${f.line} is fixable but its comment has no suggestion block`, run);
      expect(suggestion).toBe(f.fix!.replacement);
      expect([c.start_line ?? c.line, c.line]).toEqual([f.fix!.line, f.fix!.endLine]);
    }

    // The check run on the head commit: score and grade in the title, annotations, conclusion per fail-on.
    const o = outputsOf(run);
    const runs = checkRunsOf(pr.headSha);
    check(runs.length === 1, `expected one "Docker Review" check run on the head commit, got ${runs.length} (on: ${gh.state.checkRuns.map((r) => r.head_sha.slice(0, 7))})`, run);
    const cr = runs[0];
    expect(cr.status).toBe('completed');
    expect(cr.conclusion).toBe('failure');
    expect(cr.output.title).toContain(o.score);
    expect(cr.output.title).toContain(o.grade);
    expect(cr.output.summary?.length).toBeGreaterThan(0);
    check(cr.annotations.length >= onAdded.length, `${cr.annotations.length} annotations for ${onAdded.length} findings`, run);
    const headFiles = gh.state.commit(pr.headSha).files;
    for (const a of cr.annotations) check(headFiles.has(a.path), `annotation path ${a.path} is not a repository path`, run);

    // Verdict: new high findings with fail-on high → the job fails too; the summary is written; outputs are set.
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain(o.score);
    expect(Number(o['new-findings'])).toBeGreaterThanOrEqual(onAdded.length);
    expect(o['base-score']).toMatch(/^\d+$/);
  }, SCENARIO_TIMEOUT);

  it('a full-history checkout (fetch-depth: 0): base and head are read from git, not through the API', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const run = await pr.run({ 'fail-on': 'high' }, {}, { depth: 0 });
    expectHealthy(run);
    const contentReads = run.requests.filter((r) => /\/git\/(trees|blobs)\/|\/contents\//.test(r.path));
    check(contentReads.length === 0, `${contentReads.length} content reads through the API although the clone has both commits`, run);
    check(reviewPosts(run).length === 1 && botComments().length > 0, 'no review', run);
    expect(run.exitCode).toBe(1);
  }, SCENARIO_TIMEOUT);

  it('re-run on the same commit: zero new comments, nothing duplicated, nothing edited', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const first = await pr.run();
    expectHealthy(first);
    const before = botComments().map((c) => ({ id: c.id, body: c.body }));
    check(before.length > 0, 'the first run posted no comments', first);

    const second = await pr.run();
    expectHealthy(second);
    const newComments = second.requests.filter((r) => ok(r) && ((r.method === 'POST' && /\/pulls\/\d+\/comments$/.test(r.path)) || (r.method === 'POST' && /\/reviews$/.test(r.path) && ((r.body as { comments?: unknown[] }).comments?.length ?? 0) > 0)));
    check(newComments.length === 0, 'the re-run posted comments again', second);
    check(!second.requests.some((r) => /\/pulls\/comments\/\d+$/.test(r.path) && r.method !== 'GET'), 'the re-run edited or deleted unchanged comments', second);
    expect(botComments().map((c) => ({ id: c.id, body: c.body }))).toEqual(before);
    expect(second.exitCode).toBe(first.exitCode);
    expect(second.outputs.score).toBe(first.outputs.score);
  }, SCENARIO_TIMEOUT);

  it('a push that fixes some findings and adds others: stale own comments go, new ones come, other people\'s stay', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const first = await pr.run();
    expectHealthy(first);
    const expected1 = pr.expectedFindings();
    const find = (rule: string, file: string) => {
      const f = expected1.find((x) => x.ruleId === rule && x.path === file);
      return f ? commentFor(f, botComments()) : undefined;
    };
    const versionComment = find('compose-version-obsolete', 'compose.yaml');
    const maintainerComment = find('maintainer-deprecated', 'api/Dockerfile');
    check(versionComment && maintainerComment, 'the first run did not comment the version and MAINTAINER findings', first);

    // Other people: a comment of their own, and a reply in the thread of a comment whose finding the push fixes.
    const alice = gh.state.seedReviewComment({ user: 'alice', path: 'compose.yaml', line: 15, body: 'Use a secret for this.' });
    const reply = gh.state.seedReviewComment({ user: 'bob', body: 'We still need 3.8 for the old host, see #12.', inReplyTo: versionComment.id });
    const firstIds = new Set(botComments().map((c) => c.id));
    const firstMarkers = new Set(botComments().map((c) => markerOf(c.body)));

    const before = pr.push(PUSH_CHANGES);
    const second = await pr.run({}, { action: 'synchronize', before });
    report('push-requests', second.requests.map((r) => `${r.method} ${r.path} → ${r.status}`));
    expectHealthy(second);

    // Other people's comments: never edited or deleted.
    for (const other of [alice, reply]) {
      check(!second.requests.some((r) => r.method !== 'GET' && r.path.endsWith(`/pulls/comments/${other.id}`)), `the action touched ${other.user.login}'s comment`, second);
      expect(gh.state.reviewComments.find((c) => c.id === other.id)?.body).toBe(other.body);
    }
    // A thread with replies is never deleted (it may be marked).
    check(gh.state.reviewComments.some((c) => c.id === versionComment.id), 'the action deleted a thread that has replies', second);
    // The fixed MAINTAINER comment (no replies) is deleted or marked.
    const stale = gh.state.reviewComments.find((c) => c.id === maintainerComment.id);
    check(!stale || stale.body !== maintainerComment.body, 'the comment of a fixed finding was left as it was', second);

    // New findings get new comments; findings already commented are not commented again.
    const created = botComments().filter((c) => !firstIds.has(c.id));
    const expected2 = pr.expectedFindings();
    const newMaintainer = expected2.find((f) => f.ruleId === 'maintainer-deprecated' && f.path === 'app/Dockerfile');
    check(newMaintainer && commentFor(newMaintainer, created), 'the MAINTAINER added to app/Dockerfile was not commented', second);
    for (const c of created) check(!firstMarkers.has(markerOf(c.body)), `a finding already commented was commented again: ${c.path}:${c.line}`, second);
    const checkRuns = checkRunsOf(pr.headSha);
    check(checkRuns.length === 1 && checkRuns[0].status === 'completed', 'no completed check run on the new head', second);
  }, SCENARIO_TIMEOUT);

  it('re-run with more than 100 review comments on the PR: the action pages through them and still adds nothing', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    for (let i = 0; i < 120; i++) gh.state.seedReviewComment({ user: 'alice', path: 'compose.yaml', line: 2, body: `nit ${i}` });
    const first = await pr.run();
    expectHealthy(first);
    const count = botComments().length;
    check(count > 0, 'the first run posted no comments', first);
    const second = await pr.run();
    expectHealthy(second);
    check(botComments().length === count, `the re-run added ${botComments().length - count} comment(s): its own comments beyond the first page were missed`, second);
    expect(gh.state.reviewComments.filter((c) => c.user.login === 'alice')).toHaveLength(120);
  }, SCENARIO_TIMEOUT);

  it('a comment whose text changed is updated in place, not posted again', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const first = await pr.run();
    expectHealthy(first);
    // As if an older version of the action had worded it differently: same hidden fingerprint, other text.
    const target = botComments()[0];
    const current = target.body;
    target.body = `Old wording of this finding.\n\n${markerOf(current)}`;
    const count = botComments().length;
    const second = await pr.run();
    expectHealthy(second);
    check(second.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/pulls/comments/${target.id}`) && ok(r)), 'the reworded comment was not updated', second);
    expect(gh.state.reviewComments.find((c) => c.id === target.id)?.body).toBe(current);
    expect(botComments()).toHaveLength(count);
  }, SCENARIO_TIMEOUT);

  it('comments: false and a custom check-name: no review, the check run under that name', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const run = await pr.run({ comments: 'false', 'check-name': 'Docker (required)', 'fail-on': 'critical' });
    expectHealthy(run);
    expect(reviewPosts(run)).toHaveLength(0);
    expect(botComments()).toHaveLength(0);
    const runs = checkRunsOf(pr.headSha, 'Docker (required)');
    check(runs.length === 1 && runs[0].conclusion === 'success', 'no successful check run named "Docker (required)"', run);
    expect(checkRunsOf(pr.headSha)).toHaveLength(0);
    expect(run.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('a file whose patch GitHub omits gets no inline comment (it would sink the review) but stays in the check run', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    gh.state.noPatch.add('api/Dockerfile');
    const run = await pr.run({ 'fail-on': 'never' });
    expectHealthy(run);
    check(reviewPosts(run).length === 1, 'no review', run);
    check(!botComments().some((c) => c.path === 'api/Dockerfile'), 'a comment on a file without a patch', run);
    const cr = checkRunsOf(pr.headSha)[0];
    check(cr?.annotations.some((a) => a.path === 'api/Dockerfile'), 'the findings of api/Dockerfile are missing from the check run', run);
    check(pr.expectedFindings().some((f) => f.path === 'api/Dockerfile' && run.summary.includes('api/Dockerfile')), 'api/Dockerfile is not in the job summary', run);
  }, SCENARIO_TIMEOUT);

  it('a pure rename and a removed Dockerfile introduce nothing', async () => {
    // Two flawed Dockerfiles no compose service builds (removing a built one would rightly change the compose findings).
    const tools = 'FROM alpine:3.20\nMAINTAINER tools@example.com\nCMD ["sh"]\n';
    const base = { ...BASE_FILES, 'tools/Dockerfile': tools, 'legacy/Dockerfile': tools.replace('tools@', 'legacy@') };
    const pr = new PullRequestScenario(common(), base, { 'tools/Dockerfile': null, 'tools/Dockerfile.dev': tools, 'legacy/Dockerfile': null });
    expect(gh.state.pullFiles().map((f) => [f.filename, f.status])).toEqual([['legacy/Dockerfile', 'removed'], ['tools/Dockerfile.dev', 'renamed']]);
    const run = await pr.run({ 'fail-on': 'low' });
    expectHealthy(run);
    expect(botComments()).toHaveLength(0);
    check(run.outputs['new-findings'] === '0', `new findings: ${JSON.stringify(checkRunsOf(pr.headSha)[0]?.annotations)}`, run);
    expect(checkRunsOf(pr.headSha)[0]?.conclusion).toBe('success');
    expect(run.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('base branch moved on after the PR was cut: only what the PR introduces counts (three-dot diff)', async () => {
    // At the fork point svc/Dockerfile runs as root; main then adds USER; the PR only changes an ENV line.
    const svc = ['FROM alpine:3.20', 'WORKDIR /svc', 'COPY app.sh ./', 'RUN chmod +x app.sh', 'HEALTHCHECK CMD ["./app.sh", "ping"]', 'ENV MODE=prod', 'ENV LEVEL=info', 'CMD ["./app.sh"]', ''].join('\n');
    const base = { ...BASE_FILES, 'svc/Dockerfile': svc, 'svc/app.sh': 'echo ok\n' };
    const pr = new PullRequestScenario(common(), base, { 'svc/Dockerfile': svc.replace('LEVEL=info', 'LEVEL=debug') }, {
      baseMovesOn: { 'svc/Dockerfile': svc.replace('WORKDIR /svc\n', 'USER nobody\nWORKDIR /svc\n') },
    });
    const run = await pr.run({ 'fail-on': 'high' });
    expectHealthy(run);
    const cr = checkRunsOf(pr.headSha)[0];
    check(run.outputs['new-findings'] === '0', `the PR introduces nothing, yet ${run.outputs['new-findings']} finding(s) count as new: ${JSON.stringify(cr?.annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`))}`, run);
    expect(cr?.conclusion).toBe('success');
    expect(run.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('a PR that only touches unrelated lines of a flawed file passes: only new findings count', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, { 'worker/Dockerfile': PR_CHANGES['worker/Dockerfile'] });
    const run = await pr.run({ 'fail-on': 'low' });
    expectHealthy(run);
    expect(botComments()).toHaveLength(0);
    const runs = checkRunsOf(pr.headSha);
    check(runs.length === 1, 'no check run', run);
    expect(runs[0].conclusion).toBe('success');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['new-findings']).toBe('0');
  }, SCENARIO_TIMEOUT);

  it('filter-mode nofilter: findings outside the diff never break the review (GitHub would reject it whole)', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const run = await pr.run({ 'filter-mode': 'nofilter', 'fail-on': 'never' });
    expectHealthy(run);
    check(reviewPosts(run).length === 1, 'no review', run);
    for (const c of botComments()) check(c.line !== null && patchLines(gh.state.pullFiles().find((f) => f.filename === c.path)?.patch).right.has(c.line), `comment outside the diff at ${c.path}:${c.line}`, run);
    expect(run.exitCode).toBe(0);
    expect(checkRunsOf(pr.headSha)[0]?.conclusion).toBe('success');
  }, SCENARIO_TIMEOUT);

  it('fork PR (read-only token): workflow-command annotations, job summary, exit code, and a log of what was skipped', async () => {
    // 13 more flawed Dockerfiles (more than GitHub shows per level), one in a folder whose name needs escaping.
    const extra: Changes = {};
    for (let i = 0; i < 12; i++) extra[`extra/svc-${i}/Dockerfile`] = `FROM alpine:3.20\nMAINTAINER x${i}@example.com\nCMD ["sh"]\n`;
    extra['extra/odd,name: 100%/Dockerfile'] = 'FROM alpine:3.20\nCMD ["sh"]\n';
    const pr = new PullRequestScenario(common(), BASE_FILES, { ...PR_CHANGES, ...extra }, { fork: true });
    gh.readOnly = true;
    const run = await pr.run({ 'fail-on': 'high' });
    report('fork-stdout', [run.stdout, '----', ...run.requests.map((r) => `${r.method} ${r.path} → ${r.status}`)]);
    expectHealthy(run);
    check(!writesOf(run).some(ok), 'a write succeeded on a read-only token', run);

    const annotations = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file);
    check(annotations.length > 0, 'no ::warning/::error file=… annotations in stdout', run);
    // GitHub shows 10 annotations per level per step, counting the run's own ::error/::warning lines too.
    for (const level of ['error', 'warning', 'notice']) {
      check(run.commands.filter((a) => a.command === level).length <= 10, `more than 10 ${level} annotations in one step (GitHub drops the rest)`, run);
    }
    const headFiles = gh.state.commit(pr.headSha).files;
    check(run.commands.filter((a) => a.command === 'error').length === 10, 'the 10 error annotations GitHub shows should all be used (16 high findings)', run);
    check(annotations.some((a) => a.properties.file === 'extra/odd,name: 100%/Dockerfile'), 'the path with "," ":" "%" was not escaped and read back intact', run);
    for (const a of annotations) {
      check(headFiles.has(a.properties.file), `annotation file ${a.properties.file} is not a repository path`, run);
      check(Number(a.properties.line) >= 1, `annotation without a line: ${JSON.stringify(a)}`, run);
    }
    check(/read-only|fork|not accessible|permission/i.test(run.stdout), 'the log does not say why the review and check run were skipped', run);
    check(run.summary.length > 0 && run.summary.includes(run.outputs.score), 'the job summary is empty or has no score', run);
    for (const i of [0, 11]) check(run.summary.includes(`extra/svc-${i}/Dockerfile`), `extra/svc-${i}/Dockerfile is not in the job summary`, run);
    expect(run.exitCode).toBe(1);
    outputsOf(run);
  }, SCENARIO_TIMEOUT);

  it('API faults: 5xx and secondary rate limits are retried and the run completes', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    gh.injectFault({ method: 'GET', path: /\/pulls\/7\/files$/, kind: 500 });
    gh.injectFault({ method: 'POST', path: /\/pulls\/7\/reviews$/, kind: 502 });
    gh.injectFault({ method: 'POST', path: /\/check-runs$/, kind: 'secondary-rate-limit' });
    gh.injectFault({ method: 'GET', path: /\/pulls\/7\/comments$/, kind: 'secondary-rate-limit-429' });
    const run = await pr.run({ 'fail-on': 'high' });
    expectHealthy(run);
    const faulted = run.requests.filter((r) => r.fault);
    check(faulted.length === 4, `expected the 4 injected faults to be hit, got ${faulted.length}`, run);
    for (const f of faulted) {
      check(run.requests.some((r) => r.seq > f.seq && r.method === f.method && r.path === f.path && ok(r)), `${f.method} ${f.path} was not retried after ${f.fault}`, run);
    }
    expect(gh.state.reviews).toHaveLength(1);
    expect(checkRunsOf(pr.headSha)).toHaveLength(1);
    expect(checkRunsOf(pr.headSha)[0].conclusion).toBe('failure');
    expect(run.exitCode).toBe(1);
  }, SCENARIO_TIMEOUT);

  it('a review GitHub still rejects (422) is retried without the rejected comments; no finding is lost', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    gh.injectFault({ method: 'POST', path: /\/pulls\/7\/reviews$/, kind: { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest', status: '422' } } });
    const run = await pr.run({ 'fail-on': 'never' });
    expectHealthy(run);
    expect(gh.state.reviews).toHaveLength(1);
    const expected = pr.expectedFindings().filter(touchesAdded);
    const commented = botComments();
    const text = `${run.summary}\n${checkRunsOf(pr.headSha)[0]?.output.summary ?? ''}`;
    for (const f of expected) {
      check(commentFor(f, commented) || text.includes(f.path), `${f.ruleId} at ${f.path}:${f.line} is neither commented nor in the summary`, run);
    }
    expect(run.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('bad credentials: a clear failure that names the cause, and the token is not printed', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, PR_CHANGES);
    const wrong = 'ghs_WrongTokenNeverPrinted0123456789ab';
    const run = await pr.run({ 'github-token': wrong });
    expectNoToken(run, wrong);
    check(run.requests.length > 0 && run.requests.every((r) => r.status === 401), 'expected every request to be refused with 401', run);
    check(/401|credentials/i.test(run.stdout + run.stderr), 'the log does not say the token was refused', run);
    check(run.exitCode !== null && run.exitCode !== 0, 'a run that could not read the pull request must not pass', run);
  }, SCENARIO_TIMEOUT);

  it('a PR touching 300 files: every page of files is read, comments capped, annotations batched by 50', async () => {
    const head: Changes = {};
    for (let i = 0; i < 300; i++) {
      const n = String(i).padStart(3, '0');
      // 60 services with flawed Dockerfiles, 240 other files.
      if (i < 60) head[`services/svc-${n}/Dockerfile`] = `FROM alpine:3.20\nMAINTAINER team-${n}@example.com\nCMD ["sh", "-c", "echo ${n}"]\n`;
      else head[`docs/page-${n}.md`] = `# Page ${n}\n`;
    }
    const pr = new PullRequestScenario(common(), BASE_FILES, head);
    const run = await pr.run({ 'max-comments': '10', 'fail-on': 'never' });
    // eslint-disable-next-line no-console
    console.log(`300-file PR: dist/index.js ran in ${Math.round(run.durationMs)} ms (${run.requests.length} API requests)`);
    const t0 = run.requests[0]?.at ?? 0;
    report('300-files', [`duration_ms=${Math.round(run.durationMs)}`, ...run.requests.map((r) => `+${Math.round(r.at - t0)}ms ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} → ${r.status}`)]);
    expectHealthy(run);

    const pages = run.requests.filter((r) => r.method === 'GET' && /\/pulls\/7\/files$/.test(r.path) && ok(r));
    const perPage = Math.min(100, Number(pages[0]?.query.per_page ?? 30));
    const wanted = Math.ceil(300 / perPage);
    const got = new Set(pages.map((r) => Number(r.query.page ?? 1)));
    check(got.size === wanted && [...got].every((p) => p >= 1 && p <= wanted), `read pages ${[...got].sort()} of ${wanted} (per_page ${perPage})`, run);
    report('300-files-pages', pages.map((r) => `${r.rawPath}?${new URLSearchParams(r.query)}`));

    const comments = botComments();
    check(comments.length > 0 && comments.length <= 10, `${comments.length} comments with max-comments 10`, run);
    // The cap keeps the most important: no finding left out outranks one commented.
    const rank = (p: string) => ['critical', 'high', 'medium', 'low'].indexOf(p);
    const all = pr.expectedFindings();
    const commented = all.filter((f) => commentFor(f, comments));
    const left = all.filter((f) => !commentFor(f, comments));
    check(commented.length === comments.length, 'comments without the fingerprint of a finding', run);
    const worstCommented = Math.max(...commented.map((f) => rank(f.priority)));
    const bestLeft = Math.min(...left.map((f) => rank(f.priority)));
    check(bestLeft >= worstCommented, `a ${['critical', 'high', 'medium', 'low'][bestLeft]} finding was left out while a ${['critical', 'high', 'medium', 'low'][worstCommented]} one was commented`, run);
    const cr = checkRunsOf(pr.headSha)[0];
    check(cr, 'no check run', run);
    check(cr.annotations.length > 50, `${cr.annotations.length} annotations for at least 60 findings`, run);
    check(cr.annotationBatches.filter((n) => n > 0).length >= 2, `annotations in batches ${cr.annotationBatches}`, run);
    report('300-files-sizes', [`job summary ${run.summary.length}`, `check summary ${cr.output.summary?.length}`, `annotations ${cr.annotations.length} in ${cr.annotationBatches}`]);
    if (run.summary.length > 65_535) check(/summary/i.test(cr.output.summary!.slice(-500)), 'a cut check-run summary should point at the job summary', run);
    // Findings beyond the cap are listed in the summary.
    const uncommented = [...new Set(pr.expectedFindings().map((f) => f.path))].filter((p) => !comments.some((c) => c.path === p));
    check(uncommented.some((p) => run.summary.includes(p)), 'findings over the comment cap are not listed in the job summary', run);
  }, SCENARIO_TIMEOUT);
});

describe('workflow_dispatch and push', () => {
  it('manual audit: check run on GITHUB_SHA, summary, valid SARIF 2.1.0, one tracking issue created then updated', async () => {
    const files = { ...BASE_FILES, ...PR_CHANGES };
    const branch = new BranchScenario(common(), files);
    const first = await branch.run('workflow_dispatch', { ref: 'refs/heads/main', inputs: {}, workflow: '.github/workflows/docker-review.yml' }, { 'tracking-issue': 'true', 'fail-on': 'critical' });
    report('audit-requests', first.requests.map((r) => `${r.method} ${r.path} → ${r.status}`));
    expectHealthy(first);
    const o = outputsOf(first);
    const runs = checkRunsOf(branch.sha);
    check(runs.length === 1 && runs[0].status === 'completed', 'no completed check run on GITHUB_SHA', first);
    expect(runs[0].output.title).toContain(o.score);
    expect(first.summary).toContain(o.score);
    const sarif = JSON.parse(readFileSync(o['sarif-path'], 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(Number(o.findings));
    expect(readFileSync(o['report-path'], 'utf8')).toContain(o.score);
    expect(reviewPosts(first)).toHaveLength(0);
    const issues = () => gh.state.issues.filter((i) => !i.isPullRequest);
    check(issues().length === 1, 'the tracking issue was not created', first);
    const number = issues()[0].number;

    const second = await branch.run('workflow_dispatch', { ref: 'refs/heads/main', inputs: {} }, { 'tracking-issue': 'true', 'fail-on': 'critical' });
    expectHealthy(second);
    check(issues().length === 1, 'a second tracking issue was opened', second);
    check(second.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/issues/${number}`) && ok(r)), 'the tracking issue was not updated', second);
    expect(issues()[0].body).toContain(second.outputs.score);
    expect(first.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('schedule: the same full audit, without a tracking issue unless asked', async () => {
    const branch = new BranchScenario(common(), { ...BASE_FILES, ...PR_CHANGES });
    const run = await branch.run('schedule', { schedule: '0 6 * * 1' }, { 'fail-on': 'never' });
    expectHealthy(run);
    const o = outputsOf(run);
    check(checkRunsOf(branch.sha).length === 1, 'no check run on GITHUB_SHA', run);
    expect(JSON.parse(readFileSync(o['sarif-path'], 'utf8')).version).toBe('2.1.0');
    expect(gh.state.issues).toHaveLength(0);
    expect(run.exitCode).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('push: reviews the pushed range, check run on the pushed commit, no review', async () => {
    const branch = new BranchScenario(common(), BASE_FILES);
    const { before, after } = branch.commit(PR_CHANGES);
    const run = await branch.run('push', branch.pushPayload(before, after), { 'fail-on': 'high' });
    expectHealthy(run);
    outputsOf(run);
    const runs = checkRunsOf(after);
    check(runs.length === 1 && runs[0].conclusion === 'failure', 'no failing check run on the pushed commit', run);
    expect(reviewPosts(run)).toHaveLength(0);
    expect(run.exitCode).toBe(1);
    // The pre-existing MAINTAINER of worker/ is not new: the verdict rests on what the push introduced.
    expect(Number(run.outputs['new-findings'])).toBeGreaterThan(0);
  }, SCENARIO_TIMEOUT);

  it('an unsupported event: a clear message, a neutral outcome, exit code 0', async () => {
    const branch = new BranchScenario(common(), BASE_FILES);
    const run = await branch.run('issues', { action: 'opened', issue: { number: 3, title: 'Hello' } });
    report('unsupported-stdout', [run.stdout, run.summary]);
    expectHealthy(run);
    expect(run.exitCode).toBe(0);
    check(/issues/.test(run.stdout) && /not supported|unsupported|nothing to (do|review)|skip/i.test(run.stdout), 'no clear message about the unsupported event', run);
    for (const w of writesOf(run)) {
      check(/\/check-runs/.test(w.path) && (w.body as { conclusion?: string }).conclusion === 'neutral', `unexpected write ${w.method} ${w.path}`, run);
    }
  }, SCENARIO_TIMEOUT);
});
