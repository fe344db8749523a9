import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modeOf, readRunContext } from '../../src/github/context.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const pr = (action: string, extra: Record<string, unknown> = {}) => ({
  action,
  number: 7,
  pull_request: { number: 7, changed_files: 3, head: { sha: HEAD, repo: { full_name: 'o/r' } }, base: { sha: BASE, repo: { full_name: 'o/r' } }, ...extra },
});

describe('event → mode', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('pull_request %s → review of the PR', (action) => {
    expect(modeOf('pull_request', pr(action), 'm'.repeat(40))).toEqual({ kind: 'pull_request', number: 7, headSha: HEAD, baseSha: BASE, headRepo: 'o/r', fork: false, changedFiles: 3 });
  });

  it.each(['closed', 'labeled', 'edited', 'assigned'])('pull_request %s → skipped with a reason', (action) => {
    const mode = modeOf('pull_request', pr(action), '');
    expect(mode.kind).toBe('skip');
    expect(mode.kind === 'skip' && mode.reason).toContain(`\`${action}\``);
  });

  it('tells fork pull requests apart', () => {
    const mode = modeOf('pull_request', pr('opened', { head: { sha: HEAD, repo: { full_name: 'someone/r' } } }), '');
    expect(mode).toMatchObject({ kind: 'pull_request', fork: true, headRepo: 'someone/r' });
  });

  it('skips a pull_request payload without shas instead of crashing', () => {
    expect(modeOf('pull_request', { action: 'opened', pull_request: { number: 1 } }, '').kind).toBe('skip');
  });

  it('workflow_dispatch and schedule → full audit of GITHUB_SHA', () => {
    expect(modeOf('workflow_dispatch', {}, HEAD)).toEqual({ kind: 'audit', sha: HEAD, trigger: 'workflow_dispatch' });
    expect(modeOf('schedule', {}, HEAD)).toEqual({ kind: 'audit', sha: HEAD, trigger: 'schedule' });
  });

  it('push → the pushed range; a new branch (zero before) → the whole tree', () => {
    expect(modeOf('push', { before: BASE, after: HEAD }, HEAD)).toEqual({ kind: 'push', before: BASE, after: HEAD });
    expect(modeOf('push', { before: '0'.repeat(40), after: HEAD }, HEAD)).toEqual({ kind: 'push', before: null, after: HEAD });
    expect(modeOf('push', { deleted: true, before: BASE, after: '0'.repeat(40) }, '').kind).toBe('skip');
  });

  it.each(['issues', 'release', 'merge_group', 'pull_request_target', ''])('%s → skipped with a clear message', (event) => {
    const mode = modeOf(event, {}, HEAD);
    expect(mode.kind).toBe('skip');
    expect(mode.kind === 'skip' && mode.reason.length).toBeGreaterThan(10);
  });
});

describe('readRunContext', () => {
  it('reads the runner environment and the payload file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-ctx-'));
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(pr('synchronize')));
    const ctx = await readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo/shop',
      GITHUB_SHA: 'm'.repeat(40),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: 'http://127.0.0.1:9999/api/',
      GITHUB_SERVER_URL: 'https://ghe.example',
      GITHUB_RUN_ID: '42',
    });
    expect(ctx).toMatchObject({ owner: 'octo', repo: 'shop', apiUrl: 'http://127.0.0.1:9999/api', runUrl: 'https://ghe.example/octo/shop/actions/runs/42', workspace: dir });
    expect(ctx.mode.kind).toBe('pull_request');
  });

  it('an unreadable payload skips the run instead of crashing', async () => {
    const ctx = await readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent/event.json', GITHUB_REPOSITORY: 'o/r' });
    expect(ctx.mode.kind).toBe('skip');
  });
});
