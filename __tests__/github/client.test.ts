import { describeError, isWriteRefused, SECONDARY_RATE_LIMIT_RETRIES } from '../../src/github/client.js';
import type { Logger } from '../../src/github/log.js';
import { FakeGitHub } from './fake-fetch.js';

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(m), info: (m) => lines.push(m), warning: (m) => lines.push(m), annotate: (_l, m) => lines.push(m) };
}

describe('REST client', () => {
  it('talks to GITHUB_API_URL with the token in the Authorization header only', async () => {
    const gh = new FakeGitHub().on('GET', /^\/repos\/o\/r$/, () => ({ body: { id: 1 } }));
    await gh.client().request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(gh.calls[0].headers.authorization).toBe('token ghs_secret-token');
    expect(gh.calls[0].headers['user-agent']).toContain('test');
  });

  it('retries 5xx answers', async () => {
    let n = 0;
    const gh = new FakeGitHub().on('GET', /^\/repos\/o\/r$/, () => (++n < 3 ? { status: 502, body: { message: 'Bad gateway' } } : { body: { id: 1 } }));
    const { data } = await gh.client().request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(data).toEqual({ id: 1 });
    expect(gh.calls).toHaveLength(3);
  });

  it('waits out a secondary rate limit as GitHub asks, at most twice', async () => {
    const limited = { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '1' } };
    let n = 0;
    const log = recordingLog();
    const gh = new FakeGitHub().on('GET', /^\/repos\/o\/r$/, () => (++n < 2 ? limited : { body: { id: 1 } }));
    await gh.client({ throttle: true, log }).request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(gh.calls).toHaveLength(2);
    expect(log.lines.join('\n')).toMatch(/secondary rate limit.*retrying in 1 s/);

    const always = new FakeGitHub().on('GET', /^\/repos\/o\/r$/, () => limited);
    const error = await always.client({ throttle: true, log }).request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }).catch((e: unknown) => e);
    expect(always.calls).toHaveLength(1 + SECONDARY_RATE_LIMIT_RETRIES);
    expect(isWriteRefused(error)).toBe(false);
    expect(log.lines.join('\n')).not.toContain('ghs_secret-token');
  });

  it('does not retry a refused write; tells it apart', async () => {
    const gh = new FakeGitHub().on('POST', /^\/repos\/o\/r\/check-runs$/, () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    const error = await gh.client().request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', name: 'x', head_sha: 'a' }).catch((e: unknown) => e);
    expect(gh.calls).toHaveLength(1);
    expect(isWriteRefused(error)).toBe(true);
    expect(describeError(error)).toBe('HTTP 403: Resource not accessible by integration');
    expect(describeError(error)).not.toContain('ghs_');
  });
});
