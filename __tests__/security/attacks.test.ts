// Named attack cases: a pull request controls every byte docker-review reads. Each case asserts what must NOT happen —
// no read outside the repository, no secret in any output format, no injected Markdown, no crash — and that it ends
// within a (generous) time bound. See SECURITY.md for the threat model.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { defaultConfig } from '../../src/engine/config.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { ApiTreeWorkspace } from '../../src/github/api-workspace.js';
import { annotationOf, MAX_SUMMARY } from '../../src/github/check-run.js';
import { commentBody, MAX_BODY, placeFinding } from '../../src/github/comments.js';
import { guardedLogger, type Logger } from '../../src/github/log.js';
import { diffFromApiFiles } from '../../src/github/pr-files.js';
import { listItem, reviewBody } from '../../src/github/review-publisher.js';
import { truncateMarkdown } from '../../src/github/truncate.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { review, type ReviewResult } from '../../src/review.js';
import { GitTreeWorkspace } from '../../src/workspace/git.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';
import { DiskWorkspace } from '../../src/workspace/workspace.js';
import { FakeGitHub as FakeFetch } from '../github/fake-fetch.js';
import { ATTACKER, cliOutputs, injections, RecordingWorkspace, removeTempDirs, tempDir, tempTree } from './helpers.js';

const config = defaultConfig(allRules);
afterAll(removeTempDirs);
const reviewOf = (workspace: RecordingWorkspace | MemoryWorkspace | DiskWorkspace, options: { rules?: AnyRule[]; maxTotalBytes?: number; fileBudgetMs?: number } = {}) =>
  review({ workspace, paths: ['.'], config, rules: options.rules ?? allRules, maxTotalBytes: options.maxTotalBytes, fileBudgetMs: options.fileBudgetMs });

/** Every report format of one result, plus what the action would publish of it (comments, annotations, list items). */
function everyFormat(result: ReviewResult): Record<string, string> {
  const diff = diffFromApiFiles(result.files.map((f) => ({ filename: f.path, status: 'added', patch: `@@ -0,0 +1,400 @@\n${'+x\n'.repeat(400)}` })));
  return {
    text: renderText(result),
    markdown: renderMarkdown(result),
    json: renderJson(result),
    sarif: renderSarif(result, { version: '0.0.0' }),
    annotations: JSON.stringify(result.findings.map(annotationOf)),
    comments: result.findings.map((f) => { const p = placeFinding(f, diff.get(f.path)); return p ? commentBody(f, p) : ''; }).join('\n'),
    'review list': result.findings.map(listItem).join('\n'),
  };
}

function expectAbsent(outputs: Record<string, string>, needle: string): void {
  for (const [format, text] of Object.entries(outputs)) {
    if (text.includes(needle)) throw new Error(`${JSON.stringify(needle)} appears in the ${format} output:\n${text.slice(Math.max(0, text.indexOf(needle) - 300), text.indexOf(needle) + 300)}`);
  }
}

const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
};

const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : 'root:x:0:0:root:/root:/bin/bash\n';
/** A line of /etc/passwd no report could contain by chance. */
const PASSWD_MARK = passwd.split('\n').find((l) => l.startsWith('root:')) ?? 'root:x:0:0';

