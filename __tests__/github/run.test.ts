// runAction end to end in-process: a real git checkout, a stub GitHub (fetch) that keeps comments, reviews, check runs
// and issues, and checks comment lines against the patches like GitHub does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseMarker } from '../../src/github/comments.js';
import { DEFAULT_CHECK_NAME, readInputs } from '../../src/github/inputs.js';
import type { AnnotationLevel, AnnotationProps, Logger } from '../../src/github/log.js';
import { parsePatch } from '../../src/github/pr-files.js';
import { runAction, type ActionResult } from '../../src/github/run.js';
import { FakeGitHub, paged, type Call } from './fake-fetch.js';

const BASE_FILES = {
  'Dockerfile': 'FROM node:20.11.1-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "a.js"]\n',
  'compose.yaml': 'services:\n  web:\n    build: .\n',
  'README.md': 'hello\n',
};
const HEAD_FILES = {
  ...BASE_FILES,
  'Dockerfile': 'FROM node:20.11.1-alpine\nMAINTAINER someone@example.com\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "a.js"]\n',
  'api/Dockerfile': 'FROM python:3.12-slim\nMAINTAINER me\nCMD ["python", "app.py"]\n',
};

interface Repo {
  dir: string;
  base: string;
  head: string;
  git: (...args: string[]) => string;
}

function makeRepo(head: Record<string, string> = HEAD_FILES, baseFiles: Record<string, string> = BASE_FILES): Repo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-run-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
  const write = (files: Record<string, string>) => {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), c);
    }
  };
  git('init', '-q', '-b', 'main');
  write(baseFiles);
  git('add', '-A');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'feature');
  write(head);
  git('add', '-A');
  git('commit', '-qm', 'head');
  return { dir, base, head: git('rev-parse', 'HEAD'), git };
}

