import { ApiTreeWorkspace } from '../../src/github/api-workspace.js';
import { discover } from '../../src/workspace/discover.js';
import { FakeGitHub } from './fake-fetch.js';

const SHA = 'd'.repeat(40);
const blob = (text: string) => ({ content: Buffer.from(text).toString('base64').replace(/(.{60})/g, '$1\n'), encoding: 'base64' });

function server(truncated = false) {
  const blobs: Record<string, string> = { b1: 'FROM alpine:3.20\r\nUSER app\n', b2: 'services:\n  web:\n    build: .\n', b4: '\0\0binary' };
  return new FakeGitHub()
    .on('GET', new RegExp(`^/repos/o/r/git/trees/${SHA}$`), (call) => ({
      body: {
        sha: SHA,
        truncated,
        tree: [
          { path: 'app', mode: '040000', type: 'tree', sha: 't1' },
          { path: 'app/Dockerfile', mode: '100644', type: 'blob', sha: 'b1', size: 27 },
          { path: 'compose.yaml', mode: '100755', type: 'blob', sha: 'b2', size: 30 },
          { path: 'link/Dockerfile', mode: '120000', type: 'blob', sha: 'b3', size: 10 },
          { path: 'big/Dockerfile', mode: '100644', type: 'blob', sha: 'b5', size: 10 * 1024 * 1024 },
          { path: 'bin/Dockerfile', mode: '100644', type: 'blob', sha: 'b4', size: 8 },
          { path: 'vendor/sub', mode: '160000', type: 'commit', sha: 'c1' },
        ],
        recursive: call.query.get('recursive'),
      },
    }))
    .on('GET', /^\/repos\/o\/r\/git\/blobs\/(\w+)$/, (_c, m) => (blobs[m[1]] !== undefined ? { body: blob(blobs[m[1]]) } : { status: 404, body: { message: 'Not Found' } }));
}

describe('ApiTreeWorkspace', () => {
  it('lists the tree in one request and reads blobs on demand, once', async () => {
    const gh = server();
    const ws = await ApiTreeWorkspace.load(gh.client(), { owner: 'o', repo: 'r', sha: SHA, root: '/repo' });
    expect(gh.calls[0].query.get('recursive')).toBe('1');
    expect(await ws.list('')).toEqual([
      { name: 'app', type: 'dir' },
      { name: 'big', type: 'dir' },
      { name: 'bin', type: 'dir' },
      { name: 'compose.yaml', type: 'file' },
    ]);
    expect(await ws.read('app/Dockerfile')).toEqual({ ok: true, text: 'FROM alpine:3.20\nUSER app\n' });
    await ws.read('app/Dockerfile');
    expect(gh.requests().filter((r) => r.includes('/git/blobs/'))).toEqual(['GET /repos/o/r/git/blobs/b1']);
  });

  it('shares blobs between workspaces through a cache keyed by blob sha', async () => {
    const gh = server();
    const cache = new Map();
    const head = await ApiTreeWorkspace.load(gh.client(), { owner: 'o', repo: 'r', sha: SHA, root: '/repo', cache });
    const base = await ApiTreeWorkspace.load(gh.client(), { owner: 'o', repo: 'r', sha: SHA, root: '/repo', cache });
    await head.read('compose.yaml');
    expect((await base.read('compose.yaml')).ok).toBe(true);
    expect(gh.requests().filter((r) => r.includes('/git/blobs/'))).toHaveLength(1);
  });

  it('is confined: no symlinks, submodules, escapes or oversized files; binary content refused', async () => {
    const ws = await ApiTreeWorkspace.load(server().client(), { owner: 'o', repo: 'r', sha: SHA, root: '/repo' });
    expect(await ws.exists('link/Dockerfile')).toBeNull();
    expect(await ws.exists('vendor/sub')).toBeNull();
    expect((await ws.read('../etc/passwd')).ok).toBe(false);
    expect(await ws.read('big/Dockerfile')).toMatchObject({ ok: false, reason: expect.stringContaining('too large') });
    expect(await ws.read('bin/Dockerfile')).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
  });

  it('works with discovery like the disk workspace', async () => {
    const ws = await ApiTreeWorkspace.load(server(true).client(), { owner: 'o', repo: 'r', sha: SHA, root: '/repo' });
    expect(ws.truncated).toBe(true);
    const { files } = await discover(ws, ['.']);
    expect(files.map((f) => f.path)).toEqual(['app/Dockerfile', 'big/Dockerfile', 'bin/Dockerfile', 'compose.yaml']);
  });
});