describe('attack: symlink to /etc/passwd', () => {
  it('a Dockerfile, compose file, env file and folder symlinked out of the repository are never read, in any output format', async () => {
    const root = tempTree('symlink', {
      'app/Dockerfile': 'FROM alpine:3.20\nUSER app\nHEALTHCHECK CMD true\n',
      'compose.yaml': 'services:\n  app:\n    build: ./app\n    env_file: [passwd.env]\n',
      '.github/.keep': '',
    });
    symlinkSync('/etc/passwd', path.join(root, 'Dockerfile'));
    symlinkSync('/etc/passwd', path.join(root, 'docker-compose.yml'));
    symlinkSync('/etc/passwd', path.join(root, 'passwd.env'));
    symlinkSync('/etc/passwd', path.join(root, '.dockerignore'));
    symlinkSync('/etc/passwd', path.join(root, '.hadolint.yaml'));
    symlinkSync('/etc/passwd', path.join(root, '.github', 'docker-review.yml'));
    symlinkSync('/etc', path.join(root, 'etc'));

    const ws = new RecordingWorkspace(new DiskWorkspace(root));
    const { value: result, ms } = await timed(() => reviewOf(ws));
    expect(ws.outside()).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['app/Dockerfile', 'compose.yaml']);
    for (const p of ['Dockerfile', 'docker-compose.yml', 'passwd.env', 'etc/passwd', 'etc/hostname']) {
      expect(await ws.read(p)).toMatchObject({ ok: false });
    }
    expectAbsent(everyFormat(result), PASSWD_MARK);
    // The CLI reads its configuration through the same confinement: the symlinked config files count as absent.
    for (const run of await cliOutputs(root)) {
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).not.toContain(PASSWD_MARK);
    }
    expect(ms).toBeLessThan(10_000);
  });

  it('git objects: a committed symlink (mode 120000) is never followed, inside or out', async () => {
    const root = tempTree('git-symlink', { 'app/Dockerfile': 'FROM alpine:3.20\n' });
    symlinkSync('/etc/passwd', path.join(root, 'Dockerfile'));
    symlinkSync('app/Dockerfile', path.join(root, 'Containerfile'));
    const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'links');
    const ws = new GitTreeWorkspace(root, git('rev-parse', 'HEAD'));
    expect(await ws.list('')).toEqual([{ name: 'app', type: 'dir' }]);
    for (const p of ['Dockerfile', 'Containerfile', '../../../../etc/passwd', '/etc/passwd']) expect(await ws.read(p)).toMatchObject({ ok: false });
    expectAbsent(everyFormat(await reviewOf(ws as unknown as DiskWorkspace)), PASSWD_MARK);
  });

  it('the API path (no checkout): symlink, submodule, `..` and absolute tree entries are never listed or fetched', async () => {
    const sha = 'e'.repeat(40);
    const fake = new FakeFetch()
      .on('GET', new RegExp(`^/repos/o/r/git/trees/${sha}$`), () => ({
        body: {
          sha,
          truncated: false,
          tree: [
            { path: 'Dockerfile', mode: '120000', type: 'blob', sha: 'link', size: 11 },
            { path: '../../../../etc/passwd', mode: '100644', type: 'blob', sha: 'up', size: 10 },
            { path: '/etc/passwd', mode: '100644', type: 'blob', sha: 'abs', size: 10 },
            { path: 'a/../../Dockerfile', mode: '100644', type: 'blob', sha: 'dotdot', size: 10 },
            { path: 'vendor', mode: '160000', type: 'commit', sha: 'sub' },
            { path: 'ok/Dockerfile', mode: '100644', type: 'blob', sha: 'good', size: 17 },
          ],
        },
      }))
      .on('GET', /^\/repos\/o\/r\/git\/blobs\/(\w+)$/, (_c, m) => ({ body: { encoding: 'base64', content: Buffer.from(m[1] === 'good' ? 'FROM alpine:3.20\n' : passwd).toString('base64') } }));
    const api = await ApiTreeWorkspace.load(fake.client(), { owner: 'o', repo: 'r', sha, root: '/repo' });
    const ws = new RecordingWorkspace(api);
    const result = await reviewOf(ws);
    expect(result.files.map((f) => f.path)).toEqual(['ok/Dockerfile']);
    for (const p of ['Dockerfile', '../../../../etc/passwd', '/etc/passwd', 'vendor']) expect((await api.read(p)).ok).toBe(false);
    const fetched = fake.requests().filter((r) => r.includes('/git/blobs/'));
    expect(fetched).toEqual(['GET /repos/o/r/git/blobs/good']);
    expectAbsent(everyFormat(result), PASSWD_MARK);
  });
});