/** The PR files API answer for base..head, from local git. */
function prFiles(repo: Repo): { filename: string; status: string; patch?: string; previous_filename?: string }[] {
  const names = repo.git('diff', '--name-status', repo.base, repo.head).split('\n').filter(Boolean);
  return names.map((line) => {
    const [status, file] = line.split('\t');
    const patch = repo.git('diff', '--unified=3', repo.base, repo.head, '--', file);
    return { filename: file, status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified', patch: patch.slice(patch.indexOf('@@')) };
  });
}

interface Stored {
  id: number;
  path: string;
  line: number | null;
  start_line: number | null;
  side: string;
  body: string;
  user: { login: string; type: string };
  in_reply_to_id?: number;
}

class GitHubStub extends FakeGitHub {
  comments: Stored[] = [];
  reviews: any[] = [];
  checkRuns: any[] = [];
  issues: any[] = [];
  nextId = 100;
  readOnly = false;
  rejectComments = false;

  constructor(readonly repo: Repo, files = prFiles(repo)) {
    super();
    const hunks = new Map(files.map((f) => [f.filename, f.patch ? parsePatch(f.patch).hunks : []]));
    const write = (handler: (call: Call, m: RegExpExecArray) => any) => (call: Call, m: RegExpExecArray) =>
      this.readOnly ? { status: 403, body: { message: 'Resource not accessible by integration' } } : handler(call, m);
    this.on('GET', /^\/repos\/o\/r\/pulls\/1\/files$/, (call) => paged(files, call))
      .on('GET', /^\/repos\/o\/r\/pulls\/1\/comments$/, (call) => paged(this.comments, call))
      .on('POST', /^\/repos\/o\/r\/pulls\/1\/reviews$/, write((call) => {
        const comments: any[] = call.body.comments ?? [];
        const bad = comments.some((c) => {
          const inHunk = (l: number) => hunks.get(c.path)?.some((h) => l >= h.start && l <= h.end);
          return !inHunk(c.line) || (c.start_line !== undefined && (c.start_line >= c.line || !inHunk(c.start_line)));
        });
        if (bad || (this.rejectComments && comments.length)) return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] } };
        if (call.body.event !== 'COMMENT' || !call.body.body || call.body.commit_id !== repo.head) return { status: 422, body: { message: 'bad review' } };
        const review = { id: this.nextId++, user: { login: 'github-actions[bot]', type: 'Bot' }, body: call.body.body };
        this.reviews.push(review);
        for (const c of comments) {
          this.comments.push({ id: this.nextId++, path: c.path, line: c.line, start_line: c.start_line ?? null, side: c.side, body: c.body, user: review.user });
        }
        return { body: review };
      }))
      .on('PATCH', /^\/repos\/o\/r\/pulls\/comments\/(\d+)$/, write((call, m) => {
        const c = this.comments.find((x) => x.id === Number(m[1]));
        if (!c) return { status: 404, body: { message: 'Not Found' } };
        c.body = call.body.body;
        return { body: c };
      }))
      .on('DELETE', /^\/repos\/o\/r\/pulls\/comments\/(\d+)$/, write((_call, m) => {
        this.comments = this.comments.filter((x) => x.id !== Number(m[1]));
        return { status: 204 };
      }))
      .on('POST', /^\/repos\/o\/r\/check-runs$/, write((call) => {
        if ((call.body.output?.annotations?.length ?? 0) > 50) return { status: 422, body: { message: 'too many annotations' } };
        const run = { id: this.nextId++, ...call.body, html_url: 'https://github.test/o/r/runs/1', annotations: [...(call.body.output?.annotations ?? [])] };
        this.checkRuns.push(run);
        return { status: 201, body: run };
      }))
      .on('PATCH', /^\/repos\/o\/r\/check-runs\/(\d+)$/, write((call, m) => {
        const run = this.checkRuns.find((r) => r.id === Number(m[1]));
        run.annotations.push(...(call.body.output?.annotations ?? []));
        Object.assign(run, { ...call.body, output: call.body.output ?? run.output });
        return { body: run };
      }))
      .on('GET', /^\/repos\/o\/r\/compare\/(\w+)\.\.\.(\w+)$/, (_call, m) => ({ body: { merge_base_commit: { sha: repo.git('merge-base', m[1], m[2]) }, files: [] } }))
      .on('GET', /^\/repos\/o\/r\/issues$/, (call) => paged(this.issues, call))
      .on('POST', /^\/repos\/o\/r\/issues$/, write((call) => {
        const issue = { number: this.issues.length + 1, html_url: `https://github.test/o/r/issues/${this.issues.length + 1}`, ...call.body };
        this.issues.push(issue);
        return { status: 201, body: issue };
      }))
      .on('PATCH', /^\/repos\/o\/r\/issues\/(\d+)$/, write((call, m) => {
        const issue = this.issues.find((i) => i.number === Number(m[1]));
        Object.assign(issue, call.body);
        return { body: issue };
      }))
      .on('GET', /^\/repos\/o\/r\/git\/trees\/(\w+)$/, (_call, m) => {
        const out = repo.git('ls-tree', '-r', '-l', '--full-tree', m[1]);
        const tree = out.split('\n').filter(Boolean).map((l) => {
          const [meta, p] = l.split('\t');
          const [mode, type, sha, size] = meta.split(/\s+/);
          return { path: p, mode, type, sha, size: Number(size) };
        });
        return { body: { sha: m[1], tree, truncated: false } };
      })
      .on('GET', /^\/repos\/o\/r\/git\/blobs\/(\w+)$/, (_call, m) => ({
        body: { sha: m[1], encoding: 'base64', content: execFileSync('git', ['-C', repo.dir, 'cat-file', 'blob', m[1]]).toString('base64') },
      }));
  }
}

interface Run {
  result: ActionResult;
  summary: string;
  annotations: { level: AnnotationLevel; message: string; props: AnnotationProps }[];
  logs: string[];
}

