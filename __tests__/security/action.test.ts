// The action on hostile pull requests, in-process (src/github/run.ts) against the fake GitHub server on 127.0.0.1:
// every request body it sends is recorded, so "never published" is checked on what GitHub would really receive.
// Also: two runs on the same pull request at once, and how the next run converges.
import { rmSync } from 'node:fs';
import { parseMarker } from '../../src/github/comments.js';
import { ACTIONS_BOT, FakeGitHub } from '../e2e/fake-github/index.js';
import { BASE_FILES } from '../e2e/helpers/fixtures.js';
import { tempDir } from '../e2e/helpers/git.js';
import { PullRequestScenario } from '../e2e/helpers/scenario.js';
import { ATTACKER, injections, removeTempDirs, runActionOn } from './helpers.js';

const TOKEN = 'ghs_SecurityTestToken0123456789abcdef';
const gh = new FakeGitHub({ owner: 'acme', repo: 'shop', token: TOKEN });
let root = '';
const common = () => ({ server: gh, token: TOKEN, root });

beforeAll(() => gh.start());
afterAll(async () => {
  await gh.stop();
  removeTempDirs();
});
beforeEach(() => {
  gh.reset();
  root = tempDir('security');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const botComments = () => gh.state.reviewComments.filter((c) => c.user.login === ACTIONS_BOT.login);

function expectHealthy(): void {
  expect(gh.crashes).toEqual([]);
  expect(gh.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  expect(gh.schemaViolations.map((v) => `${v.request.method} ${v.request.path}`)).toEqual([]);
  expect(gh.rejections.map((r) => `${r.method} ${r.path}: ${r.error}`)).toEqual([]);
}

describe('secrets in a pull request', () => {
  const DB = 'Sup3r-S3cret-db-password-7731';
  const GHP = 'ghp_R3alLook1ngT0kenValue0123456789abcd';
  const DOTENV = 'from-dotenv-Zq81-never-print';
  const changes = {
    '.env': `REDIS_PASSWORD=${DOTENV}\n`,
    'compose.yaml': [
      'services:',
      '  app:',
      '    build: ./app',
      '    restart: unless-stopped',
      '    environment:',
      `      DATABASE_URL: postgres://app:${DB}@db/app`,
      '      REDIS_URL: redis://:${REDIS_PASSWORD}@cache:6379',
      '  db:',
      '    image: postgres:16.4-alpine',
      '    environment:',
      `      POSTGRES_PASSWORD: ${DB}`,
      '    restart: unless-stopped',
      '',
    ].join('\n'),
    'app/Dockerfile': [
      'FROM node:20.11-alpine',
      `ENV GITHUB_TOKEN ${GHP}`,
      `env NPM_TOKEN=${GHP}`,
      'WORKDIR /app',
      'COPY . .',
      'USER node',
      'CMD ["node", "server.js"]',
      '',
    ].join('\n'),
  };

  it('never reach GitHub, the log, the summary or the outputs; each is registered with the runner; the token is never logged', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, changes);
    const run = await runActionOn(gh, pr, TOKEN);
    expectHealthy();
    expect(botComments().length).toBeGreaterThan(0);
    expect(run.requests.some((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))).toBe(true);
    for (const secret of [DB, GHP, DOTENV]) {
      expect(run.registered).toContain(secret);
      expect({ secret, leaked: run.everything.includes(secret) }).toEqual({ secret, leaked: false });
    }
    expect(run.everything).not.toContain(TOKEN);
    // The findings are still there, masked: the hard-coded password is reported on its line.
    expect(botComments().some((c) => c.body.includes('compose-hardcoded-secret'))).toBe(true);
  }, 60_000);
});

describe('Markdown injection in a pull request', () => {
  it('review comments, the review body, the check run and the job summary render no attacker HTML, link, mention or reference', async () => {
    const { user, issue, host } = ATTACKER;
    const pr = new PullRequestScenario(common(), BASE_FILES, {
      'app/Dockerfile': [
        'FROM node:20.11-alpine',
        '``<img/src=x/onerror=alert(1)>`',
        `EXPOSE @${user}`,
        `WORKDIR rel/[x](https://${host})<img>#${issue}`,
        'USER node',
        '',
      ].join('\n'),
      'compose.yaml': [
        'services:',
        `  "app<img src=x>@${user}#${issue}":`,
        '    build: ./app',
        `    image: "www.${host}/x:latest"`,
        '',
      ].join('\n'),
    });
    const run = await runActionOn(gh, pr, TOKEN, { 'filter-mode': 'nofilter', 'max-comments': '100' });
    expectHealthy();
    const bodies = [
      ...botComments().map((c) => c.body),
      ...gh.state.reviews.map((r) => r.body ?? ''),
      ...gh.state.checkRuns.map((c) => c.output?.summary ?? ''),
      run.summary,
    ];
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) expect(injections(body)).toEqual([]);
  }, 60_000);
});

describe('two runs on one pull request at once', () => {
  it('duplicate comments left by a race are deleted by the next run; a copy someone answered is the one kept', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, {
      'api/Dockerfile': 'FROM python:3.12-slim\nMAINTAINER api@example.com\nWORKDIR /api\nCOPY . .\nCMD ["python", "-m", "api"]\n',
    });
    await runActionOn(gh, pr, TOKEN);
    const first = botComments();
    expect(first.length).toBeGreaterThan(1);
    // What two concurrent runs leave behind: every comment twice, same place, same fingerprint.
    const copies = first.map((c) => gh.state.seedReviewComment({ user: ACTIONS_BOT.login, path: c.path, line: c.line!, body: c.body }));
    // Someone answered the copy of the first comment: that thread must survive.
    gh.state.seedReviewComment({ user: 'alice', body: 'Will fix.', inReplyTo: copies[0].id });
    expect(botComments().length).toBe(first.length * 2);

    const next = await runActionOn(gh, pr, TOKEN);
    expectHealthy();
    const fingerprints = botComments().map((c) => parseMarker(c.body)!.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(fingerprints.sort()).toEqual(first.map((c) => parseMarker(c.body)!.fingerprint).sort());
    expect(botComments().map((c) => c.id)).toContain(copies[0].id);
    expect(next.requests.filter((r) => r.method === 'POST' && /\/reviews$/.test(r.path))).toEqual([]);
    // Converged: one more run changes nothing.
    const settled = await runActionOn(gh, pr, TOKEN);
    expect(settled.requests.filter((r) => r.method !== 'GET' && r.path.includes('/pulls/'))).toEqual([]);
  }, 90_000);

  it('two runs started together end, after the next run, with exactly one comment per finding', async () => {
    const pr = new PullRequestScenario(common(), BASE_FILES, {
      'api/Dockerfile': 'FROM python:3.12-slim\nMAINTAINER api@example.com\nWORKDIR /api\nCOPY . .\nCMD ["python", "-m", "api"]\n',
    });
    await Promise.all([runActionOn(gh, pr, TOKEN), runActionOn(gh, pr, TOKEN)]);
    expectHealthy();
    await runActionOn(gh, pr, TOKEN);
    const fingerprints = botComments().map((c) => parseMarker(c.body)!.fingerprint);
    expect(fingerprints.length).toBeGreaterThan(0);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  }, 90_000);
});
