// The merged compose model: views, the specification's merge rules, !reset/!override, include, extends, .env, and
// the place every merged value was written.
import { allServices, composeViewOf, type ComposeView } from '../../src/model/compose-project.js';
import { loadProject, type Project } from '../../src/model/project.js';
import type { ComposeFile } from '../../src/parse/compose.js';
import { discover } from '../../src/workspace/discover.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

async function projectOf(files: Record<string, string>): Promise<Project> {
  const ws = new MemoryWorkspace(files);
  const { files: found } = await discover(ws, ['.'], { ignore: [] });
  return loadProject(ws, found);
}

function viewOf(project: Project, path: string): ComposeView {
  const file = project.byPath.get(path);
  if (file?.kind !== 'compose') throw new Error(`${path} is not a loaded compose file`);
  return composeViewOf(project, file as ComposeFile);
}

describe('compose views', () => {
  it('judges the base with the default override, and other files beside it as base + file', async () => {
    const project = await projectOf({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
      'compose.override.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n',
      'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
      'other/docker-compose.dev.yml': 'services:\n  tool:\n    image: alpine:3.20\n',
    });
    expect(viewOf(project, 'compose.yaml').label).toBe('compose.yaml + compose.override.yaml');
    expect(viewOf(project, 'compose.override.yaml')).toBe(viewOf(project, 'compose.yaml'));
    expect(viewOf(project, 'compose.prod.yaml').label).toBe('compose.yaml + compose.prod.yaml');
    expect(viewOf(project, 'other/docker-compose.dev.yml').label).toBe('docker-compose.dev.yml');
    const prod = viewOf(project, 'compose.prod.yaml').service('web')!;
    expect(prod.data).toEqual({ image: 'nginx:1.27', restart: 'always' });
    expect(allServices(project).length).toBe(3);
  });

  it('prefers compose.yaml over docker-compose.yml as the base, as Compose does', async () => {
    const project = await projectOf({
      'docker-compose.yml': 'services:\n  old:\n    image: a:1\n',
      'compose.yaml': 'services:\n  new:\n    image: b:1\n',
    });
    expect(viewOf(project, 'compose.yaml').label).toBe('compose.yaml');
    expect(viewOf(project, 'docker-compose.yml').label).toBe('docker-compose.yml');
  });
});

