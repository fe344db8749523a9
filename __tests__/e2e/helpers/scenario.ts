// One scenario = an origin repository, the fake GitHub's view of it, and workspaces checked out as the runner does.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { FakeGitHub } from '../fake-github/index.js';
import { CLI, runAction, type ActionRun } from './action.js';
import { Origin, type Changes } from './git.js';

export interface CliFinding {
  ruleId: string;
  priority: string;
  path: string;
  line: number;
  endLine: number;
  fingerprint: string;
  fix: { line: number; endLine: number; replacement: string } | null;
  scope?: string;
}

/** What the CLI of the same build finds in `origin` (with `--diff` when given): the expectation the action must meet. */
export function cliFindings(cwd: string, args: string[]): CliFinding[] {
  const r = spawnSync(process.execPath, [CLI, ...args, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`cli ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const doc = JSON.parse(r.stdout) as { findings: CliFinding[] };
  // The JSON contract gives paths relative to the current directory, which is the repository root here.
  return doc.findings.map((f) => ({ ...f, path: f.path.split(path.sep).join('/') }));
}

interface Common {
  server: FakeGitHub;
  token: string;
  root: string;
}

export class PullRequestScenario {
  readonly origin: Origin;
  readonly number = 7;
  baseSha: string;
  headSha: string;
  mergeSha: string;
  private runs = 0;

  constructor(
    private readonly common: Common,
    base: Changes,
    head: Changes,
    readonly options: { fork?: boolean; baseMovesOn?: Changes } = {},
  ) {
    this.origin = new Origin(common.root);
    this.baseSha = this.origin.commit('main', null, base, 'base');
    this.headSha = this.origin.commit('feature', this.baseSha, head, 'the change');
    // Main moves on after the branch was cut: the payload's base.sha is main's tip, the diff starts at the merge base.
    if (options.baseMovesOn) this.baseSha = this.origin.commit('main', this.baseSha, options.baseMovesOn, 'main moves on');
    this.mergeSha = this.origin.merge(this.number, this.baseSha, this.headSha);
    const { server } = common;
    this.origin.publish(server, this.baseSha, this.headSha, this.mergeSha);
    server.state.setBranch('main', this.baseSha);
    server.state.setBranch('feature', this.headSha);
    server.state.openPullRequest({ number: this.number, base: { ref: 'main', sha: this.baseSha }, head: { ref: 'feature', sha: this.headSha }, fork: options.fork, mergeSha: this.mergeSha });
  }

  /** A new commit on the pull request's branch (GitHub re-anchors the existing comments). */
  push(changes: Changes): string {
    const before = this.headSha;
    this.headSha = this.origin.commit('feature', before, changes, 'follow-up');
    this.mergeSha = this.origin.merge(this.number, this.baseSha, this.headSha);
    this.origin.publish(this.common.server, this.headSha, this.mergeSha);
    this.common.server.state.pushPullRequestHead(this.headSha, this.mergeSha);
    return before;
  }

  payload(action: 'opened' | 'synchronize' = 'opened', before?: string): object {
    const { server } = this.common;
    const full = server.state.fullName;
    const repo = { id: server.state.repoId, name: server.state.repo, full_name: full, owner: { login: server.state.owner }, fork: false, private: false, default_branch: 'main' };
    const headRepo = this.options.fork ? { ...repo, id: 777, full_name: `contributor/${server.state.repo}`, owner: { login: 'contributor' }, fork: true } : repo;
    return {
      action,
      number: this.number,
      ...(action === 'synchronize' ? { before, after: this.headSha } : {}),
      pull_request: {
        number: this.number,
        id: 9_000_000 + this.number,
        state: 'open',
        draft: false,
        title: 'Update the Docker setup',
        user: { login: 'contributor' },
        html_url: `https://github.com/${full}/pull/${this.number}`,
        head: { ref: 'feature', sha: this.headSha, label: `${headRepo.owner.login}:feature`, repo: headRepo },
        base: { ref: 'main', sha: this.baseSha, label: `${server.state.owner}:main`, repo },
      },
      repository: repo,
      sender: { login: 'contributor' },
    };
  }

  /** Runs the action on the PR's merge commit, checked out as actions/checkout does on `pull_request`. */
  async run(
    inputs: Record<string, string> = {},
    event: { action?: 'opened' | 'synchronize'; before?: string } = {},
    checkout: { depth?: number } = {},
  ): Promise<ActionRun> {
    // actions/checkout's default is fetch-depth 1; 0 fetches the whole history (base and head objects included).
    const workspace = this.origin.checkout(this.mergeSha, checkout);
    return runAction({
      server: this.common.server,
      token: this.common.token,
      workspace,
      runnerDir: path.join(this.common.root, `runner-${++this.runs}`),
      eventName: 'pull_request',
      payload: this.payload(event.action ?? 'opened', event.before),
      sha: this.mergeSha,
      ref: `refs/pull/${this.number}/merge`,
      headRef: 'feature',
      baseRef: 'main',
      inputs,
    });
  }

  /** What the action should report on the pull request: the CLI's findings for base...head (from the merge base). */
  expectedFindings(): CliFinding[] {
    return cliFindings(this.origin.dir, ['--diff', `${this.baseSha}...${this.headSha}`]);
  }
}

/** A branch's history for the audit and push scenarios. */
export class BranchScenario {
  readonly origin: Origin;
  sha: string;
  private runs = 0;

  constructor(
    private readonly common: Common,
    files: Changes,
  ) {
    this.origin = new Origin(common.root);
    this.sha = this.origin.commit('main', null, files, 'initial');
    this.origin.publish(common.server, this.sha);
    common.server.state.setBranch('main', this.sha);
  }

  commit(changes: Changes): { before: string; after: string } {
    const before = this.sha;
    this.sha = this.origin.commit('main', before, changes, 'pushed');
    this.origin.publish(this.common.server, this.sha);
    this.common.server.state.setBranch('main', this.sha);
    return { before, after: this.sha };
  }

  private repository() {
    const s = this.common.server.state;
    return { id: s.repoId, name: s.repo, full_name: s.fullName, owner: { login: s.owner, name: s.owner }, fork: false, private: false, default_branch: 'main' };
  }

  async run(eventName: string, payload: object, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const workspace = this.origin.checkout(this.sha);
    return runAction({
      server: this.common.server,
      token: this.common.token,
      workspace,
      runnerDir: path.join(this.common.root, `runner-${++this.runs}`),
      eventName,
      payload: { repository: this.repository(), sender: { login: 'maintainer' }, ...payload },
      sha: this.sha,
      ref: 'refs/heads/main',
      inputs,
    });
  }

  pushPayload(before: string, after: string): object {
    return {
      ref: 'refs/heads/main',
      before,
      after,
      created: false,
      deleted: false,
      forced: false,
      compare: `https://github.com/${this.common.server.state.fullName}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      commits: [{ id: after, message: 'pushed', distinct: true }],
      head_commit: { id: after, message: 'pushed' },
      pusher: { name: 'maintainer' },
    };
  }
}