async function run(stub: GitHubStub, options: { event?: string; payload?: object; inputs?: Record<string, string>; workspace?: string } = {}): Promise<Run> {
  const repo = stub.repo;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dr-runner-'));
  const eventPath = path.join(tmp, 'event.json');
  const payload = options.payload ?? {
    action: 'synchronize',
    number: 1,
    pull_request: { number: 1, head: { sha: repo.head, repo: { full_name: 'o/r' } }, base: { sha: repo.base, repo: { full_name: 'o/r' } } },
  };
  writeFileSync(eventPath, JSON.stringify(payload));
  const out: Run = { result: undefined as unknown as ActionResult, summary: '', annotations: [], logs: [] };
  const log: Logger = {
    debug: () => {},
    info: (m) => out.logs.push(m),
    warning: (m) => out.logs.push(`warning: ${m}`),
    annotate: (level, message, props) => out.annotations.push({ level, message, props }),
  };
  const inputs = readInputs((name) => ({ 'github-token': 'ghs_secret', path: '.', 'fail-on': 'low', ...options.inputs })[name] ?? '');
  out.result = await runAction({
    inputs,
    env: {
      GITHUB_EVENT_NAME: options.event ?? 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: repo.head,
      GITHUB_WORKSPACE: options.workspace ?? repo.dir,
      GITHUB_API_URL: 'https://api.test',
      GITHUB_RUN_ID: '9',
      RUNNER_TEMP: tmp,
    },
    log,
    writeSummary: async (m) => void (out.summary += m),
    client: stub.client(),
  });
  return out;
}

const ours = (stub: GitHubStub) => stub.comments.filter((c) => parseMarker(c.body));

