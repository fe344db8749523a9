// Runs the bundled action (dist/index.js) as the Actions runner does: a child Node process with the runner's
// environment, INPUT_* variables (declared defaults filled in), the event payload file and the command files.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FakeGitHub, RecordedRequest } from '../fake-github/index.js';

export const ROOT = path.resolve(process.cwd());
/** The bundle under test; DOCKER_REVIEW_E2E_DIST points at another build (e.g. `node scripts/build.mjs /tmp/x`). */
export const DIST = process.env.DOCKER_REVIEW_E2E_DIST ? path.resolve(process.env.DOCKER_REVIEW_E2E_DIST) : path.join(ROOT, 'dist', 'index.js');
/** The CLI of the same build, used to compute what the action should find. */
export const CLI = path.join(path.dirname(DIST), 'cli.js');

interface ActionYml {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, unknown>;
}

export function actionYml(): ActionYml {
  return parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  /** The requests the fake server received during this run. */
  requests: RecordedRequest[];
  durationMs: number;
  runnerTemp: string;
}

export interface RunOptions {
  server: FakeGitHub;
  token: string;
  workspace: string;
  /** A scratch folder for the runner's files (temp dir, summary, outputs, event payload). */
  runnerDir: string;
  eventName: string;
  payload: object;
  sha: string;
  ref: string;
  headRef?: string;
  baseRef?: string;
  /** Input values by their action.yml name; declared inputs not given get their default, as the runner does. */
  inputs?: Record<string, string>;
  timeoutMs?: number;
}

/** `${{ github.token }}` is the only expression a default here uses. */
function expandDefault(value: string, token: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token).replace(/\$\{\{[^}]*\}\}/g, '');
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  mkdirSync(o.runnerDir, { recursive: true });
  const runnerTemp = path.join(o.runnerDir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  const files = {
    event: path.join(o.runnerDir, 'event.json'),
    summary: path.join(o.runnerDir, 'step_summary.md'),
    output: path.join(o.runnerDir, 'output.txt'),
    env: path.join(o.runnerDir, 'env.txt'),
    state: path.join(o.runnerDir, 'state.txt'),
    path: path.join(o.runnerDir, 'path.txt'),
  };
  writeFileSync(files.event, JSON.stringify(o.payload, null, 2));
  for (const f of [files.summary, files.output, files.env, files.state, files.path]) writeFileSync(f, '');

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml().inputs ?? {})) inputs[name] = expandDefault(String(spec?.default ?? ''), o.token);
  Object.assign(inputs, o.inputs);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: o.runnerDir,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: o.server.state.fullName,
    GITHUB_REPOSITORY_OWNER: o.server.state.owner,
    GITHUB_REPOSITORY_ID: String(o.server.state.repoId),
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_REF_NAME: o.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
    GITHUB_HEAD_REF: o.headRef ?? '',
    GITHUB_BASE_REF: o.baseRef ?? '',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_API_URL: o.server.url,
    GITHUB_GRAPHQL_URL: `${o.server.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTOR: 'contributor',
    GITHUB_TRIGGERING_ACTOR: 'contributor',
    GITHUB_WORKFLOW: 'Docker review',
    GITHUB_JOB: 'docker-review',
    GITHUB_ACTION: 'docker-review',
    GITHUB_RUN_ID: '1000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'e2e',
    RUNNER_TOOL_CACHE: path.join(o.runnerDir, 'toolcache'),
    RUNNER_DEBUG: '',
  };
  // The runner's convention: INPUT_ + name upper-cased, spaces as underscores, hyphens kept.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const first = o.server.requests.length;
  const started = performance.now();
  const child = spawn(process.execPath, [DIST], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dist/index.js did not finish within ${o.timeoutMs ?? 60_000} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, o.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  const durationMs = performance.now() - started;

  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    commands: parseWorkflowCommands(stdout),
    requests: o.server.requests.slice(first),
    durationMs,
    runnerTemp,
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter\nvalue\ndelimiter\n`, or `name=value` lines. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`);
      out[name] = value.join('\n');
      continue;
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (simple) out[simple[1]] = simple[2];
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** `::command key=value,key=value::message` lines of stdout. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1], properties, message: unescapeData(m[3]) });
  }
  return out;
}
