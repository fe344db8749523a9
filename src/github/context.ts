// Which event triggered the run, and what that means: review a pull request, a pushed range, the whole repository, or
// nothing (with a reason). Reads only the environment the Actions runner sets and the event payload file.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Pull-request actions that change what there is to review. */
export const PR_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export type Mode =
  | {
      kind: 'pull_request';
      number: number;
      headSha: string;
      baseSha: string;
      /** owner/name of the head repository; differs from the base repository on fork pull requests. */
      headRepo: string | null;
      fork: boolean;
      /** What the payload says the PR changes (the files API lists at most 3,000). */
      changedFiles: number | null;
    }
  /** `before` null: a new branch (zero sha) → the whole tree is reviewed, on `after`. */
  | { kind: 'push'; before: string | null; after: string }
  | { kind: 'audit'; sha: string; trigger: string }
  | { kind: 'skip'; reason: string };

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA: the commit the workflow runs on (the merge commit on pull_request). */
  sha: string;
  /** GITHUB_WORKSPACE, absolute. */
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  /** The run's page (where the job summary is), or null outside Actions. */
  runUrl: string | null;
  mode: Mode;
}

type Env = Record<string, string | undefined>;

const ZERO_SHA = /^0+$/;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

export async function readRunContext(env: Env): Promise<RunContext> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, unknown> = {};
  let payloadProblem: string | null = null;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      payloadProblem = `cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`;
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? str(obj(payload.repository)?.full_name) ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const sha = env.GITHUB_SHA ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runUrl = env.GITHUB_RUN_ID && repository ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  let mode = modeOf(eventName, payload, sha);
  if (payloadProblem && mode.kind !== 'skip' && mode.kind !== 'audit') mode = { kind: 'skip', reason: payloadProblem };
  if (mode.kind !== 'skip' && (!owner || !repo)) mode = { kind: 'skip', reason: 'GITHUB_REPOSITORY is not set: not running in GitHub Actions?' };
  return {
    eventName,
    owner,
    repo,
    sha,
    workspace: path.resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    runUrl,
    mode,
  };
}

/** The event → mode decision, separated from I/O so every event can be tested. */
export function modeOf(eventName: string, payload: Record<string, unknown>, sha: string): Mode {
  switch (eventName) {
    case 'pull_request': {
      const action = str(payload.action);
      if (action && !(PR_ACTIONS as readonly string[]).includes(action)) {
        return { kind: 'skip', reason: `pull_request action \`${action}\` changes no code; docker-review runs on ${PR_ACTIONS.join(', ')}` };
      }
      const pr = obj(payload.pull_request);
      const number = Number(pr?.number ?? payload.number);
      const head = obj(pr?.head);
      const base = obj(pr?.base);
      const headSha = str(head?.sha);
      const baseSha = str(base?.sha);
      if (!pr || !Number.isInteger(number) || !headSha || !baseSha || !SHA.test(headSha) || !SHA.test(baseSha)) {
        return { kind: 'skip', reason: 'the pull_request payload has no pull request number, head sha or base sha' };
      }
      const headRepo = str(obj(head?.repo)?.full_name) ?? null;
      const baseRepo = str(obj(base?.repo)?.full_name) ?? null;
      const changed = Number(pr.changed_files);
      return {
        kind: 'pull_request',
        number,
        headSha,
        baseSha,
        headRepo,
        fork: Boolean(headRepo && baseRepo && headRepo !== baseRepo),
        changedFiles: Number.isFinite(changed) ? changed : null,
      };
    }
    case 'push': {
      if (payload.deleted === true) return { kind: 'skip', reason: 'the push deleted a branch or tag: nothing to review' };
      const after = str(payload.after) ?? sha;
      if (!after || ZERO_SHA.test(after)) return { kind: 'skip', reason: 'the push payload names no commit to review' };
      const before = str(payload.before);
      return { kind: 'push', before: before && !ZERO_SHA.test(before) && SHA.test(before) ? before : null, after };
    }
    case 'workflow_dispatch':
    case 'schedule':
      if (!sha) return { kind: 'skip', reason: 'GITHUB_SHA is not set' };
      return { kind: 'audit', sha, trigger: eventName };
    case 'pull_request_target':
      return {
        kind: 'skip',
        reason: 'docker-review does not run on pull_request_target (it would review untrusted code with a write token); use pull_request — fork PRs then get annotations and the job summary',
      };
    case '':
      return { kind: 'skip', reason: 'GITHUB_EVENT_NAME is not set: not running in GitHub Actions?' };
    default:
      return { kind: 'skip', reason: `event \`${eventName}\` is not supported; docker-review runs on pull_request, push, workflow_dispatch and schedule` };
  }
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