describe('runAction on a pull request', () => {
  it('posts one review with suggestions, a check run, outputs, and fails on new findings', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    const { result, summary } = await run(stub);
    expect(stub.requests().filter((r) => !r.startsWith('GET'))).toEqual(['POST /repos/o/r/pulls/1/reviews', 'POST /repos/o/r/check-runs']);
    expect(stub.reviews).toHaveLength(1);
    const maintainer = ours(stub).filter((c) => c.body.includes('maintainer-deprecated'));
    expect(maintainer.map((c) => `${c.path}:${c.line}`).sort()).toEqual(['Dockerfile:2', 'api/Dockerfile:2']);
    expect(maintainer[0].body).toContain('```suggestion\n');
    // Every comment sits on a line of the diff (the stub refuses others with 422, as GitHub does).
    const run0 = stub.checkRuns[0];
    expect(run0).toMatchObject({ name: DEFAULT_CHECK_NAME, head_sha: repo.head, conclusion: 'failure' });
    expect(run0.output.title).toMatch(/^Score \d+\/100 \(.+\) \(base \d+\) · \d+ critical/);
    expect(run0.annotations.length).toBe(Number(result.outputs.findings));
    expect(result.failure).toMatch(/new finding.* at or above low/);
    expect(result.outputs).toMatchObject({ 'new-findings': expect.stringMatching(/^[1-9]/), 'base-score': expect.stringMatching(/^\d+$/) });
    expect(Object.keys(result.outputs).sort()).toEqual(['base-score', 'critical', 'findings', 'grade', 'high', 'low', 'medium', 'new-findings', 'report-path', 'sarif-path', 'score'].sort());
    expect(readFileSync(result.outputs['report-path'], 'utf8')).toContain('Docker review of pull request');
    expect(JSON.parse(readFileSync(result.outputs['sarif-path'], 'utf8')).version).toBe('2.1.0');
    expect(summary).toContain('failing');
    expect(summary).toContain('Score change');
  });

  it('a re-run on the same commit posts nothing new and edits nothing', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    await run(stub);
    const before = JSON.stringify(stub.comments);
    stub.calls.length = 0;
    await run(stub);
    expect(stub.requests().filter((r) => r.includes('/pulls/') && !r.startsWith('GET'))).toEqual([]);
    expect(JSON.stringify(stub.comments)).toBe(before);
  });

  it('a later push that fixes a finding deletes its comment, or marks it resolved when answered', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    await run(stub);
    const [first, second] = ours(stub).filter((c) => c.body.includes('maintainer-deprecated')).sort((a, b) => a.path.localeCompare(b.path));
    stub.comments.push({ id: 999, path: second.path, line: second.line, start_line: null, side: 'RIGHT', body: 'why?', user: { login: 'dev', type: 'User' }, in_reply_to_id: second.id });
    // Fix both MAINTAINER lines in a new head commit.
    writeFileSync(path.join(repo.dir, 'Dockerfile'), BASE_FILES.Dockerfile.replace('WORKDIR', 'LABEL maintainer=me\nWORKDIR'));
    writeFileSync(path.join(repo.dir, 'api/Dockerfile'), 'FROM python:3.12-slim\nLABEL x=y\nCMD ["python", "app.py"]\n');
    repo.git('commit', '-qam', 'fix');
    const next = { ...repo, head: repo.git('rev-parse', 'HEAD') };
    const stub2 = new GitHubStub(next);
    stub2.comments = stub.comments;
    const { result } = await run(stub2);
    expect(stub2.comments.find((c) => c.id === first.id)).toBeUndefined();
    const resolved = stub2.comments.find((c) => c.id === second.id)!;
    expect(resolved.body).toContain(`Resolved** in ${next.head.slice(0, 7)}`);
    expect(stub2.comments.find((c) => c.id === 999)!.body).toBe('why?');
    expect(result.failure === null || !result.failure.includes('maintainer')).toBe(true);
  });

  it('fork PR (read-only token): annotations, job summary and exit code carry the review', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    stub.readOnly = true;
    const { result, annotations, summary, logs } = await run(stub);
    expect(result.failure).toBeTruthy();
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.length).toBe(Math.min(Number(result.outputs.findings), 30));
    expect(annotations[0].props.file).toBeTruthy();
    expect(result.skippedPublications).toHaveLength(2);
    expect(logs.join('\n')).toMatch(/inline review comments skipped: the token cannot write/);
    expect(summary).toMatch(/check run "Docker Review" skipped/);
    expect(logs.join('\n')).not.toContain('ghs_secret');
  });

  it('when GitHub refuses the comments (422), the review goes out as a list: no finding lost', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    stub.rejectComments = true;
    const { summary } = await run(stub);
    expect(stub.requests().filter((r) => r === 'POST /repos/o/r/pulls/1/reviews')).toHaveLength(2);
    expect(stub.reviews).toHaveLength(1);
    expect(stub.comments).toHaveLength(0);
    expect(stub.reviews[0].body).toContain('GitHub refused the inline comments');
    expect(stub.reviews[0].body).toContain('maintainer-deprecated');
    expect(summary).toContain('refused by GitHub');
  });

  it('max-comments and comments: false', async () => {
    const repo = makeRepo();
    const capped = new GitHubStub(repo);
    await run(capped, { inputs: { 'max-comments': '1' } });
    expect(capped.comments).toHaveLength(1);
    const off = new GitHubStub(repo);
    await run(off, { inputs: { comments: 'false' } });
    expect(off.requests().some((r) => r.includes('/pulls/1/comments') || r.includes('/reviews'))).toBe(false);
    expect(off.checkRuns).toHaveLength(1);
  });

  it('reads both commits through the API when the workspace holds no checkout', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'dr-empty-'));
    const { result, logs } = await run(stub, { workspace: empty });
    expect(logs.join('\n')).toContain('from the GitHub API');
    expect(stub.requests()).toEqual(expect.arrayContaining([`GET /repos/o/r/git/trees/${repo.head}`, `GET /repos/o/r/git/trees/${repo.base}`]));
    expect(ours(stub).length).toBeGreaterThan(0);
    expect(result.outputs['base-score']).toMatch(/^\d+$/);
  });

  it('compares with the merge base when the base branch moved on (through the API without a clone)', async () => {
    // At the fork point the Dockerfile runs as root; main then adds USER; the PR only changes another line of it.
    const rootful = BASE_FILES.Dockerfile.replace('USER node\n', '');
    const repo = makeRepo({ ...BASE_FILES, Dockerfile: rootful.replace('a.js', 'b.js') }, { ...BASE_FILES, Dockerfile: rootful });
    repo.git('checkout', '-q', 'main');
    writeFileSync(path.join(repo.dir, 'Dockerfile'), BASE_FILES.Dockerfile);
    repo.git('commit', '-qam', 'main moves on');
    const tip = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', 'feature');
    const stub = new GitHubStub(repo);
    const payload = { action: 'synchronize', number: 1, pull_request: { number: 1, head: { sha: repo.head, repo: { full_name: 'o/r' } }, base: { sha: tip, repo: { full_name: 'o/r' } } } };
    const local = await run(stub, { payload });
    expect(local.result.outputs['new-findings']).toBe('0');
    const viaApi = await run(new GitHubStub(repo), { payload, workspace: mkdtempSync(path.join(os.tmpdir(), 'dr-empty-')) });
    expect(viaApi.result.outputs['new-findings']).toBe('0');
    expect(viaApi.logs.join('\n')).toContain(`comparing with the merge base ${repo.base.slice(0, 7)}`);
  });

  it('fail-on counts only new findings: a PR that adds nothing bad passes', async () => {
    const repo = makeRepo({ ...BASE_FILES, 'README.md': 'changed\n' });
    const stub = new GitHubStub(repo);
    const { result } = await run(stub);
    expect(result.failure).toBeNull();
    expect(result.outputs['new-findings']).toBe('0');
    expect(stub.checkRuns[0].conclusion).toBe('success');
    expect(stub.reviews).toHaveLength(0);
  });
});

