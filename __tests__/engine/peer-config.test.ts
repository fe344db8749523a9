// `.hadolint.yaml` mapped onto docker-review's settings, under our own `.github/docker-review.yml`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { runCli } from '../../src/cli/run.js';
import { ConfigError } from '../../src/engine/config.js';
import { parseHadolintConfig, resolveConfig } from '../../src/engine/peer-config.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Equivalents } from '../../src/engine/types.js';

const toy = (id: string, hadolint: string[], extra: { enabledByDefault?: boolean; equivalents?: Equivalents } = {}) =>
  defineRule({
    meta: {
      id, title: 't', priority: 'medium', category: 'reliability', rationale: 'r', fixable: false, appliesTo: 'dockerfile',
      equivalents: { hadolint, ...extra.equivalents }, enabledByDefault: extra.enabledByDefault,
    },
    check: () => undefined,
  });
const pinning = toy('pinning', ['DL3008', 'DL3013']);
const lists = toy('lists', ['DL3009']);
const tags = toy('tags', ['DL3006', 'DL3007']);
const taste = toy('taste', ['DL3059'], { enabledByDefault: false });
const registry = toy('registry', ['DL3026'], { enabledByDefault: false });
const other = toy('other', []);
const rules = [pinning, lists, tags, taste, registry, other];

