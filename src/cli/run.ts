// `docker-review [paths…]`: arguments → review → report → exit code (1 = findings at/above --fail-on, 2 = usage).
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../rules/index.js';
import { gitChanges, GitError, git, parseDiffSpec, resolveCommit } from '../changes/git.js';
import type { ChangeSet } from '../changes/diff.js';
import { ConfigError, DEFAULT_CONFIG_PATH, FAIL_ON, type FailOn, type ResolvedConfig } from '../engine/config.js';
import { findHadolintConfig, resolveConfig, type ConfigText } from '../engine/peer-config.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { relativeToCwd, review, type ReviewResult } from '../review.js';
import { atOrAbove } from '../score/score.js';
import { VERSION } from '../version.js';
import { DiskWorkspace, type Workspace } from '../workspace/workspace.js';
import { GitTreeWorkspace } from '../workspace/git.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export const USAGE = `Usage: docker-review [paths…] [options]

Reviews Dockerfiles, compose files and .dockerignore files under the given paths (default: .).

Options:
  --format text|markdown|json|sarif   report format (default: text)
  --output FILE                       write the report to FILE instead of standard output
  --config FILE                       configuration file (default: <root>/${DEFAULT_CONFIG_PATH} when present)
  --fail-on critical|high|medium|low|never
                                      exit 1 when a finding at or above this priority remains (default: critical,
                                      or the configuration's fail-on)
  --diff BASE[..HEAD|...HEAD]         review only what changed since BASE (against the working tree, or HEAD's
                                      commit): findings on changed lines plus file-level findings of changed files
  --root DIR                          repository root (default: the git top level, else the paths' common folder)
  --list-rules                        print the rules and exit
  --no-color                          plain text output
  -h, --help                          this help
  -v, --version                       the version

Exit status: 0 = nothing at or above --fail-on, 1 = such findings, 2 = usage or configuration error.`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  output: string | null;
  config: string | null;
  failOn: FailOn | null;
  diff: string | null;
  root: string | null;
  color: boolean | null;
  listRules: boolean;
  help: boolean;
  version: boolean;
}

export function parseCliArgs(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        diff: { type: 'string' },
        root: { type: 'string' },
        'list-rules': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got \`${format}\`)`);
  const failOn = (v['fail-on'] ?? null) as FailOn | null;
  if (failOn !== null && !FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got \`${failOn}\`)`);
  return {
    paths: parsed.positionals,
    format,
    output: v.output ?? null,
    config: v.config ?? null,
    failOn,
    diff: v.diff ?? null,
    root: v.root ?? null,
    color: v['no-color'] ? false : v.color ? true : null,
    listRules: Boolean(v['list-rules']),
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
}

function gitTopLevel(dir: string): string | null {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim() || null;
  } catch {
    return null;
  }
}

function commonFolder(paths: string[]): string {
  const dirs = paths.map((p) => (existsSync(p) && !isFile(p) ? p : path.dirname(p)));
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (common !== path.dirname(common) && path.relative(common, d).startsWith('..')) common = path.dirname(common);
  }
  return common;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The repository root: --root, else the git top level holding every path, else the paths' common folder. */
export function findRoot(cwd: string, paths: string[], explicit: string | null): string {
  if (explicit) return path.resolve(cwd, explicit);
  const absolute = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const top = gitTopLevel(cwd);
  if (top && absolute.every((p) => !path.relative(top, p).startsWith('..'))) return top;
  const first = absolute[0];
  const topOfFirst = gitTopLevel(existsSync(first) && !isFile(first) ? first : path.dirname(first));
  if (topOfFirst && absolute.every((p) => !path.relative(topOfFirst, p).startsWith('..'))) return topOfFirst;
  return commonFolder(absolute);
}

/**
 * Our configuration (`--config`, else `<root>/.github/docker-review.yml`) over `<root>/.hadolint.yaml`, when present.
 * The files in the repository are read through the confined workspace, like everything else reviewed: a symlink
 * leaving the root counts as no file. Only an explicit `--config` (the user's own choice) is read as given.
 */
