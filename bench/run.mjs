#!/usr/bin/env node
// Times docker-review's CLI and its peers (dclint, dockerfilelint) on the same corpus of Docker files.
// Every run is a fresh process, so the times include Node start-up. Results are measured, never asserted.
//
//   node bench/run.mjs [corpus] [--runs N] [--warmup N] [--rss time|preload] [--timeout S] [--json FILE] [--cli FILE]
//   env: BENCH_CORPUS, BENCH_RUNS, BENCH_WARMUP, BENCH_CLI
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = '../shared/corpus/awesome-compose';
const GNU_TIME = '/usr/bin/time';

const USAGE = `Usage: node bench/run.mjs [corpus] [options]

Times a full audit of <corpus> by docker-review (dist/cli.js), dclint (compose files) and
dockerfilelint (Dockerfiles). Each run spawns a new process; warm-up runs are not recorded.

  corpus             directory to audit (default: ${DEFAULT_CORPUS} from the repo root;
                     also BENCH_CORPUS)
  --runs N           recorded runs per tool (default 7; also BENCH_RUNS)
  --warmup N         unrecorded runs before them (default 1; also BENCH_WARMUP)
  --rss METHOD       peak-memory method: "time" (GNU ${GNU_TIME} -f %M) or "preload"
                     (node --require bench/rss.cjs); default: time when available
  --timeout S        kill a run after S seconds (default 300)
  --json FILE        where to write the JSON results (default: bench/results.json)
  --cli FILE         docker-review CLI to time (default: dist/cli.js; also BENCH_CLI)
  -h, --help         this text`;

function parseArgs(argv) {
  const options = {
    corpus: process.env.BENCH_CORPUS || null,
    runs: Number(process.env.BENCH_RUNS || 7),
    warmup: Number(process.env.BENCH_WARMUP || 1),
    rss: null,
    timeoutSeconds: 300,
    json: join(repoRoot, 'bench', 'results.json'),
    cli: process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(repoRoot, 'dist', 'cli.js'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      case '--runs':
        options.runs = Number(value());
        break;
      case '--warmup':
        options.warmup = Number(value());
        break;
      case '--rss':
        options.rss = value();
        break;
      case '--timeout':
        options.timeoutSeconds = Number(value());
        break;
      case '--json':
        options.json = resolve(value());
        break;
      case '--cli':
        options.cli = resolve(value());
        break;
      case '--corpus':
        options.corpus = value();
        break;
      default:
        if (flag.startsWith('-')) fail(`unknown option ${flag}\n\n${USAGE}`);
        options.corpus = flag;
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) fail('--runs must be a positive integer');
  if (!Number.isInteger(options.warmup) || options.warmup < 0) fail('--warmup must be a non-negative integer');
  if (!(options.timeoutSeconds > 0)) fail('--timeout must be a positive number of seconds');
  if (options.rss !== null && !['time', 'preload'].includes(options.rss)) fail('--rss must be "time" or "preload"');
  // A corpus typed by the user is relative to where they stand; the default is relative to the repo root.
  options.corpus = options.corpus ? resolve(options.corpus) : resolve(repoRoot, DEFAULT_CORPUS);
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------- corpus

const COMPOSE_NAME = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;
const DOCKERFILE_NAME = /^(Dockerfile([.-][\w.-]+)?|[\w.-]+\.Dockerfile)$/i;
const DOCKERIGNORE_NAME = /(^|\.)dockerignore$/i;
const NGINX_NAME = /(^nginx.*|\.nginx|^default)\.conf$/i;

function classify(name) {
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (DOCKERIGNORE_NAME.test(name)) return 'dockerignore';
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  if (NGINX_NAME.test(name)) return 'nginx';
  return null;
}

function collectFiles(root) {
  const files = { compose: [], dockerfile: [], dockerignore: [], nginx: [] };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const kind = classify(entry.name);
        if (kind) files[kind].push(path);
      }
    }
  };
  walk(root);
  for (const list of Object.values(files)) list.sort();
  return files;
}

// ---------------------------------------------------------------------------------------------- measuring