const hadolint = (text: string) => ({ text, source: '.hadolint.yaml' });
const own = (text: string) => ({ text, source: '.github/docker-review.yml' });
const settings = (config: ReturnType<typeof resolveConfig>) =>
  Object.fromEntries([...config.rules].map(([id, s]) => [id, `${s.enabled ? 'on' : 'off'} ${s.priority}`]));
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('.hadolint.yaml', () => {
  it('ignored: the rules covering any listed code are off; unknown and ShellCheck codes are fine', () => {
    const config = resolveConfig({ hadolint: hadolint('ignored:\n  - DL3013\n  - dl3007\n  - SC2086\n  - DL9999\n') }, rules);
    expect(settings(config)).toEqual({
      pinning: 'off medium', lists: 'on medium', tags: 'off medium', taste: 'off medium', registry: 'off medium', other: 'on medium',
    });
    expect(config.notices).toEqual([]);
  });

  it('override: error → high, warning → medium, info and style → low; the strictest wins; overridden rules are on; ignored wins', () => {
    const text = 'override:\n  error: [DL3008]\n  warning: [DL3009]\n  info: [DL3006]\n  style: [DL3059, DL3013, DL3007]\nignored: [DL3007]\n';
    expect(settings(resolveConfig({ hadolint: hadolint(text) }, rules))).toEqual({
      pinning: 'on high', lists: 'on medium', tags: 'off low', taste: 'on low', registry: 'off medium', other: 'on medium',
    });
  });

  it('trustedRegistries: the list, normalised, and the rules covering DL3026 on (unless DL3026 is ignored)', () => {
    const config = resolveConfig({ hadolint: hadolint('trustedRegistries:\n  - docker.io\n  - https://My.Registry:5000/\n') }, rules);
    expect(config.trustedRegistries).toEqual(['docker.io', 'my.registry:5000']);
    expect(config.rules.get('registry')?.enabled).toBe(true);
    const ignored = resolveConfig({ hadolint: hadolint('trustedRegistries: [docker.io]\nignored: [DL3026]\n') }, rules);
    expect(ignored.rules.get('registry')?.enabled).toBe(false);
    expect(resolveConfig({}, rules).trustedRegistries).toBeNull();
  });

  it('failure-threshold maps to fail-on; no-fail means never; our fail-on wins', () => {
    const failOn = (h: string, o?: string) => resolveConfig({ hadolint: hadolint(h), own: o === undefined ? null : own(o) }, rules).failOn;
    expect(failOn('failure-threshold: error\n')).toBe('high');
    expect(failOn('failure-threshold: warning\n')).toBe('medium');
    expect(failOn('failure-threshold: info\n')).toBe('low');
    expect(failOn('failure-threshold: style\n')).toBe('low');
    expect(failOn('failure-threshold: none\n')).toBe('never');
    expect(failOn('failure-threshold: error\nno-fail: true\n')).toBe('never');
    expect(failOn('ignored: []\n')).toBe('critical');
    expect(failOn('failure-threshold: info\n', 'fail-on: high\n')).toBe('high');
    expect(failOn('failure-threshold: info\n', 'ignore: [legacy/**]\n')).toBe('low');
  });

  it('our own configuration wins on conflicts: per-rule settings, trusted-registries, and it can switch the registry rule off', () => {
    const config = resolveConfig(
      {
        hadolint: hadolint('ignored: [DL3008]\noverride:\n  error: [DL3009]\ntrustedRegistries: [docker.io]\n'),
        own: own('rules:\n  pinning: on\n  lists: low\n  registry: off\n'),
      },
      rules,
    );
    expect(settings(config)).toEqual({
      pinning: 'on medium', lists: 'on low', tags: 'on medium', taste: 'off medium', registry: 'off medium', other: 'on medium',
    });
    const mine = resolveConfig({ hadolint: hadolint('trustedRegistries: [docker.io]\n'), own: own('trusted-registries: [ghcr.io]\n') }, rules);
    expect(mine.trustedRegistries).toEqual(['ghcr.io']);
    expect(mine.rules.get('registry')?.enabled).toBe(true);
    // Our trusted-registries alone turns the rule on too.
    expect(resolveConfig({ own: own('trusted-registries: [ghcr.io]\n') }, rules).rules.get('registry')?.enabled).toBe(true);
  });

  it('keys docker-review does not use are notices with their line; disable-ignore-pragma is honoured', () => {
    const text = 'ignored: [DL3008]\nlabel-schema:\n  author: text\nstrict-labels: true\nno-color: true\nformat: json\noverride:\n  warn: [DL3009]\ndisable-ignore-pragma: true\n';
    const config = resolveConfig({ hadolint: hadolint(text) }, rules);
    expect(config.notices).toEqual([
      '.hadolint.yaml:2: `label-schema` is not used by docker-review (ignored)',
      '.hadolint.yaml:4: `strict-labels` is not used by docker-review (ignored)',
      '.hadolint.yaml:5: `no-color` is not used by docker-review (ignored)',
      '.hadolint.yaml:6: `format` is not used by docker-review (ignored)',
      '.hadolint.yaml:8: `override.warn` is not a hadolint severity (error, warning, info, style): ignored',
    ]);
    expect(config.hadolintPragmas).toBe(false);
    expect(resolveConfig({ hadolint: hadolint('ignored: []\n') }, rules).hadolintPragmas).toBe(true);
  });

  it('a rule that needs the trusted list, switched on without one, is a notice', () => {
    expect(resolveConfig({ own: own('rules:\n  registry: on\n') }, rules).notices).toEqual([
      'registry is on but no trusted registries are configured (`trusted-registries`): it has nothing to check',
    ]);
  });

  it('wrong types are errors with their line; so are invalid YAML and a file that is not a mapping', () => {
    const text = 'ignored: DL3008\ntrustedRegistries:\n  - docker.io\n  - 5000\noverride:\n  error: DL3001\nfailure-threshold: fatal\nno-fail: maybe\n';
    expect(errorOf(() => parseHadolintConfig(text, '.hadolint.yaml')).split('\n')).toEqual([
      '.hadolint.yaml:1: `ignored`: must be a list',
      '.hadolint.yaml:4: `trustedRegistries.1`: must be a rule code (text)',
      '.hadolint.yaml:6: `override.error`: must be a list',
      '.hadolint.yaml:7: `failure-threshold`: must be one of `error`, `warning`, `info`, `style`, `ignore`, `none`',
      '.hadolint.yaml:8: `no-fail`: must be boolean',
    ]);
    expect(errorOf(() => parseHadolintConfig('ignored: [DL3008\n', '.hadolint.yaml'))).toMatch(/^\.hadolint\.yaml:\d+: invalid YAML/);
    expect(errorOf(() => parseHadolintConfig('- DL3008\n', '.hadolint.yaml'))).toBe('.hadolint.yaml: must be a mapping of hadolint settings');
    // An empty file is an empty configuration.
    expect(parseHadolintConfig('', '.hadolint.yaml').ignored).toEqual([]);
  });

  it('problems in both files are reported together', () => {
    const message = errorOf(() => resolveConfig({ hadolint: hadolint('ignored: DL3008\n'), own: own('fail-on: sometimes\n') }, rules));
    expect(message.split('\n')).toEqual([
      '.hadolint.yaml:1: `ignored`: must be a list',
      '.github/docker-review.yml:1: `fail-on`: must be one of `critical`, `high`, `medium`, `low`, `never`',
    ]);
  });
});

