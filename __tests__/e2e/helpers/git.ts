// Real git repositories for the end-to-end scenarios: an "origin" with base, head and merge commits, and a workspace
// checked out the way actions/checkout does it (a shallow fetch of one commit, detached HEAD).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toBuffer, treeOf, type FileContent } from '../fake-github/git-objects.js';
import type { FakeGitHub } from '../fake-github/index.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  // Fixed dates: the same scenario gives the same commit SHAs on every run.
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `dr-e2e-${prefix}-`));
}

/** Changes to apply in a commit: path → new content, or null to delete the file. */
export type Changes = Record<string, FileContent | null>;

export class Origin {
  readonly dir: string;
  private readonly snapshots = new Map<string, Map<string, Buffer>>();
  private readonly parents = new Map<string, string[]>();
  private tick = 0;

  constructor(root: string) {
    this.dir = path.join(root, 'origin');
    mkdirSync(this.dir, { recursive: true });
    git(this.dir, 'init', '-q', '-b', 'main');
    git(this.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  }

  snapshot(sha: string): Map<string, Buffer> {
    const s = this.snapshots.get(sha);
    if (!s) throw new Error(`unknown commit ${sha}`);
    return s;
  }

  /** Commits `changes` on top of `parent` (null: a root commit) and moves `branch` there. */
  commit(branch: string, parent: string | null, changes: Changes, message: string): string {
    if (parent) git(this.dir, 'checkout', '-q', '-B', branch, parent);
    else git(this.dir, 'checkout', '-q', '--orphan', branch);
    const files = new Map(parent ? this.snapshot(parent) : []);
    for (const [p, content] of Object.entries(changes)) {
      const abs = path.join(this.dir, p);
      if (content === null) {
        rmSync(abs, { force: true });
        files.delete(p);
      } else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, toBuffer(content));
        files.set(p, toBuffer(content));
      }
    }
    git(this.dir, 'add', '-A');
    // Distinct commit times keep SHAs distinct when two commits have the same tree and parent.
    this.tick++;
    const sha = this.withDate(() => {
      git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
      return git(this.dir, 'rev-parse', 'HEAD');
    });
    this.record(sha, files, parent ? [parent] : []);
    return sha;
  }

  /** The merge commit GitHub makes for refs/pull/N/merge. */
  merge(prNumber: number, base: string, head: string): string {
    git(this.dir, 'checkout', '-q', '--detach', base);
    this.tick++;
    const sha = this.withDate(() => {
      git(this.dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${head} into ${base}`, head);
      return git(this.dir, 'rev-parse', 'HEAD');
    });
    git(this.dir, 'update-ref', `refs/pull/${prNumber}/merge`, sha);
    git(this.dir, 'update-ref', `refs/pull/${prNumber}/head`, head);
    this.record(sha, this.readSnapshot(sha), [base, head]);
    return sha;
  }

  /** Registers commits (with their parents, recursively) in the fake server. */
  publish(server: FakeGitHub, ...shas: string[]): void {
    for (const sha of shas) {
      if (server.state.commits.has(sha)) continue;
      const parents = this.parents.get(sha) ?? [];
      this.publish(server, ...parents);
      server.state.addCommit(sha, this.snapshot(sha), parents, `commit ${sha.slice(0, 7)}`);
    }
  }

  /** A workspace as actions/checkout leaves it: `git init`, shallow fetch of `sha`, detached HEAD. */
  checkout(sha: string, options: { depth?: number } = {}): string {
    const ws = path.join(path.dirname(this.dir), `ws-${sha.slice(0, 8)}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(ws, { recursive: true });
    git(ws, 'init', '-q');
    git(ws, 'remote', 'add', 'origin', `file://${this.dir}`);
    const depth = options.depth ?? 1;
    git(ws, 'fetch', '-q', '--no-tags', ...(depth > 0 ? [`--depth=${depth}`] : []), 'origin', sha);
    git(ws, 'checkout', '-q', '--detach', sha);
    return ws;
  }

  /** A commit's files as git has them (one ls-tree and one cat-file --batch). */
  private readSnapshot(sha: string): Map<string, Buffer> {
    const entries = git(this.dir, 'ls-tree', '-r', '-z', sha)
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, file] = line.split('\t');
        return { sha: meta.split(' ')[2], path: file };
      });
    const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: this.dir, input: entries.map((e) => e.sha).join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
    const files = new Map<string, Buffer>();
    let at = 0;
    for (const e of entries) {
      const headerEnd = batch.indexOf(0x0a, at);
      const size = Number(batch.subarray(at, headerEnd).toString().split(' ')[2]);
      files.set(e.path, Buffer.from(batch.subarray(headerEnd + 1, headerEnd + 1 + size)));
      at = headerEnd + 1 + size + 1;
    }
    return files;
  }

  private withDate<T>(fn: () => T): T {
    const date = new Date(Date.UTC(2026, 0, 1) + this.tick * 60_000).toISOString();
    const saved = { a: GIT_ENV.GIT_AUTHOR_DATE, c: GIT_ENV.GIT_COMMITTER_DATE };
    GIT_ENV.GIT_AUTHOR_DATE = date;
    GIT_ENV.GIT_COMMITTER_DATE = date;
    try {
      return fn();
    } finally {
      GIT_ENV.GIT_AUTHOR_DATE = saved.a;
      GIT_ENV.GIT_COMMITTER_DATE = saved.c;
    }
  }

  private record(sha: string, files: Map<string, Buffer>, parents: string[]): void {
    // The fake server computes tree SHAs itself: they must be git's.
    const tree = git(this.dir, 'rev-parse', `${sha}^{tree}`);
    const ours = treeOf(files).sha;
    if (tree !== ours) throw new Error(`tree of ${sha}: git says ${tree}, the fake computes ${ours}`);
    this.snapshots.set(sha, files);
    this.parents.set(sha, parents);
  }
}