describe('attack: compose build context ../../../../etc', () => {
  it('contexts, Dockerfiles, env files and bind mounts outside the repository are never read; no crash', async () => {
    const base = tempDir('context');
    const root = path.join(base, 'repo');
    const CANARY = 'CANARY-7f3e9a-outside-the-repository';
    for (const [p, content] of Object.entries({
      'outside/Dockerfile': `FROM alpine:3.20\n# ${CANARY}\nMAINTAINER ${CANARY}\n`,
      'outside/.dockerignore': `${CANARY}\n`,
      'outside/app.env': `DB_PASSWORD=${CANARY}\n`,
      'outside/nginx.conf': `# ${CANARY}\n`,
      'outside/compose.yaml': `services: { x: { image: "${CANARY}" } }\n`,
      'repo/compose.yaml': [
        'services:',
        '  etc:',
        '    build: ../../../../etc',
        '  sibling:',
        '    build:',
        '      context: ../outside',
        '      dockerfile: ../outside/Dockerfile',
        '    env_file: [../outside/app.env, /etc/passwd]',
        '    volumes:',
        '      - ../outside/nginx.conf:/etc/nginx/nginx.conf:ro',
        '      - /etc/passwd:/etc/nginx/conf.d/default.conf:ro',
        '  absolute:',
        '    build: { context: /etc, dockerfile: /etc/passwd }',
        '    image: nginx:1.27',
        '    extends: { file: ../outside/compose.yaml, service: x }',
        'include:',
        '  - ../outside/compose.yaml',
        '',
      ].join('\n'),
      'repo/Dockerfile': 'FROM alpine:3.20\nCOPY ../outside/nginx.conf /etc/nginx/nginx.conf\n',
    })) {
      mkdirSync(path.dirname(path.join(base, p)), { recursive: true });
      writeFileSync(path.join(base, p), content);
    }
    const ws = new RecordingWorkspace(new DiskWorkspace(root));
    const { value: result, ms } = await timed(() => reviewOf(ws));
    expect(ws.outside()).toEqual([]);
    expect(ws.asked.length).toBeGreaterThan(0);
    expect(result.files.map((f) => f.path).sort()).toEqual(['Dockerfile', 'compose.yaml']);
    expect(result.notices.filter((n) => n.startsWith('rule '))).toEqual([]);
    expectAbsent(everyFormat(result), CANARY);
    expectAbsent(everyFormat(result), PASSWD_MARK);
    for (const run of await cliOutputs(root)) {
      expect(run.err).toBe('');
      expect(run.out).not.toContain(CANARY);
    }
    expect(ms).toBeLessThan(10_000);
  });
});

describe('attack: .env secret interpolated into compose', () => {
  const SECRET = 'Sup3r-S3cret-from-dotenv-91f2';
  const TOKEN = 'tok_live_8c1d2e3f4a5b6c7d8e9f';
  const files = {
    '.env': `DB_PASSWORD=${SECRET}\nAPI_TOKEN="${TOKEN}"\nIMAGE_TAG=1.27\n`,
    'compose.yaml': [
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    environment:',
      '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
      '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app',
      '      PLAIN_URL: postgres://app:${DB_PASSWORD:-' + SECRET + '}@db/app',
      '  web:',
      '    image: nginx:${IMAGE_TAG}',
      '    command: ["sh", "-c", "echo ${API_TOKEN} ${DB_PASSWORD}"]',
      '    ports: ["${DB_PASSWORD}:80"]',
      '    labels: { token: "${API_TOKEN}" }',
      '',
    ].join('\n'),
  };

  it('the values never appear in any output format; they are collected for masking', async () => {
    const result = await reviewOf(new MemoryWorkspace(files));
    expect(result.secrets?.list()).toEqual(expect.arrayContaining([SECRET, TOKEN]));
    // A secret set prints as a count, so a stray JSON.stringify of the result cannot leak it either.
    expect(JSON.stringify(result)).not.toContain(SECRET);
    const outputs = everyFormat(result);
    expectAbsent(outputs, SECRET);
    expectAbsent(outputs, TOKEN);
    const root = tempTree('dotenv', files);
    for (const run of await cliOutputs(root)) {
      expect(run.out).not.toContain(SECRET);
      expect(run.out).not.toContain(TOKEN);
    }
  });
});

