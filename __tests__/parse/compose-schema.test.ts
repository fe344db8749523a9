// The Compose schema validator is generated at build time (compiling the schema at run time costs ~300 ms): the
// committed module must equal a fresh generation from the installed schema package and Ajv.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_SOURCE, validate } from '../../src/parse/generated/compose-schema-validator.js';

const ROOT = path.resolve(process.cwd());

describe('generated compose schema validator', () => {
  it('is up to date (`npm run gen:schema` regenerates it)', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-compose-schema.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('comes from the installed schema package', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', SCHEMA_SOURCE.package, 'package.json'), 'utf8'));
    expect(SCHEMA_SOURCE.version).toBe(pkg.version);
  });

  it('imports nothing at run time', () => {
    const code = readFileSync(path.join(ROOT, 'src/parse/generated/compose-schema-validator.js'), 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('validates', () => {
    expect(validate({ services: { web: { image: 'nginx:1.27', ports: ['80:80'] } } })).toBe(true);
    expect(validate({ services: { web: { image: 'nginx:1.27', restart: 5 } } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/services/web/restart', keyword: 'type' });
  });
});
