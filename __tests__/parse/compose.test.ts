import { MAX_ALIAS_COUNT, parseCompose, rangeAt, valueRange, keyRange } from '../../src/parse/compose.js';

const SOURCE = `x-env: &env
  LOG_LEVEL: info
  DB_PASSWORD: hunter2
x-base: &base
  restart: always
  environment: *env
services:
  api:
    <<: *base
    image: example/api:1.0
    ports:
      - "8080:80"
      - 9090:90
  worker:
    <<: *base
    environment:
      <<: *env
      QUEUE: jobs
`;

describe('parseCompose', () => {
  const { file, problems } = parseCompose('compose.yaml', SOURCE);

  it('parses merge keys into plain data', () => {
    expect(problems).toEqual([]);
    expect(file.services.map((s) => s.name)).toEqual(['api', 'worker']);
    expect(file.services[0].data).toMatchObject({ restart: 'always', image: 'example/api:1.0', environment: { LOG_LEVEL: 'info' } });
    expect(file.services[1].data.environment).toEqual({ LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2', QUEUE: 'jobs' });
  });

  it('places service keys', () => {
    expect(file.services[0].keyRange).toEqual({ line: 8, column: 3, endLine: 8, endColumn: 6 });
  });

  it('places a value inherited through `<<` on the anchor line that set it', () => {
    expect(rangeAt(file, ['services', 'api', 'restart']).line).toBe(5);
    expect(rangeAt(file, ['services', 'worker', 'environment', 'DB_PASSWORD'])).toEqual({ line: 3, column: 16, endLine: 3, endColumn: 23 });
    expect(rangeAt(file, ['services', 'worker', 'environment', 'QUEUE']).line).toBe(18);
  });

  it('places sequence items', () => {
    expect(valueRange(file, ['services', 'api', 'ports', 1])).toEqual({ line: 13, column: 9, endLine: 13, endColumn: 16 });
    expect(keyRange(file, ['services', 'api', 'ports'])?.line).toBe(11);
  });

  it('falls back to the closest ancestor for a missing path', () => {
    expect(rangeAt(file, ['services', 'api', 'healthcheck', 'test']).line).toBe(8);
  });

  it('accepts !reset and !override tags', () => {
    const { problems: p, file: f } = parseCompose('compose.override.yaml', 'services:\n  api:\n    ports: !reset []\n    environment: !override\n      A: "1"\n');
    expect(p).toEqual([]);
    expect(f.services[0].data).toEqual({ ports: [], environment: { A: '1' } });
  });

  it('reports invalid YAML at the failing line', () => {
    const { problems: p } = parseCompose('compose.yaml', 'services:\n  web:\n    image: nginx\n   ports: [80\n');
    expect(p.length).toBeGreaterThan(0);
    expect(p[0].message).toMatch(/^invalid YAML/);
    expect(p[0].range.line).toBeGreaterThanOrEqual(4);
  });

  it('reports duplicate keys', () => {
    const { problems: p } = parseCompose('compose.yaml', 'services:\n  web:\n    image: a\n    image: b\n');
    expect(p.map((x) => x.range.line)).toEqual([4]);
  });

  it('reviews a file that reuses one anchor hundreds of times', () => {
    const services = Array.from({ length: 400 }, (_, i) => `  s${i}:\n    <<: *common\n    image: app:${i}`).join('\n');
    const { problems: p, file: f } = parseCompose('compose.yaml', `x-common: &common\n  restart: always\nservices:\n${services}\n`);
    expect(p).toEqual([]);
    expect(f.services).toHaveLength(400);
  });

  it('rejects a billion-laughs document quickly with a clear message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const start = Date.now();
    const { problems: p } = parseCompose('compose.yaml', levels.join('\n') + '\n');
    expect(Date.now() - start).toBeLessThan(5000); // a hang guard, not a timing assertion: the real figure is in bench notes
    expect(p).toHaveLength(1);
    expect(p[0].message).toContain('alias');
    expect(p[0].message).toContain(String(MAX_ALIAS_COUNT));
  });

  it('rejects a merge-key alias bomb (`<<: [*a, *a]` chains) quickly with a clear message', () => {
    const lines = ['x0: &x0 {k: v}'];
    for (let i = 1; i <= 24; i++) lines.push(`x${i}: &x${i}\n  <<: [*x${i - 1}, *x${i - 1}]\n  k${i}: v`);
    const start = Date.now();
    const { problems: p } = parseCompose('compose.yaml', lines.join('\n') + '\nservices: {}\n');
    expect(Date.now() - start).toBeLessThan(5000); // a hang guard only
    expect(p).toHaveLength(1);
    expect(p[0].message).toContain('alias');
  });

  it('reports a top level that is not a mapping', () => {
    expect(parseCompose('compose.yaml', '- a\n- b\n').problems[0].message).toContain('mapping');
  });
});