describe('attack: token in ENV', () => {
  const GH = 'ghp_R3alLook1ngT0kenValue0123456789abcd';
  const NPM = 'npm_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f';
  const PW = 'hunter2-but-longer-42';
  const dockerfile = [
    'FROM alpine:3.20',
    `ENV GITHUB_TOKEN ${GH}`, // legacy form: legacy-key-value-format would suggest `ENV GITHUB_TOKEN=<the token>`
    `env NPM_TOKEN=${NPM}`, // lower case: consistent-instruction-casing would re-print the line
    `ARG API_KEY=${GH}`,
    `RUN echo "root:${PW}" | chpasswd && useradd -p '${PW}x' app`,
    'USER app',
    'HEALTHCHECK CMD true',
    '',
  ].join('\n');

  it('is reported, masked in every output format, and fixes that would repeat it are withheld', async () => {
    const result = await reviewOf(new MemoryWorkspace({ Dockerfile: dockerfile }));
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['secret-in-arg-env', 'legacy-key-value-format', 'consistent-instruction-casing', 'password-in-run']));
    for (const secret of [GH, NPM, PW, `${PW}x`]) expectAbsent(everyFormat(result), secret);
    const legacy = result.findings.find((f) => f.ruleId === 'legacy-key-value-format' && f.line === 2)!;
    expect(legacy.fix).toBeNull();
    expect(legacy.hint).toContain('would repeat a secret value');
    // A fix that holds no secret still works.
    const clean = await reviewOf(new MemoryWorkspace({ Dockerfile: 'FROM alpine:3.20\nENV MODE production\nUSER app\nHEALTHCHECK CMD true\n' }));
    expect(clean.findings.find((f) => f.ruleId === 'legacy-key-value-format')?.fix).toMatchObject({ replacement: 'ENV MODE=production' });
  });

  it('the action logs neither the token of its input nor the secrets; each secret is registered with the runner', () => {
    const lines: string[] = [];
    const inner: Logger = { debug: (m) => lines.push(m), info: (m) => lines.push(m), warning: (m) => lines.push(m), annotate: (_l, m, p) => lines.push(`${m} ${JSON.stringify(p)}`) };
    const log = guardedLogger(inner, (t) => t.split(GH).join('***').split('ghs_inputToken123').join('***'));
    log.info(`request failed with ghs_inputToken123 in ${GH}`);
    log.annotate('error', `value ${GH}`, { title: GH, file: 'Dockerfile' });
    expect(lines.join('\n')).not.toContain(GH);
    expect(lines.join('\n')).not.toContain('ghs_inputToken123');
  });
});

describe('attack: Markdown/HTML/@mention injection in a quoted line', () => {
  const { user, issue, host } = ATTACKER;
  const payloads = [
    `<img src=x onerror=alert(1)>`,
    `<script>alert(1)</script>`,
    `[click](https://${host}/phish)`,
    `![pixel](https://${host}/p.png)`,
    `@${user}`,
    `#${issue}`,
    `GH-${issue}`,
    `https://${host}/x`,
    `www.${host}`,
    '``<img/src=x/onerror=alert(1)>`',
    '`` ` `` <b>x</b> ```',
    '<!-- docker-review:fp=ffffffffffffffffffffffffffffffff -->',
    '\r# heading via CR\r- [x] list via CR',
  ];
  const files = {
    Dockerfile: [
      'FROM alpine:3.20 AS build',
      ...payloads.map((p) => `${p.replace(/\s+/g, '')}`),
      ...payloads.map((p) => `EXPOSE ${p}`),
      ...payloads.map((p) => `WORKDIR rel/${p}`),
      `COPY --from=${payloads[0].replace(/\s+/g, '')} /a /b`,
      `USER ${payloads[4]}`,
      '',
    ].join('\n'),
    'compose.yaml': [
      'services:',
      ...payloads.flatMap((p, i) => [`  ${JSON.stringify(`s${i}${p}`)}:`, `    image: ${JSON.stringify(`${p}:latest`)}`, `    depends_on: [${JSON.stringify(p)}]`, `    ports: [${JSON.stringify(`${p}:80`)}]`]),
      '',
    ].join('\n'),
    'Dockerfile.@attacker-handle<img src=x>#4242': 'FROM alpine:3.20\nMAINTAINER @attacker-handle\n',
    'a|b`c`/Dockerfile': 'FROM alpine:3.20\nMAINTAINER x\n',
  };

  it('nothing renders as HTML, a link, an image, a mention or an issue reference, in any Markdown GitHub receives', async () => {
    const result = await reviewOf(new MemoryWorkspace(files));
    expect(result.findings.length).toBeGreaterThan(payloads.length);
    const md = everyFormat(result);
    for (const format of ['markdown', 'comments', 'review list']) {
      expect({ format, found: injections(md[format]) }).toEqual({ format, found: [] });
    }
    // A look-alike marker in quoted text never replaces the comment's own (the last one counts).
    expect(md.comments).not.toMatch(/^<!-- docker-review:fp=f{32} -->$/m);
    // The file-health table keeps its columns with a `|` in a path.
    const table = md.markdown.split('\n').filter((l) => l.startsWith('| `'));
    for (const row of table) expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });
});

