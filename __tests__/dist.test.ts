// dist/ is committed: it must equal a fresh build, and the bundled CLI must keep the JSON contract on real files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERSION } from '../src/version.js';

const ROOT = path.resolve(process.cwd());
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');

describe('dist/', () => {
  it('equals a fresh build of the sources', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'dr-dist-'));
    execFileSync(process.execPath, ['scripts/build.mjs', out], { cwd: ROOT, stdio: 'pipe' });
    const fresh = readdirSync(out).sort();
    expect(readdirSync(path.join(ROOT, 'dist')).sort()).toEqual(fresh);
    for (const name of fresh) {
      const same = readFileSync(path.join(out, name)).equals(readFileSync(path.join(ROOT, 'dist', name)));
      if (!same) throw new Error(`dist/${name} differs from a fresh build: run \`npm run build\` and commit dist/`);
    }
  }, 120_000);

  it('has the version of package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('reviews the bundled example and prints the report', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'examples/shop', '--format', 'markdown'], { cwd: ROOT, encoding: 'utf8' });
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# Docker review/);
  });

  (existsSync(CORPUS) ? it : it.skip)('reviews the awesome-compose corpus: every file listed, every finding complete', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', CORPUS, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout);
    const manifest = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[2]);
    const listed = doc.files.map((f: { path: string }) => path.relative(CORPUS, path.resolve(ROOT, f.path)).split(path.sep).join('/'));
    expect(listed.sort()).toEqual(manifest.sort());
    for (const f of doc.findings) {
      for (const key of ['ruleId', 'priority', 'category', 'path', 'line', 'endLine', 'column', 'endColumn', 'message', 'equivalents', 'fingerprint', 'fix', 'related']) {
        expect(f).toHaveProperty(key);
      }
    }
    expect(doc.findings.filter((f: { ruleId: string }) => f.ruleId === 'parse-error')).toEqual([]);
  });
});
