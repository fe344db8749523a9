import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkedOutCommit, hasLocalCommit, workspaceAt } from '../../src/github/workspaces.js';
import { FakeGitHub } from './fake-fetch.js';

function repo() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-ws-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM a\n');
  git('add', '-A');
  git('commit', '-qm', 'one');
  const first = git('rev-parse', 'HEAD');
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM b\n');
  git('commit', '-qam', 'two');
  return { dir, first, second: git('rev-parse', 'HEAD'), git };
}

describe('workspaceAt: checkout, then git objects, then the API', () => {
  it('uses the checkout only for the checked-out head', async () => {
    const r = repo();
    const gh = new FakeGitHub();
    const opts = { root: r.dir, gh: gh.client(), owner: 'o', repo: 'r' };
    expect(checkedOutCommit(r.dir)).toBe(r.second);
    expect((await workspaceAt({ ...opts, sha: r.second, allowCheckout: true })).source).toBe('checkout');
    // A base commit is never read from the working tree, even when it is checked out.
    const base = await workspaceAt({ ...opts, sha: r.second, allowCheckout: false });
    expect(base.source).toBe('git');
    const older = await workspaceAt({ ...opts, sha: r.first, allowCheckout: true });
    expect(older.source).toBe('git');
    expect(await older.workspace.read('Dockerfile')).toEqual({ ok: true, text: 'FROM a\n' });
    expect(gh.calls).toHaveLength(0);
  });

  it('falls back to the API when the commit is not in the clone (or there is no clone)', async () => {
    const r = repo();
    const missing = 'e'.repeat(40);
    expect(hasLocalCommit(r.dir, missing)).toBe(false);
    expect(hasLocalCommit(r.dir, '--output=x')).toBe(false);
    const gh = new FakeGitHub().on('GET', /\/git\/trees\//, () => ({ body: { sha: missing, truncated: true, tree: [] } }));
    const ws = await workspaceAt({ root: os.tmpdir(), gh: gh.client(), owner: 'o', repo: 'r', sha: missing, allowCheckout: true });
    expect(ws.source).toBe('api');
    expect(ws.notice).toMatch(/truncated/);
    expect(gh.requests()).toEqual([`GET /repos/o/r/git/trees/${missing}`]);
  });
});