describe('attack: a huge quoted line', () => {
  it('every body stays within GitHub\'s limits, the job summary counted in bytes', async () => {
    // One 1.5 MB "instruction" of two-byte characters: the parse error quotes it whole.
    const word = 'Ä'.repeat(750_000);
    const result = await reviewOf(new MemoryWorkspace({ Dockerfile: `FROM alpine:3.20\n${word}\n` }));
    const finding = result.findings.find((f) => f.ruleId === 'parse-error')!;
    expect(finding.message.length).toBeGreaterThan(700_000);
    const md = renderMarkdown(result);
    const diff = diffFromApiFiles([{ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1,2 @@\n+FROM alpine:3.20\n+x' }]);
    expect(commentBody(finding, placeFinding(finding, diff.get('Dockerfile'))!).length).toBeLessThanOrEqual(MAX_BODY);
    expect(reviewBody('intro', result.findings, 'see the check run', null).length).toBeLessThanOrEqual(MAX_BODY);
    expect(truncateMarkdown(md, MAX_SUMMARY, 'see the job summary').length).toBeLessThanOrEqual(MAX_SUMMARY);
    const summary = truncateMarkdown(md, 1_000_000, 'see the report', 'bytes');
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(1_000_000);
    expect(summary).toContain('see the report');
    expect(annotationOf(finding).message.length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('attack: binary file named Dockerfile', () => {
  it('is a clear parse-error finding, no binary bytes in any output, other files reviewed', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64), Buffer.from('FROM alpine\n<script>x</script>\n')]);
    const ws = new MemoryWorkspace({ Dockerfile: elf, 'compose.yaml': Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0]), 'ok/Dockerfile': 'FROM alpine:3.20\n' });
    const result = await reviewOf(ws);
    const dockerfile = result.findings.filter((f) => f.path === 'Dockerfile');
    expect(dockerfile).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining('not a text file') })]);
    expect(result.files.find((f) => f.path === 'Dockerfile')).toMatchObject({ reviewed: false });
    expect(result.files.find((f) => f.path === 'ok/Dockerfile')).toMatchObject({ reviewed: true });
    for (const [format, text] of Object.entries(everyFormat(result))) {
      expect({ format, nul: text.includes('\0'), elf: text.includes('\x7fELF'), script: text.includes('<script>') }).toEqual({ format, nul: false, elf: false, script: false });
    }
  });
});

