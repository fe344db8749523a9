import { classifyByName, discover } from '../../src/workspace/discover.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

describe('classifyByName', () => {
  it.each([
    ['Dockerfile', 'dockerfile'], ['Dockerfile.dev', 'dockerfile'], ['api.Dockerfile', 'dockerfile'], ['web.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'], ['Containerfile.prod', 'dockerfile'], ['compose.yaml', 'compose'], ['compose.yml', 'compose'],
    ['compose.prod.yaml', 'compose'], ['docker-compose.yml', 'compose'], ['docker-compose.override.yml', 'compose'],
    ['docker-compose-dev.yaml', 'compose'], ['.dockerignore', 'dockerignore'], ['Dockerfile.dockerignore', 'dockerignore'],
    ['api.Dockerfile.dockerignore', 'dockerignore'], ['Dockerfile.alpine', 'dockerfile'], ['Dockerfile.api', 'dockerfile'],
  ])('%s → %s', (name, kind) => expect(classifyByName(name)).toBe(kind));
  it.each(['README.md', 'compose.json', 'dockerfile-lint.js', 'my-compose.yml', 'values.yaml', 'dockerfile.ts', 'dockerfile.test.ts', 'Dockerfile.md', 'Dockerfile.j2', 'Containerfile.orig'])('%s is not Docker-related', (name) => {
    expect(classifyByName(name)).toBeNull();
  });
});

describe('discover', () => {
  const ws = new MemoryWorkspace({
    'Dockerfile': 'FROM alpine:3.20\n',
    'compose.yaml': 'services: {}\n',
    'api/Dockerfile': 'FROM python:3.12\n',
    'api/.dockerignore': '.git\n',
    'node_modules/pkg/Dockerfile': 'FROM node\n',
    'vendor/lib/Dockerfile': 'FROM x\n',
    '.git/Dockerfile': 'FROM x\n',
    'legacy/Dockerfile': 'FROM x\n',
    'docs/readme.md': '# hi\n',
  });

  it('finds Docker files and skips dependencies, VCS data and vendored code', async () => {
    const { files } = await discover(ws, ['.']);
    expect(files).toEqual([
      { path: 'Dockerfile', kind: 'dockerfile' },
      { path: 'api/.dockerignore', kind: 'dockerignore' },
      { path: 'api/Dockerfile', kind: 'dockerfile' },
      { path: 'compose.yaml', kind: 'compose' },
      { path: 'legacy/Dockerfile', kind: 'dockerfile' },
    ]);
  });

  it('honours ignore globs for files and folders', async () => {
    const { files } = await discover(ws, ['.'], { ignore: ['legacy/**', '**/.dockerignore'] });
    expect(files.map((f) => f.path)).toEqual(['Dockerfile', 'api/Dockerfile', 'compose.yaml']);
  });

  it('reviews a single named file and reports paths that do not exist or leave the root', async () => {
    const { files, problems } = await discover(ws, ['api/Dockerfile', 'missing', '../etc', 'docs/readme.md']);
    expect(files.map((f) => f.path)).toEqual(['api/Dockerfile']);
    expect(problems).toEqual([
      'missing: no such file or directory',
      '../etc: outside the repository root, not reviewed',
      'docs/readme.md: not a Docker-related file name, not reviewed',
    ]);
  });
});
