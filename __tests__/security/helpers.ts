// Shared by the attack cases: every output format of the CLI, the action run in-process against the fake GitHub
// server (so every byte sent to "GitHub" is recorded), a workspace that records every path it is asked about, and a
// Markdown checker that looks at what GitHub would render outside code.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { readInputs } from '../../src/github/inputs.js';
import type { AnnotationLevel, AnnotationProps, Logger } from '../../src/github/log.js';
import { runAction, type ActionResult } from '../../src/github/run.js';
import { normalizeRelative, type ReadResult, type Workspace } from '../../src/workspace/workspace.js';
import type { FakeGitHub, RecordedRequest } from '../e2e/fake-github/index.js';
import type { PullRequestScenario } from '../e2e/helpers/scenario.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;

const created: string[] = [];

/** A temporary folder (removed by `removeTempDirs`). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dr-sec-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir and tempTree made. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary folder holding `files` (text or bytes). */
export function tempTree(prefix: string, files: Record<string, string | Uint8Array>): string {
  const dir = tempDir(prefix);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  }
  return dir;
}

/** The CLI's report of `root` in every format, with its exit code and anything it wrote to stderr. */
export async function cliOutputs(root: string, extra: string[] = []): Promise<{ format: string; code: number; out: string; err: string }[]> {
  const runs = [];
  for (const format of FORMATS) {
    let out = '';
    let err = '';
    const code = await runCli([root, '--root', root, '--format', format, '--fail-on', 'never', ...extra], {
      cwd: root,
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      env: {},
    });
    runs.push({ format, code, out, err });
  }
  return runs;
}

/** Wraps a workspace and records every path it is asked to read, test or list. */
export class RecordingWorkspace implements Workspace {
  readonly asked: { op: 'read' | 'exists' | 'list'; path: string }[] = [];

  constructor(private readonly inner: Workspace) {}

  get root(): string {
    return this.inner.root;
  }

  read(p: string): Promise<ReadResult> {
    this.asked.push({ op: 'read', path: p });
    return this.inner.read(p);
  }

  exists(p: string): Promise<'file' | 'dir' | null> {
    this.asked.push({ op: 'exists', path: p });
    return this.inner.exists(p);
  }

  list(p: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    this.asked.push({ op: 'list', path: p });
    return this.inner.list(p);
  }

  /** Paths asked about that are not inside the root (`..`, absolute, NUL). */
  outside(): string[] {
    return this.asked.map((a) => a.path).filter((p) => normalizeRelative(p) === null);
  }
}

export interface InProcessRun {
  result: ActionResult;
  logs: string[];
  annotations: { level: AnnotationLevel; message: string; props: AnnotationProps }[];
  summary: string;
  registered: string[];
  requests: RecordedRequest[];
  /** Everything the run made visible: log lines, annotations, summary, outputs, and every request body it sent. */
  everything: string;
}

/**
 * Runs the action (src/github/run.ts, not the bundle) on the scenario's pull request, in-process, against the fake
 * GitHub server: the runner's environment, a checkout of the merge commit as actions/checkout leaves it.
 */
export async function runActionOn(server: FakeGitHub, pr: PullRequestScenario, token: string, inputs: Record<string, string> = {}): Promise<InProcessRun> {
  const runner = tempDir('runner');
  const eventPath = path.join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(pr.payload('opened')));
  const workspace = pr.origin.checkout(pr.mergeSha);
  const logs: string[] = [];
  const annotations: InProcessRun['annotations'] = [];
  const registered: string[] = [];
  let summary = '';
  const log: Logger = {
    debug: (m) => logs.push(`debug: ${m}`),
    info: (m) => logs.push(m),
    warning: (m) => logs.push(`warning: ${m}`),
    annotate: (level, message, props) => annotations.push({ level, message, props }),
  };
  const first = server.requests.length;
  const result = await runAction({
    inputs: readInputs((name) => ({ 'github-token': token, 'fail-on': 'never', ...inputs })[name] ?? ''),
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: server.state.fullName,
      GITHUB_SHA: pr.mergeSha,
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1',
      RUNNER_TEMP: runner,
    },
    log,
    registerSecret: (v) => registered.push(v),
    writeSummary: async (m) => void (summary += m),
    clientOptions: { throttle: false, retryAfterBaseMs: 1 },
  });
  const requests = server.requests.slice(first);
  const everything = [
    ...logs,
    ...annotations.map((a) => `${a.message} ${JSON.stringify(a.props)}`),
    summary,
    JSON.stringify(result),
    ...requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body ?? null)}`),
  ].join('\n');
  return { result, logs, annotations, summary, registered, requests, everything };
}

/**
 * What GitHub renders as Markdown outside code: fenced blocks and code spans removed (CommonMark: a span closes at the
 * next backtick run of the same length on the same line here, since our spans never hold a line break).
 */
export function outsideCode(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (m) {
      fence = m[1];
      continue;
    }
    out.push(outsideSpans(line));
  }
  return out.join('\n');
}

/**
 * One line without its code spans, as CommonMark finds them: a backtick run opens a span closed by the next run of the
 * same length (backslash escapes do not stop a closer); a run with no such closer is literal text, and scanning goes on
 * after it. A backslash-escaped character outside code is literal text.
 */
export function outsideSpans(line: string): string {
  let text = '';
  let i = 0;
  const runAt = (at: number) => {
    let n = 0;
    while (line[at + n] === '`') n++;
    return n;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1])) {
      text += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      text += c;
      i++;
      continue;
    }
    const n = runAt(i);
    let close = -1;
    for (let j = i + n; j < line.length; ) {
      if (line[j] !== '`') {
        j++;
        continue;
      }
      const m = runAt(j);
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close < 0) {
      text += '`'.repeat(n);
      i += n;
    } else {
      text += ' ';
      i = close + n;
    }
  }
  return text;
}

/** The attacker's payload pieces used in the injection cases. */
export const ATTACKER = { user: 'attacker-handle', issue: '4242', host: 'evil.example' };

/**
 * Injection that must never reach rendered Markdown outside code: raw HTML, links, images, autolinks, the attacker's
 * @mention and #issue reference. (Our own text — the PR's `#7`, `<details>` — is not the attacker's.)
 */
export function injections(markdown: string): string[] {
  const text = outsideCode(markdown);
  const found: string[] = [];
  const check = (name: string, re: RegExp) => {
    const m = re.exec(text);
    if (m) found.push(`${name}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  };
  check('raw HTML', /<(img|script|a|iframe|svg|style|b|h1|input|!--(?! docker-review:))/i);
  check('link or image', new RegExp(`\\]\\([^)]*(${ATTACKER.host.replace('.', '\\.')}|javascript:)`, 'i'));
  check('autolink', new RegExp(`(https?|ftp):\\/\\/${ATTACKER.host.replace('.', '\\.')}|www\\.${ATTACKER.host.replace('.', '\\.')}|<https?:`, 'i'));
  check('mention', new RegExp(`@${ATTACKER.user}`));
  check('issue reference', new RegExp(`#${ATTACKER.issue}|GH-${ATTACKER.issue}`, 'i'));
  return found;
}