describe('attack: 5 MB Dockerfile', () => {
  it('is skipped with a file-not-reviewed finding that says why, quickly, on disk, in memory and through the API', async () => {
    const big = `FROM alpine:3.20\n${'RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(50_000)}`;
    expect(big.length).toBeGreaterThan(5_000_000);
    const root = tempTree('big', { Dockerfile: big, 'small/Dockerfile': 'FROM alpine:3.20\n' });
    for (const ws of [new DiskWorkspace(root), new MemoryWorkspace({ Dockerfile: big, 'small/Dockerfile': 'FROM alpine:3.20\n' })]) {
      const { value: result, ms } = await timed(() => reviewOf(ws));
      expect(result.findings.filter((f) => f.path === 'Dockerfile')).toEqual([
        expect.objectContaining({ ruleId: 'file-not-reviewed', message: expect.stringMatching(/^not reviewed: too large \(\d+ bytes; the limit is 2097152\)$/) }),
      ]);
      expect(result.files.find((f) => f.path === 'small/Dockerfile')).toMatchObject({ reviewed: true });
      expect(ms).toBeLessThan(5_000);
    }
    // Through the API the blob is never even fetched: the tree says how big it is.
    const sha = 'f'.repeat(40);
    const fake = new FakeFetch()
      .on('GET', new RegExp(`^/repos/o/r/git/trees/${sha}$`), () => ({ body: { sha, truncated: false, tree: [{ path: 'Dockerfile', mode: '100644', type: 'blob', sha: 'big', size: big.length }] } }))
      .on('GET', /^\/repos\/o\/r\/git\/blobs\/(\w+)$/, () => ({ body: { encoding: 'base64', content: Buffer.from(big).toString('base64') } }));
    const api = await ApiTreeWorkspace.load(fake.client(), { owner: 'o', repo: 'r', sha, root: '/repo' });
    const result = await reviewOf(api as unknown as DiskWorkspace);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['file-not-reviewed']);
    expect(fake.requests().filter((r) => r.includes('/blobs/'))).toEqual([]);
  });

  it('a total budget bounds a review of many large files: later files are skipped, the same ones every time', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`s${String(i).padStart(2, '0')}/Dockerfile`] = `FROM alpine:3.20\n${'# padding padding padding padding\n'.repeat(3000)}`;
    const runs = await Promise.all([1, 2].map(() => reviewOf(new MemoryWorkspace(files), { maxTotalBytes: 400_000 })));
    const skipped = runs[0].findings.filter((f) => f.ruleId === 'file-not-reviewed');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThan(12);
    expect(skipped[0].message).toMatch(/over the review's total budget of 400000 bytes/);
    expect(renderJson(runs[1])).toBe(renderJson(runs[0]));
  });
});

