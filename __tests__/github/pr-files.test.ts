import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffFromApiFiles, diffFromGit, fillMissingPatches, hunkOf, listPullFiles, MAX_PR_FILES, parsePatch } from '../../src/github/pr-files.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';
import { FakeGitHub, paged } from './fake-fetch.js';

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' FROM node:20',
  '-RUN npm install',
  '+RUN npm ci',
  '+USER node',
  ' COPY . .',
  ' ',
  '@@ -10,2 +11,0 @@',
  '-EXPOSE 80',
  '-EXPOSE 81',
  '@@ -20 +19,2 @@',
  '-CMD x',
  '+CMD y',
  '+HEALTHCHECK NONE',
  '\\ No newline at end of file',
].join('\n');

describe('parsePatch', () => {
  it('maps added and deleted lines and the hunks of both sides', () => {
    const p = parsePatch(PATCH);
    expect([...p.added]).toEqual([2, 3, 19, 20]);
    expect([...p.deleted]).toEqual([2, 10, 11, 20]);
    // The pure deletion hunk (+11,0) has no new-side lines: nothing can be commented there.
    expect(p.hunks).toEqual([{ start: 1, end: 5 }, { start: 19, end: 20 }]);
    expect(p.leftHunks).toEqual([{ start: 1, end: 4 }, { start: 10, end: 11 }, { start: 20, end: 20 }]);
  });

  it('an empty line inside a hunk is a context line', () => {
    const p = parsePatch('@@ -1,3 +1,3 @@\n a\n\n-b\n+c');
    expect([...p.added]).toEqual([3]);
    expect([...p.deleted]).toEqual([3]);
  });
});

describe('diffFromApiFiles', () => {
  it('keeps statuses, renames, and files without a patch', () => {
    const diff = diffFromApiFiles([
      { filename: 'Dockerfile', status: 'modified', patch: PATCH },
      { filename: 'new/Dockerfile', status: 'renamed', previous_filename: 'old/Dockerfile', patch: '@@ -1 +1 @@\n-FROM a\n+FROM b' },
      { filename: 'moved/compose.yaml', status: 'renamed', previous_filename: 'compose.yaml' },
      { filename: 'gone/Dockerfile', status: 'removed', patch: '@@ -1 +0,0 @@\n-FROM a' },
      { filename: 'huge/Dockerfile', status: 'modified' },
      { filename: 'big-new/Dockerfile', status: 'added' },
      { filename: 'same', status: 'unchanged' },
    ]);
    expect(diff.get('new/Dockerfile')).toMatchObject({ status: 'renamed', previousPath: 'old/Dockerfile', hasPatch: true });
    expect(diff.get('moved/compose.yaml')).toMatchObject({ status: 'renamed', hasPatch: false, allLinesAdded: false });
    expect(diff.get('gone/Dockerfile')).toMatchObject({ status: 'removed', hunks: [] });
    expect(diff.get('huge/Dockerfile')).toMatchObject({ hasPatch: false, allLinesAdded: false });
    expect(diff.get('big-new/Dockerfile')).toMatchObject({ hasPatch: false, allLinesAdded: true });
    expect(diff.has('same')).toBe(false);
    expect(hunkOf(diff.get('Dockerfile')!, 4)).toEqual({ start: 1, end: 5 });
    expect(hunkOf(diff.get('Dockerfile')!, 8)).toBeNull();
  });

  it('compares contents when GitHub omits the patch', async () => {
    const diff = diffFromApiFiles([{ filename: 'Dockerfile', status: 'modified' }, { filename: 'other.bin', status: 'modified' }]);
    const base = new MemoryWorkspace({ Dockerfile: 'FROM a\nRUN x\n' });
    const head = new MemoryWorkspace({ Dockerfile: 'FROM a\nUSER root\nRUN x\n' });
    const notes = await fillMissingPatches(diff, new Set(['Dockerfile']), base, head);
    expect([...diff.get('Dockerfile')!.added]).toEqual([2]);
    expect(diff.get('Dockerfile')!.hunks).toEqual([]);
    expect(notes).toHaveLength(1);
    // A file the review did not read is left alone.
    expect(diff.get('other.bin')!.allLinesAdded).toBe(false);
  });

  it('every line counts as changed when the base cannot be read', async () => {
    const diff = diffFromApiFiles([{ filename: 'Dockerfile', status: 'modified' }]);
    await fillMissingPatches(diff, new Set(['Dockerfile']), null, new MemoryWorkspace({ Dockerfile: 'FROM a\n' }));
    expect(diff.get('Dockerfile')!.allLinesAdded).toBe(true);
  });
});

describe('listPullFiles', () => {
  it('pages 100 at a time and stops at 3,000 files', async () => {
    const files = Array.from({ length: 3200 }, (_, i) => ({ filename: `f${i}/Dockerfile`, status: 'added', patch: '@@ -0,0 +1 @@\n+FROM a' }));
    const gh = new FakeGitHub().on('GET', /^\/repos\/o\/r\/pulls\/5\/files$/, (call) => paged(files, call));
    const { files: listed, truncated } = await listPullFiles(gh.client(), { owner: 'o', repo: 'r', number: 5 });
    expect(listed).toHaveLength(MAX_PR_FILES);
    expect(truncated).toBe(true);
    expect(gh.calls).toHaveLength(30);
    expect(gh.calls.every((c) => c.query.get('per_page') === '100')).toBe(true);
  });
});

describe('diffFromGit', () => {
  it('parses local git diffs with renames, deletions and binary files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-gitdiff-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
    const write = (p: string, c: string | Buffer) => (mkdirSync(path.dirname(path.join(dir, p)), { recursive: true }), writeFileSync(path.join(dir, p), c));
    git('init', '-q', '-b', 'main');
    write('Dockerfile', 'FROM a\nRUN one\nRUN two\nRUN three\nRUN four\n');
    write('old name/Dockerfile', 'FROM b\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nRUN 5\n');
    write('gone.Dockerfile', 'FROM c\n');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    write('Dockerfile', 'FROM a\nRUN one\nUSER app\nRUN three\nRUN four\n');
    mkdirSync(path.join(dir, 'new name'));
    git('mv', 'old name/Dockerfile', 'new name/Dockerfile');
    write('new name/Dockerfile', 'FROM b\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nRUN 5\nUSER x\n');
    git('rm', '-q', 'gone.Dockerfile');
    write('img.bin', Buffer.from([0, 1, 2, 3]));
    git('add', '-A');
    git('commit', '-qm', 'head');
    const diff = diffFromGit(dir, base, git('rev-parse', 'HEAD'));
    expect(diff.get('Dockerfile')).toMatchObject({ status: 'modified', hasPatch: true });
    expect([...diff.get('Dockerfile')!.added]).toEqual([3]);
    expect([...diff.get('Dockerfile')!.deleted]).toEqual([3]);
    expect(diff.get('new name/Dockerfile')).toMatchObject({ status: 'renamed', previousPath: 'old name/Dockerfile' });
    expect([...diff.get('new name/Dockerfile')!.added]).toEqual([7]);
    expect(diff.get('gone.Dockerfile')).toMatchObject({ status: 'removed' });
    expect(diff.get('img.bin')).toMatchObject({ status: 'added', hasPatch: false, allLinesAdded: true });
  });
});
