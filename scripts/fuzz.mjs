#!/usr/bin/env node
// The long fuzz run: the property-based tests of __tests__/fuzz with many more runs than CI does, then a table of
// every property's runs and time. CI runs the same properties with their small built-in numbers (`npm test`).
//
//   npm run fuzz                      # FUZZ_RUNS=3000 runs per property
//   npm run fuzz -- --runs 20000      # more
//   npm run fuzz -- --seed 12345      # replay a seed fast-check printed
//   npm run fuzz -- --only parsers    # one file of __tests__/fuzz (parsers | engine | markdown)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option('runs', process.env.FUZZ_RUNS ?? 3000));
const seed = option('seed', process.env.FUZZ_SEED);
const only = option('only', null);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a whole number ≥ 1');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'dr-fuzz-'));
const report = join(scratch, 'report.jsonl');
const started = performance.now();
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings', join(root, 'node_modules/jest/bin/jest.js'), only ? `__tests__/fuzz/${only}` : '__tests__/fuzz', '--runInBand', `--testTimeout=${Math.max(600_000, runs * 300)}`],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_REPORT: report, ...(seed ? { FUZZ_SEED: String(seed) } : {}) } },
);
const seconds = (performance.now() - started) / 1000;

const rows = existsSync(report) ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(scratch, { recursive: true, force: true });
const total = rows.reduce((n, r) => n + r.runs, 0);
const failed = rows.filter((r) => r.failed);
console.log(`\nFuzz run: ${runs} runs per property${seed ? `, seed ${seed}` : ''}\n`);
console.log('| property | runs | time s | result |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.runs} | ${(r.ms / 1000).toFixed(1)} | ${r.failed ? 'FAILED' : 'ok'} |`);
console.log(`\n${rows.length} properties, ${total} generated inputs in all, ${seconds.toFixed(0)} s wall; ${failed.length} failed.`);
process.exit(jest.status ?? 1);