describe('merge rules', () => {
  const base = [
    'services:',
    '  web:',
    '    image: app:1.0',
    '    command: ["serve", "--port", "80"]',
    '    environment:',
    '      - LOG_LEVEL=info',
    '      - MODE=base',
    '    ports:',
    '      - "8080:80"',
    '      - "9090:90"',
    '    volumes:',
    '      - ./data:/data',
    '    dns: 1.1.1.1',
    '    labels:',
    '      team: web',
    '    healthcheck:',
    '      test: ["CMD", "true"]',
    '      interval: 10s',
    '',
  ].join('\n');
  const override = [
    'services:',
    '  web:',
    '    command: ["serve", "--debug"]',
    '    environment:',
    '      MODE: dev',
    '      EXTRA: "1"',
    '    ports:',
    '      - "8080:80"',
    '      - "3000:3000"',
    '    volumes:',
    '      - ./src:/data',
    '    dns:',
    '      - 8.8.8.8',
    '    healthcheck:',
    '      test: ["CMD", "false"]',
    '',
  ].join('\n');

  it('merges mappings, appends sequences, replaces commands, keys unique resources', async () => {
    const project = await projectOf({ 'compose.yaml': base, 'compose.override.yaml': override });
    const web = viewOf(project, 'compose.yaml').service('web')!;
    expect(web.data.command).toEqual(['serve', '--debug']);
    expect(web.data.environment).toEqual({ LOG_LEVEL: 'info', MODE: 'dev', EXTRA: '1' });
    expect(web.data.ports).toEqual(['8080:80', '9090:90', '3000:3000']);
    expect(web.data.volumes).toEqual(['./src:/data']);
    expect(web.data.dns).toEqual(['1.1.1.1', '8.8.8.8']);
    expect(web.data.healthcheck).toEqual({ test: ['CMD', 'false'], interval: '10s' });
    expect(web.data.labels).toEqual({ team: 'web' });
  });

  it('places every merged value on the line of the file that wrote it', async () => {
    const project = await projectOf({ 'compose.yaml': base, 'compose.override.yaml': override });
    const web = viewOf(project, 'compose.yaml').service('web')!;
    expect(web.key).toMatchObject({ in: 'compose.yaml', range: { line: 2, column: 3 } });
    expect(web.at('image')).toMatchObject({ in: 'compose.yaml', range: { line: 3 } });
    expect(web.at('command')).toMatchObject({ in: 'compose.override.yaml', range: { line: 3 } });
    expect(web.at('environment', 'LOG_LEVEL')).toMatchObject({ in: 'compose.yaml', range: { line: 6 } });
    expect(web.at('environment', 'MODE')).toMatchObject({ in: 'compose.override.yaml', range: { line: 5 } });
    expect(web.at('ports', 0)).toMatchObject({ in: 'compose.override.yaml', range: { line: 8 } });
    expect(web.at('ports', 1)).toMatchObject({ in: 'compose.yaml', range: { line: 10 } });
    expect(web.at('ports', 2)).toMatchObject({ in: 'compose.override.yaml', range: { line: 9 } });
    expect(web.at('dns', 0)).toMatchObject({ in: 'compose.yaml', range: { line: 13 } });
    expect(web.at('dns', 1)).toMatchObject({ in: 'compose.override.yaml', range: { line: 13 } });
    expect(web.at('healthcheck', 'interval')).toMatchObject({ in: 'compose.yaml', range: { line: 18 } });
    expect(web.at('healthcheck', 'test')).toMatchObject({ in: 'compose.override.yaml', range: { line: 15 } });
    // Absent values point at the closest ancestor that was set.
    expect(web.at('healthcheck', 'retries')).toMatchObject({ in: 'compose.yaml', range: { line: 16 } });
    expect(web.origin('restart')).toBeNull();
  });

  it('honours !reset and !override', async () => {
    const project = await projectOf({
      'compose.yaml': base,
      'compose.override.yaml': 'services:\n  web:\n    ports: !reset []\n    environment: !override\n      ONLY: "1"\n    healthcheck: !reset null\n',
    });
    const web = viewOf(project, 'compose.yaml').service('web')!;
    expect(web.data.ports).toBeUndefined();
    expect(web.data.healthcheck).toBeUndefined();
    expect(web.data.environment).toEqual({ ONLY: '1' });
    expect(web.at('environment', 'ONLY')).toMatchObject({ in: 'compose.override.yaml', range: { line: 5 } });
  });

  it('follows anchors and merge keys to the line that wrote the value', async () => {
    const project = await projectOf({
      'compose.yaml': 'x-common: &common\n  restart: always\n  privileged: true\nservices:\n  a:\n    <<: *common\n    image: a:1\n',
      'compose.override.yaml': 'services:\n  a:\n    environment:\n      X: "1"\n',
    });
    const a = viewOf(project, 'compose.override.yaml').service('a')!;
    expect(a.data).toMatchObject({ restart: 'always', privileged: true, environment: { X: '1' } });
    expect(a.at('privileged')).toMatchObject({ in: 'compose.yaml', range: { line: 3 } });
  });
});

describe('extends, include and .env', () => {
  it('applies extends from the same file and from another file, rebasing its build context', async () => {
    const project = await projectOf({
      'compose.yaml': [
        'services:',
        '  base:',
        '    image: app:1.0',
        '    restart: always',
        '  worker:',
        '    extends: base',
        '    command: ["work"]',
        '  api:',
        '    extends:',
        '      file: common/services.yml',
        '      service: api',
        '    environment:',
        '      B: "2"',
        '',
      ].join('\n'),
      'common/services.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      A: "1"\n',
      'common/api/Dockerfile': 'FROM node:20\n',
    });
    const view = viewOf(project, 'compose.yaml');
    expect(view.service('worker')!.data).toEqual({ image: 'app:1.0', restart: 'always', command: ['work'] });
    expect(view.service('worker')!.at('restart')).toMatchObject({ in: 'compose.yaml', range: { line: 4 } });
    const api = view.service('api')!;
    expect(api.data.build).toBe('common/api');
    expect(api.data.environment).toEqual({ A: '1', B: '2' });
    expect(api.at('environment', 'A')).toMatchObject({ in: 'common/services.yml', range: { line: 5 } });
    expect(api.partial).toBe(false);
  });

  it('marks a service whose extends cannot be resolved as partial', async () => {
    const project = await projectOf({ 'compose.yaml': 'services:\n  web:\n    extends:\n      file: ../outside.yml\n      service: web\n' });
    expect(viewOf(project, 'compose.yaml').service('web')!.partial).toBe(true);
  });

  it('adds the services of included files, which keep their own folder', async () => {
    const project = await projectOf({
      'compose.yaml': 'include:\n  - infra/db.yaml\nservices:\n  web:\n    image: app:1\n    depends_on: [db]\n',
      'infra/db.yaml': 'services:\n  db:\n    build: .\n    restart: always\n',
      'infra/Dockerfile': 'FROM postgres:16\n',
    });
    const view = viewOf(project, 'compose.yaml');
    expect(view.services.map((s) => s.name).sort()).toEqual(['db', 'web']);
    expect(view.service('db')!.dir).toBe('infra');
    expect(view.service('db')!.file.path).toBe('infra/db.yaml');
  });

  it('reads the project .env for interpolation, never executing anything', async () => {
    const project = await projectOf({
      'compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION:-15}\n',
      '.env': '# versions\nexport PG_VERSION=16.4\nGREETING="hello $(whoami)"\n',
    });
    const view = viewOf(project, 'compose.yaml');
    expect(view.envPath).toBe('.env');
    expect(view.env.get('PG_VERSION')).toBe('16.4');
    expect(view.env.get('GREETING')).toBe('hello $(whoami)');
  });
});