function gnuTimeWorks() {
  if (!existsSync(GNU_TIME)) return false;
  const dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
  try {
    const out = join(dir, 'rss');
    const probe = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
    return probe.status === 0 && parseRss(readFileSync(out, 'utf8')) > 0;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** GNU time prefixes "Command exited with non-zero status N" when the tool fails: the figure is the last line. */
function parseRss(text) {
  const lines = text.trim().split('\n');
  const kib = Number(lines[lines.length - 1]);
  return Number.isFinite(kib) && kib > 0 ? kib : null;
}

/**
 * One fresh process: `node [--require rss.cjs] script ...args`, optionally under GNU time. Its stdout and stderr go
 * to files, as with `tool > out`: dclint and dockerfilelint call process.exit() right after console.log(), which cuts
 * their output at the 64 KiB pipe buffer when stdout is a pipe that is not drained fast enough.
 */
function runOnce({ script, args }, { rssMethod, workDir, timeoutMs }) {
  const id = process.hrtime.bigint();
  const rssFile = join(workDir, `rss-${id}`);
  const outFile = join(workDir, `stdout-${id}`);
  const errFile = join(workDir, `stderr-${id}`);
  const nodeArgs = rssMethod === 'preload' ? ['--require', join(repoRoot, 'bench', 'rss.cjs'), script, ...args] : [script, ...args];
  const [command, commandArgs] =
    rssMethod === 'time'
      ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];

  return new Promise((resolvePromise) => {
    const stdoutFd = openSync(outFile, 'w');
    const stderrFd = openSync(errFile, 'w');
    let spawnError = '';
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, {
      cwd: repoRoot,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', stdoutFd, stderrFd],
    });
    closeSync(stdoutFd);
    closeSync(stderrFd);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      spawnError = String(error);
    });
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      let rssKiB = null;
      try {
        rssKiB = parseRss(readFileSync(rssFile, 'utf8'));
      } catch {
        // no measurement (the tool died before exiting normally)
      }
      resolvePromise({
        wallMs,
        rssMB: rssKiB === null ? null : rssKiB / 1024,
        exitCode: code,
        signal,
        timedOut,
        stdout: readFileSync(outFile, 'utf8'),
        stderr: spawnError + readFileSync(errFile, 'utf8'),
      });
      for (const file of [rssFile, outFile, errFile]) rmSync(file, { force: true });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// ---------------------------------------------------------------------------------------------- tools

function binScript(name) {
  const link = join(repoRoot, 'node_modules', '.bin', name);
  return existsSync(link) ? realpathSync(link) : null;
}

/** Each tool: which files it is given, how it is called, and how to read its problem count and verdict. */
function defineTools(corpus, cli, files, workDir) {
  const all = [...files.compose, ...files.dockerfile, ...files.dockerignore, ...files.nginx];
  const reviewOutput = join(workDir, 'docker-review.json');
  const dclint = binScript('dclint');
  const dockerfilelint = binScript('dockerfilelint');
  return [
    {
      name: 'docker-review',
      scope: 'all Docker files',
      files: all.length,
      script: cli,
      args: [corpus, '--format', 'json', '--output', reviewOutput],
      missing: existsSync(cli) ? null : `${rel(cli)} not built (run \`npm run build\`)`,
      call: `node ${rel(cli)} <corpus> --format json --output <tmpfile>`,
      before: () => rmSync(reviewOutput, { force: true }),
      // The exit code may carry the verdict (findings above a threshold), so success means "wrote a JSON report".
      read: (run) => {
        if (!existsSync(reviewOutput)) return { ok: false, why: `no report written (exit ${run.exitCode})` };
        const report = JSON.parse(readFileSync(reviewOutput, 'utf8'));
        return { ok: true, problems: countReviewFindings(report) };
      },
    },
    {
      name: 'dclint',
      scope: 'compose files',
      files: files.compose.length,
      script: dclint,
      args: [...files.compose, '--formatter', 'json'],
      missing: dclint ? (files.compose.length ? null : 'no compose files in corpus') : 'node_modules/.bin/dclint not installed',
      call: `node ${rel(dclint)} <${files.compose.length} compose files> --formatter json   (one process, all files as arguments)`,
      // Exit 1 means "errors found"; anything else non-zero, or unreadable JSON, is a crash.
      read: (run) => {
        if (run.exitCode !== 0 && run.exitCode !== 1) return { ok: false, why: `exit ${run.exitCode}` };
        const report = JSON.parse(run.stdout);
        const problems = report.reduce((sum, file) => sum + file.messages.length, 0);
        // dclint turns its own exceptions (e.g. yaml's "Excessive alias count") into an `unknown-error` message.
        const notes = report.flatMap((file) =>
          file.messages
            .filter((m) => ['unknown-error', 'invalid-yaml'].includes(m.rule))
            .map((m) => `${m.rule} on ${relative(corpus, file.filePath)}: ${m.message}`),
        );
        return { ok: true, problems, notes };
      },
    },
    {
      name: 'dockerfilelint',
      scope: 'Dockerfiles',
      files: files.dockerfile.length,
      script: dockerfilelint,
      args: [...files.dockerfile, '--json'],
      missing: dockerfilelint
        ? files.dockerfile.length
          ? null
          : 'no Dockerfiles in corpus'
        : 'node_modules/.bin/dockerfilelint not installed',
      call: `node ${rel(dockerfilelint)} <${files.dockerfile.length} Dockerfiles> --json   (one process, all files as arguments)`,
      // dockerfilelint exits with the number of issues (mod 256), so only the JSON tells success from a crash.
      read: (run) => {
        const report = JSON.parse(run.stdout);
        return { ok: true, problems: report.totalIssues };
      },
    },
  ];
}

/** docker-review's JSON shape is not fixed yet: accept a bare array, `findings`, or a summary count. */
function countReviewFindings(report) {
  if (Array.isArray(report)) return report.length;
  if (Array.isArray(report?.findings)) return report.findings.length;
  for (const key of ['total', 'findings', 'count']) {
    if (typeof report?.summary?.[key] === 'number') return report.summary[key];
  }
  return null;
}

function rel(path) {
  return path ? relative(repoRoot, path) : '(missing)';
}

// ---------------------------------------------------------------------------------------------- report

const fmt = (x, digits = 0) => (x === null || x === undefined ? '–' : x.toFixed(digits));

function markdownTable(results) {
  const head = '| tool | files | runs | median ms | min ms | files/s | peak RSS MB | problems reported | status |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---|';
  const rows = results.map((r) =>
    [
      r.tool,
      `${r.files} ${r.scope}`,
      r.runs.length,
      fmt(r.medianMs),
      fmt(r.minMs),
      fmt(r.filesPerSecond, 1),
      fmt(r.peakRssMB, 1),
      r.problems ?? '–',
      r.status,
    ].join(' | '),
  );
  return [head, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.corpus)) fail(`corpus not found: ${options.corpus}`);
  const haveGnuTime = options.rss === 'preload' ? false : gnuTimeWorks();
  const rssMethod = options.rss ?? (haveGnuTime ? 'time' : 'preload');
  if (rssMethod === 'time' && !haveGnuTime) fail(`${GNU_TIME} is missing or not GNU time (apt-get install time); or use --rss preload`);

  const files = collectFiles(options.corpus);
  const workDir = mkdtempSync(join(tmpdir(), 'docker-review-bench-'));
  const timeoutMs = options.timeoutSeconds * 1000;
  const results = [];

  console.log(
    `corpus ${relative(process.cwd(), options.corpus) || '.'}: ${files.compose.length} compose, ${files.dockerfile.length} Dockerfile, ` +
      `${files.dockerignore.length} .dockerignore, ${files.nginx.length} nginx files`,
  );
  console.log(`${options.warmup} warm-up + ${options.runs} runs per tool; peak RSS via ${rssMethod === 'time' ? 'GNU time %M' : 'bench/rss.cjs preload'}\n`);

  try {
    for (const tool of defineTools(options.corpus, options.cli, files, workDir)) {
      const result = { tool: tool.name, scope: tool.scope, files: tool.files, call: tool.call, runs: [], notes: [] };
      results.push(result);
      if (tool.missing) {
        result.status = `skipped: ${tool.missing}`;
        console.log(`${tool.name}: ${result.status}`);
        continue;
      }
      process.stdout.write(`${tool.name}: ${tool.call}\n  `);
      let failure = null;
      for (let i = 0; i < options.warmup + options.runs && !failure; i++) {
        tool.before?.();
        const run = await runOnce(tool, { rssMethod, workDir, timeoutMs });
        let verdict;
        if (run.timedOut) verdict = { ok: false, why: `timed out after ${options.timeoutSeconds} s` };
        else if (run.signal) verdict = { ok: false, why: `killed by ${run.signal}` };
        else {
          try {
            verdict = tool.read(run);
          } catch (error) {
            verdict = { ok: false, why: `unreadable output (${error.message.split('\n')[0]})` };
          }
        }
        if (!verdict.ok) {
          const stderr = run.stderr.trim().split('\n').filter(Boolean).slice(0, 3).join(' ⏎ ');
          failure = `${verdict.why}${stderr ? `: ${stderr}` : ''}`;
          break;
        }
        if (i < options.warmup) {
          process.stdout.write('w ');
          continue;
        }
        process.stdout.write(`${Math.round(run.wallMs)} `);
        result.runs.push({ wallMs: round(run.wallMs, 1), rssMB: round(run.rssMB, 1), exitCode: run.exitCode });
        result.problems = verdict.problems ?? null;
        for (const note of verdict.notes ?? []) if (!result.notes.includes(note)) result.notes.push(note);
      }
      process.stdout.write('\n');
      if (failure) {
        result.status = `failed: ${failure}`;
        console.log(`  ${result.status}`);
        continue;
      }
      const walls = result.runs.map((r) => r.wallMs);
      const rss = result.runs.map((r) => r.rssMB).filter((x) => x !== null);
      result.medianMs = round(median(walls), 1);
      result.minMs = round(Math.min(...walls), 1);
      result.filesPerSecond = round(tool.files / (result.medianMs / 1000), 1);
      result.peakRssMB = rss.length ? round(Math.max(...rss), 1) : null;
      result.exitCodes = [...new Set(result.runs.map((r) => r.exitCode))];
      result.status = result.notes.length ? `ok, but ${result.notes.join('; ')}` : 'ok';
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const table = markdownTable(results);
  console.log(`\n${table}\n`);
  console.log('Wall time is per spawned process, Node start-up included; files/s = files / median.');

  const json = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    corpus: relative(repoRoot, options.corpus) || '.',
    corpusFiles: Object.fromEntries(Object.entries(files).map(([kind, list]) => [kind, list.length])),
    warmup: options.warmup,
    runs: options.runs,
    rssMethod: rssMethod === 'time' ? 'GNU time %M (max RSS of the process tree it waited for)' : 'process.resourceUsage().maxRSS via --require bench/rss.cjs (node process only)',
    tools: results,
  };
  writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`JSON written to ${relative(process.cwd(), options.json) || basename(options.json)}`);
}

function round(x, digits) {
  if (x === null || x === undefined) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