async function loadConfig(root: string, cwd: string, explicit: string | null): Promise<ResolvedConfig> {
  const ws = new DiskWorkspace(root);
  let own: ConfigText | null = null;
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    try {
      own = { text: await fs.readFile(file, 'utf8'), source: path.relative(cwd, file) || file };
    } catch (error) {
      throw new ConfigError(`${explicit}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else if ((await ws.exists(DEFAULT_CONFIG_PATH)) === 'file') {
    const read = await ws.read(DEFAULT_CONFIG_PATH);
    if (!read.ok) throw new ConfigError(`${DEFAULT_CONFIG_PATH}: cannot read the configuration (${read.reason})`);
    const file = path.join(root, DEFAULT_CONFIG_PATH);
    own = { text: read.text, source: path.relative(cwd, file) || file };
  }
  // Only the repository root: like hadolint run from there, but never ~/.config or $XDG_CONFIG_HOME.
  const found = await findHadolintConfig(async (rel) => {
    const read = (await ws.exists(rel)) === 'file' ? await ws.read(rel) : null;
    return read?.ok ? read.text : null;
  });
  const hadolint = found && { text: found.text, source: path.relative(cwd, path.join(root, found.path)) || found.path };
  return resolveConfig({ own, hadolint }, allRules);
}

export function renderReport(result: ReviewResult, format: Format, options: { color: boolean; pathOf: (p: string) => string }): string {
  switch (format) {
    case 'json':
      return renderJson(result, options.pathOf);
    case 'sarif':
      return renderSarif(result, { version: VERSION, pathOf: options.pathOf });
    case 'markdown':
      return renderMarkdown(result);
    default:
      return renderText(result, { color: options.color, pathOf: options.pathOf });
  }
}

function listRules(): string {
  const rows = allRules.map((r) => `${r.meta.id.padEnd(36)} ${r.meta.priority.padEnd(8)} ${r.meta.category.padEnd(15)} ${r.meta.enabledByDefault === false ? 'off' : 'on '}  ${r.meta.title}`);
  return `${'rule'.padEnd(36)} ${'priority'.padEnd(8)} ${'category'.padEnd(15)} default  title\n${rows.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let options: Options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`docker-review: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) return io.stdout(`${USAGE}\n`), 0;
  if (options.version) return io.stdout(`${VERSION}\n`), 0;
  if (options.listRules) return io.stdout(listRules()), 0;

  try {
    const root = findRoot(io.cwd, options.paths, options.root);
    const config = await loadConfig(root, io.cwd, options.config);
    const failOn = options.failOn ?? config.failOn;
    let workspace: Workspace = new DiskWorkspace(root);
    let changes: ChangeSet | undefined;
    if (options.diff) {
      if (!gitTopLevel(root)) throw new UsageError(`--diff needs a git repository (${root} is not one)`);
      const spec = parseDiffSpec(options.diff);
      changes = gitChanges(root, spec);
      if (spec.head) workspace = new GitTreeWorkspace(root, resolveCommit(root, spec.head));
    }
    const paths = (options.paths.length ? options.paths : [io.cwd === root ? '.' : path.relative(root, io.cwd) || '.']).map((p) =>
      path.relative(root, path.resolve(io.cwd, p)) || '.',
    );
    const result = await review({ workspace, paths, config, rules: allRules, changes });
    result.notices.unshift(...config.notices);
    const color = options.output === null && (options.color ?? (Boolean(io.isTTY) && !io.env?.NO_COLOR));
    const report = renderReport(result, options.format, { color, pathOf: (p) => relativeToCwd(root, io.cwd, p) });
    if (options.output) await fs.writeFile(path.resolve(io.cwd, options.output), report);
    else io.stdout(report);
    return result.findings.some((f) => atOrAbove(f.priority, failOn)) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof GitError) {
      io.stderr(`docker-review: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