describe('runAction on other events', () => {
  it('workflow_dispatch: full audit, check run on GITHUB_SHA, one tracking issue updated in place', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    const first = await run(stub, { event: 'workflow_dispatch', payload: {}, inputs: { 'tracking-issue': 'true', 'fail-on': 'never' } });
    expect(first.result.failure).toBeNull();
    expect(first.result.outputs['base-score']).toBe('');
    expect(stub.checkRuns[0]).toMatchObject({ head_sha: repo.head, conclusion: 'success' });
    expect(stub.issues).toHaveLength(1);
    await run(stub, { event: 'schedule', payload: {}, inputs: { 'tracking-issue': 'true' } });
    expect(stub.issues).toHaveLength(1);
    expect(stub.requests().filter((r) => r.startsWith('PATCH /repos/o/r/issues/'))).toHaveLength(1);
    expect(stub.issues[0].body).toContain('<!-- docker-review:tracking-issue -->');
    expect(stub.requests().some((r) => r.includes('/pulls/'))).toBe(false);
  });

  it('push: reviews the pushed range from the local clone', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    const { result } = await run(stub, { event: 'push', payload: { before: repo.base, after: repo.head } });
    expect(result.outputs['new-findings']).not.toBe('0');
    expect(stub.requests().filter((r) => !r.startsWith('GET'))).toEqual(['POST /repos/o/r/check-runs']);
  });

  it('an unsupported event is a neutral skip', async () => {
    const repo = makeRepo();
    const stub = new GitHubStub(repo);
    const { result, summary } = await run(stub, { event: 'issues', payload: { action: 'opened' } });
    expect(result).toMatchObject({ failure: null, outputs: {} });
    expect(result.skipped).toContain('`issues`');
    expect(summary).toContain('Skipped');
    expect(stub.calls).toHaveLength(0);
  });
});