describe('.hadolint.yaml through the CLI, with the real rules', () => {
  async function cli(files: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dr-peer-'));
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), content);
    }
    let out = '';
    let err = '';
    const code = await runCli(['.', '--root', '.', '--format', 'json', ...args], { cwd: dir, stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }
  const found = (out: string, rule: string) =>
    (JSON.parse(out) as { findings: { ruleId: string; path: string; line: number }[] }).findings.filter((f) => f.ruleId === rule).map((f) => `${f.path}:${f.line}`);
  const DOCKERFILE = 'FROM ubuntu\nFROM node:latest AS web\n';

  it('reads .hadolint.yaml (else .hadolint.yml) at the root: ignored rules are gone, notices are in the report', async () => {
    expect(found((await cli({ Dockerfile: DOCKERFILE })).out, 'base-image-unpinned')).toEqual(['Dockerfile:1', 'Dockerfile:2']);
    const yaml = await cli({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored: [DL3007]\nformat: json\n' });
    expect(found(yaml.out, 'base-image-unpinned')).toEqual([]);
    expect(JSON.parse(yaml.out).notices).toContain('.hadolint.yaml:2: `format` is not used by docker-review (ignored)');
    expect(found((await cli({ Dockerfile: DOCKERFILE, '.hadolint.yml': 'ignored: [DL3006]\n' })).out, 'base-image-unpinned')).toEqual([]);
    // Not in a subfolder.
    expect(found((await cli({ Dockerfile: DOCKERFILE, 'sub/.hadolint.yaml': 'ignored: [DL3006]\n' })).out, 'base-image-unpinned')).toHaveLength(2);
  });

  it('override and failure-threshold decide the exit code; --fail-on still wins', async () => {
    const files = { Dockerfile: DOCKERFILE, '.hadolint.yaml': 'override:\n  error: [DL3006]\nfailure-threshold: error\n' };
    const r = await cli(files);
    expect(JSON.parse(r.out).findings.find((f: { ruleId: string }) => f.ruleId === 'base-image-unpinned').priority).toBe('high');
    expect(r.code).toBe(1);
    expect((await cli(files, ['--fail-on', 'critical'])).code).toBe(0);
    expect((await cli({ ...files, '.github/docker-review.yml': 'fail-on: never\n' })).code).toBe(0);
  });

  it('trustedRegistries turns on untrusted-registry', async () => {
    const r = await cli({ Dockerfile: 'FROM ghcr.io/acme/app:1.0\nFROM python:3.12\n', '.hadolint.yaml': 'trustedRegistries: [docker.io]\n' });
    expect(found(r.out, 'untrusted-registry')).toEqual(['Dockerfile:1']);
  });

  it('inline pragmas work on the real rules', async () => {
    const plain = await cli({ Dockerfile: 'FROM ubuntu\nFROM node\nCMD node server.js\n', 'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx\n' });
    expect([...found(plain.out, 'base-image-unpinned'), ...found(plain.out, 'exec-form-cmd'), ...found(plain.out, 'compose-version-obsolete')]).toEqual([
      'Dockerfile:1', 'Dockerfile:2', 'Dockerfile:3', 'compose.yaml:1',
    ]);
    const r = await cli({
      Dockerfile: '# check=skip=JSONArgsRecommended\n# hadolint ignore=DL3006\nFROM ubuntu\nFROM node\nCMD node server.js\n',
      'compose.yaml': '# dclint disable-file\nversion: "3.8"\nservices:\n  web:\n    image: nginx\n',
    });
    expect(found(r.out, 'base-image-unpinned')).toEqual(['Dockerfile:4']);
    expect(found(r.out, 'exec-form-cmd')).toEqual([]);
    expect(found(r.out, 'compose-version-obsolete')).toEqual([]);
  });

  it('a malformed .hadolint.yaml is a configuration error naming the line (exit 2)', async () => {
    const r = await cli({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored:\n  - DL3006\noverride: [DL3007]\n' });
    expect(r.code).toBe(2);
    expect(r.err).toBe('docker-review: .hadolint.yaml:3: `override`: must be a mapping\n');
  });
});