describe('attack: 20,000-level YAML nesting', () => {
  const forms: Record<string, string> = {
    'flow sequences': `services: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    'flow mappings': `services: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`,
    'compact sequences': `x-deep:\n  ${'- '.repeat(20_000)}x\n`,
    'block mappings': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n',
    'unclosed, 2 MB': `a: ${'['.repeat(2_000_000)}`,
  };
  for (const [name, text] of Object.entries(forms)) {
    it(`${name}: a clear parse-error finding, fast, no stack overflow; other files reviewed`, async () => {
      const { value: result, ms } = await timed(() => reviewOf(new MemoryWorkspace({ 'compose.yaml': text, 'docker-compose.yml': 'services:\n  ok:\n    image: nginx:1.27\n' }, '/memory', 4 * 1024 * 1024)));
      const found = result.findings.filter((f) => f.path === 'compose.yaml');
      expect(found).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining('nest deeper than 100 levels') })]);
      expect(found[0].line).toBeGreaterThanOrEqual(1);
      expect(result.findings.some((f) => f.path === 'docker-compose.yml')).toBe(true);
      expect(ms).toBeLessThan(3_000);
    });
  }
});

describe('attack: billion laughs', () => {
  it('a clear parse-error finding about alias expansion, fast, bounded memory', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `x-laughs:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n`;
    const heapBefore = process.memoryUsage().heapUsed;
    const { value: result, ms } = await timed(() => reviewOf(new MemoryWorkspace({ 'compose.yaml': text })));
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringMatching(/billion laughs/) })]);
    expect(ms).toBeLessThan(3_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('a self-referencing anchor is named as such, not blamed on the alias budget', async () => {
    for (const text of ['x-a: &a\n  <<: *a\nservices: {}\n', 'x-a: &a [1, *a]\nservices: {}\n', 'services:\n  web: &w\n    image: nginx:1.27\n    labels: { self: *w }\n']) {
      const result = await reviewOf(new MemoryWorkspace({ 'compose.yaml': text }));
      expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining('refers to itself') })]);
      expect(result.findings[0].message).not.toMatch(/alias budget|Maximum call stack|billion/i);
    }
  });
});

describe('attack: a pathological file cannot stall the others', () => {
  it('the rules stop on a file over its time budget; the file gets a finding that says so; other files are reviewed', async () => {
    const slow: AnyRule = {
      meta: { id: 'slow-test-rule', title: 'slow', priority: 'low', category: 'maintainability', rationale: 'test', fixable: false, equivalents: {}, appliesTo: 'dockerfile' },
      check(ctx) {
        if (!ctx.file.path.startsWith('slow/')) return;
        const until = performance.now() + 120;
        while (performance.now() < until) {
          // busy: a rule stuck on a pathological file
        }
      },
    };
    const rules = [slow, ...allRules];
    const ws = new MemoryWorkspace({ 'slow/Dockerfile': 'FROM alpine:3.20\nMAINTAINER x\n', 'fast/Dockerfile': 'FROM alpine:3.20\nMAINTAINER x\n' });
    const result = await review({ workspace: ws, paths: ['.'], config: defaultConfig(rules), rules, fileBudgetMs: 50 });
    const slowFindings = result.findings.filter((f) => f.path === 'slow/Dockerfile');
    expect(slowFindings).toEqual([expect.objectContaining({ ruleId: 'file-not-reviewed', message: expect.stringMatching(/^review cut short: the rules went over this file's time budget of 50 ms, so \d+ rules did not run on it/) })]);
    expect(result.findings.filter((f) => f.path === 'fast/Dockerfile').map((f) => f.ruleId)).toContain('maintainer-deprecated');
  });

  it('a FIFO named Dockerfile does not block the read', async () => {
    const root = tempTree('fifo', { 'ok/Dockerfile': 'FROM alpine:3.20\n' });
    try {
      execFileSync('mkfifo', [path.join(root, 'Dockerfile')]);
    } catch {
      return; // no mkfifo here: nothing to prove
    }
    const ws = new DiskWorkspace(root);
    const { value, ms } = await timed(() => ws.read('Dockerfile'));
    expect(value).toEqual({ ok: false, reason: 'not a regular file' });
    expect(ms).toBeLessThan(2_000);
    const result = await reviewOf(ws);
    expect(result.files.map((f) => f.path)).toEqual(['ok/Dockerfile']);
  });
});

describe('attack: workflow commands in quoted text', () => {
  it('a line of a file that looks like `::add-mask::` or `::set-output` is never a workflow command in the log', () => {
    const lines: string[] = [];
    const inner: Logger = { debug: (m) => lines.push(m), info: (m) => lines.push(m), warning: (m) => lines.push(m), annotate: () => undefined };
    const log = guardedLogger(inner, (t) => t);
    log.info('rule x failed on Dockerfile:\n::set-output name=score::100\n  ::add-mask::x\n##[error]fake');
    for (const line of lines.join('\n').split('\n')) expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
  });
});

describe('encodings', () => {
  it('BOM, UTF-16 (LE and BE, with BOM) and CRLF files are read as text with the same lines', async () => {
    const text = 'FROM alpine:3.20\r\nMAINTAINER me\r\n';
    const utf16be = Buffer.from(Buffer.from('FROM alpine:3.20\r\nMAINTAINER me\r\n', 'utf16le')).swap16();
    const ws = new MemoryWorkspace({
      'a/Dockerfile': `\ufeff${text}`,
      'b/Dockerfile': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'c/Dockerfile': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      'd/Dockerfile': text.replace(/\r\n/g, '\r'),
    });
    const result = await reviewOf(ws);
    const lines = (dir: string) => result.findings.filter((f) => f.path === `${dir}/Dockerfile` && f.ruleId === 'maintainer-deprecated').map((f) => f.line);
    for (const dir of ['a', 'b', 'c', 'd']) expect({ dir, lines: lines(dir) }).toEqual({ dir, lines: [2] });
  });
});
