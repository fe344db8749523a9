#!/usr/bin/env node
// Does a review stay linear in the size of the repository? Generates repositories of 1,000, 5,000 and 10,000 files
// (Docker files among ordinary sources, and a Docker-files-only variant), runs the CLI on each with
// DOCKER_REVIEW_TIMING=1 and reports wall time and the engine's own phases (discovery, read+parse, rules) per file.
// Measured and printed, never asserted.
//
//   node bench/scale.mjs [--sizes 1000,5000,10000] [--runs N] [--cli FILE] [--json FILE] [--keep]
//   env: BENCH_CLI
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { sizes: [1000, 5000, 10000], runs: 3, cli: process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(repoRoot, 'dist', 'cli.js'), json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--cli') options.cli = resolve(argv[++i]);
    else if (arg === '--json') options.json = resolve(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '-h' || arg === '--help') {
      console.log('Usage: node bench/scale.mjs [--sizes 1000,5000,10000] [--runs N] [--cli FILE] [--json FILE] [--keep]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${arg}`);
      process.exit(2);
    }
  }
  return options;
}

const DOCKERFILE = (i) => `# syntax=docker/dockerfile:1
FROM node:20.11-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
FROM node:20.11-alpine
ENV NODE_ENV=production PORT=${3000 + (i % 1000)}
WORKDIR /app
COPY --from=build /app ./
USER node
EXPOSE ${3000 + (i % 1000)}
HEALTHCHECK CMD wget -qO- http://localhost:${3000 + (i % 1000)}/health || exit 1
CMD ["node", "src/index.js"]
`;

const COMPOSE = (i) => `services:
  svc${i}:
    build: .
    restart: unless-stopped
    environment:
      LOG_LEVEL: info
    ports:
      - "127.0.0.1:${10000 + (i % 50000)}:${3000 + (i % 1000)}"
    depends_on:
      cache:
        condition: service_healthy
  cache:
    image: redis:7.2-alpine
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
`;

/**
 * A repository of `total` files: one folder per service with a Dockerfile, a .dockerignore and a compose file, plus
 * ordinary source files (`mixed`: 7 per service, so 3 of every 10 files are Docker files), or Docker files only.
 */
function generate(total, shape) {
  const dir = mkdtempSync(join(tmpdir(), `dr-scale-${shape}-${total}-`));
  const perService = shape === 'mixed' ? 10 : 3;
  let written = 0;
  for (let i = 0; written < total; i++) {
    const svc = join(dir, 'services', `group-${Math.floor(i / 100)}`, `svc-${i}`);
    mkdirSync(join(svc, 'src'), { recursive: true });
    const files = { Dockerfile: DOCKERFILE(i), '.dockerignore': 'node_modules\n.git\n*.log\n', 'compose.yaml': COMPOSE(i) };
    if (perService === 10) for (let k = 0; k < 7; k++) files[`src/module-${k}.js`] = `export const value${k} = ${i * 7 + k};\n`;
    for (const [name, text] of Object.entries(files)) {
      if (written >= total) break;
      writeFileSync(join(svc, name), text);
      written++;
    }
  }
  return dir;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runOnce(cli, dir) {
  const out = join(dir, '..', `${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, dir, '--root', dir, '--format', 'json', '--output', out, '--fail-on', 'never'], {
    env: { ...process.env, DOCKER_REVIEW_TIMING: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(`${cli} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  rmSync(out, { force: true });
  const phase = (name) => Number(new RegExp(`timing: ${name} ([\\d.]+) ms`).exec(r.stderr)?.[1] ?? NaN);
  return { wall, discover: phase('discover'), read: phase('read\\+parse'), rules: phase('rules') };
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(options.cli)) {
  console.error(`${options.cli} is missing: run \`npm run build\` (or pass --cli)`);
  process.exit(2);
}
const rows = [];
for (const shape of ['mixed', 'docker-only']) {
  for (const total of options.sizes) {
    const dir = generate(total, shape);
    const dockerFiles = shape === 'mixed' ? Math.round(total * 0.3) : total;
    runOnce(options.cli, dir); // warm-up: file cache
    const runs = Array.from({ length: options.runs }, () => runOnce(options.cli, dir));
    const row = {
      shape,
      files: total,
      dockerFiles,
      wallMs: Math.round(median(runs.map((r) => r.wall))),
      discoverMs: Math.round(median(runs.map((r) => r.discover))),
      readParseMs: Math.round(median(runs.map((r) => r.read))),
      rulesMs: Math.round(median(runs.map((r) => r.rules))),
    };
    row.usPerDockerFile = Math.round(((row.discoverMs + row.readParseMs + row.rulesMs) * 1000) / dockerFiles);
    rows.push(row);
    console.error(`${shape} ${total}: ${JSON.stringify(row)}`);
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const table = [
  `docker-review scale bench — ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, median of ${options.runs} runs`,
  '',
  '| shape | files | Docker files | wall ms | discovery ms | read+parse ms | rules ms | µs per Docker file (engine) |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.shape} | ${r.files} | ${r.dockerFiles} | ${r.wallMs} | ${r.discoverMs} | ${r.readParseMs} | ${r.rulesMs} | ${r.usPerDockerFile} |`),
].join('\n');
console.log(table);
if (options.json) writeFileSync(options.json, `${JSON.stringify({ cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, runs: options.runs, rows }, null, 2)}\n`);