describe('anchors at scale', () => {
  it('merges a base and an override that reuse one anchor hundreds of times, every service judged', async () => {
    const services = Array.from({ length: 300 }, (_, i) => `  s${i}:\n    <<: *common\n    image: app:${i}`).join('\n');
    const project = await projectOf({
      'compose.yaml': `x-common: &common\n  restart: always\n  logging:\n    driver: json-file\nservices:\n${services}\n`,
      'compose.override.yaml': `x-dev: &dev\n  environment:\n    DEBUG: "1"\nservices:\n${Array.from({ length: 300 }, (_, i) => `  s${i}:\n    <<: *dev`).join('\n')}\n`,
    });
    const view = viewOf(project, 'compose.yaml');
    expect(view.services).toHaveLength(300);
    expect(view.service('s299')!.data).toEqual({ restart: 'always', logging: { driver: 'json-file' }, image: 'app:299', environment: { DEBUG: '1' } });
    expect(view.service('s299')!.at('restart')).toMatchObject({ in: 'compose.yaml', range: { line: 2 } });
    expect(view.service('s299')!.at('environment', 'DEBUG')).toMatchObject({ in: 'compose.override.yaml', range: { line: 3 } });
  });
});

describe('reviewing an override alone', () => {
  it('loads the base beside it as context: judged merged, only the override reported', async () => {
    const { review } = await import('../../src/review.js');
    const { defaultConfig } = await import('../../src/engine/config.js');
    const { allRules } = await import('../../rules/index.js');
    const ws = new MemoryWorkspace({
      'compose.yaml': 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n',
      'compose.prod.yaml': 'services:\n  web:\n    restart: always\n    healthcheck:\n      test: ["CMD", "true"]\n  extra:\n    image: redis\n',
    });
    const result = await review({ workspace: ws, paths: ['compose.prod.yaml'], config: defaultConfig(allRules), rules: allRules });
    expect(result.files.map((f) => f.path)).toEqual(['compose.prod.yaml']);
    expect(new Set(result.findings.map((f) => f.path))).toEqual(new Set(['compose.prod.yaml']));
    // `extra` is the override's own service: judged there; `web` belongs to the base, not reported here.
    expect(result.findings.some((f) => f.ruleId === 'compose-image-unpinned' && f.line === 7)).toBe(true);
    expect(result.findings.some((f) => f.message.includes('`web`'))).toBe(false);
  });
});

describe('short and long build syntax', () => {
  it('merges `build: ./api` with an override mapping as `{ context: ./api }`', async () => {
    const project = await projectOf({
      'compose.yaml': 'services:\n  api:\n    build: ./api\n',
      'compose.override.yaml': 'services:\n  api:\n    build:\n      target: dev\n',
      'api/Dockerfile-dev': 'FROM node:20 AS dev\n',
    });
    const api = viewOf(project, 'compose.yaml').service('api')!;
    expect(api.data.build).toEqual({ context: './api', target: 'dev' });
    expect(api.at('build', 'context')).toMatchObject({ in: 'compose.yaml', range: { line: 3 } });
    expect(api.at('build', 'target')).toMatchObject({ in: 'compose.override.yaml', range: { line: 4 } });
  });

  it('loads a Dockerfile with a name discovery does not know when compose builds it', async () => {
    const project = await projectOf({
      'compose.yaml': 'services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile-dev\n',
      'api/Dockerfile-dev': 'FROM node:20\n',
    });
    expect(project.byPath.get('api/Dockerfile-dev')?.kind).toBe('dockerfile');
  });
});
