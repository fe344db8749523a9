import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-cli-'));
  write(dir, files);
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  }
}

const BASE = {
  'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    build: .\n',
  'Dockerfile': 'FROM alpine:3.20\nRUN true\n',
  'other/Dockerfile': 'FROM alpine:3.20\nMAINTAINER old\n',
};

describe('docker-review CLI', () => {
  it('prints help and version, exit 0', async () => {
    expect((await cli(['--help'], os.tmpdir())).out).toContain('Usage: docker-review');
    expect((await cli(['--version'], os.tmpdir())).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'sometimes'], ['--bogus']]) {
      const r = await cli(args, os.tmpdir());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^docker-review: /);
    }
  });

  it('exits 2 on a configuration error, naming the line', async () => {
    const dir = repo({ ...BASE, '.github/docker-review.yml': 'rules:\n  no-such-rule: off\n' });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.github/docker-review.yml:2: unknown rule `no-such-rule`');
  });

  it('exit code follows --fail-on', async () => {
    const dir = repo(BASE);
    expect((await cli(['.', '--format', 'json'], dir)).code).toBe(0);
    expect((await cli(['.', '--fail-on', 'low'], dir)).code).toBe(1);
    expect((await cli(['.', '--fail-on', 'never'], dir)).code).toBe(0);
  });

  it('paths in JSON are relative to the current directory', async () => {
    const dir = repo(BASE);
    const doc = JSON.parse((await cli(['.', '--format', 'json'], path.join(dir, 'other'))).out);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['Dockerfile']);
    const fromRoot = JSON.parse((await cli(['other', '--format', 'json'], dir)).out);
    const maintainer = fromRoot.findings.filter((f: { ruleId: string }) => f.ruleId === 'maintainer-deprecated');
    expect(maintainer.map((f: { path: string; line: number }) => `${f.path}:${f.line}`)).toEqual(['other/Dockerfile:2']);
    expect(fromRoot.findings.every((f: { path: string }) => f.path === 'other/Dockerfile')).toBe(true);
  });

  it('writes --output files', async () => {
    const dir = repo(BASE);
    const r = await cli(['--format', 'sarif', '--output', 'out.sarif'], dir);
    expect(r.out).toBe('');
    expect(JSON.parse(execFileSync('cat', [path.join(dir, 'out.sarif')]).toString()).version).toBe('2.1.0');
  });

  describe('--diff', () => {
    it('against the working tree: only findings on changed lines of changed files', async () => {
      const dir = repo(BASE);
      // other/Dockerfile's MAINTAINER is old; compose.yaml changes on a line the version finding does not touch,
      // but the version finding is file-level so it stays; a new Dockerfile with MAINTAINER is untracked.
      write(dir, { 'compose.yaml': BASE['compose.yaml'] + '  db:\n    image: postgres:16\n', 'new/Dockerfile': 'FROM alpine:3.20\nMAINTAINER me\n' });
      const doc = JSON.parse((await cli(['--diff', 'HEAD', '--format', 'json'], dir)).out);
      type F = { path: string; ruleId: string; line: number; endLine: number };
      const findings: F[] = doc.findings;
      // Kept: the file-level version finding, the untracked file's findings, findings on the added lines 5-6.
      expect(findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(expect.arrayContaining(['compose.yaml compose-version-obsolete', 'new/Dockerfile maintainer-deprecated']));
      for (const f of findings.filter((f) => f.path === 'compose.yaml' && f.ruleId !== 'compose-version-obsolete')) expect(f.endLine).toBeGreaterThanOrEqual(5);
      // Dropped: the unchanged file, and findings about the unchanged `web` service (line 3).
      expect(findings.filter((f) => f.path === 'other/Dockerfile' || (f.path === 'compose.yaml' && f.line === 3))).toEqual([]);
      expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['compose.yaml', 'new/Dockerfile']);
    });

    it('between two commits, reading the head commit from git objects', async () => {
      const dir = repo(BASE);
      write(dir, { 'Dockerfile': 'FROM alpine:3.20\nRUN true\nMAINTAINER added\n' });
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'change']);
      // The working tree changes again; A..B must ignore it.
      write(dir, { 'Dockerfile': 'FROM alpine:3.20\n' });
      const doc = JSON.parse((await cli(['--diff', 'HEAD~1..HEAD', '--format', 'json'], dir)).out);
      type F = { path: string; line: number; ruleId: string; scope?: string };
      // Line findings only on the changed line 3 (file-level ones of the changed Dockerfile may stay).
      const lineFindings = (doc.findings as F[]).filter((f) => f.ruleId === 'maintainer-deprecated');
      expect(lineFindings.map((f) => `${f.path}:${f.line}`)).toEqual(['Dockerfile:3']);
      expect((doc.findings as F[]).every((f) => f.path === 'Dockerfile')).toBe(true);
    });

    it('rejects refs that look like options and unknown refs', async () => {
      const dir = repo(BASE);
      expect((await cli(['--diff=--output=/tmp/x'], dir)).code).toBe(2);
      const r = await cli(['--diff', 'no-such-ref'], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('git rev-parse failed');
    });
  });
});
