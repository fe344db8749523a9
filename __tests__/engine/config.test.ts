import { ConfigError, parseConfig } from '../../src/engine/config.js';
import { allRules } from '../../rules/index.js';

describe('configuration', () => {
  it('applies fail-on, ignore, on/off and priority overrides', () => {
    const config = parseConfig(
      'fail-on: high\nignore:\n  - legacy/**\nrules:\n  maintainer-deprecated: off\n  compose-version-obsolete: medium\n',
      '.github/docker-review.yml',
      allRules,
    );
    expect(config.failOn).toBe('high');
    expect(config.ignore).toEqual(['legacy/**']);
    expect(config.rules.get('maintainer-deprecated')).toEqual({ enabled: false, priority: 'low' });
    expect(config.rules.get('compose-version-obsolete')).toEqual({ enabled: true, priority: 'medium' });
  });

  it('accepts the object form', () => {
    const config = parseConfig('rules:\n  maintainer-deprecated: { enabled: true, priority: high }\n', 'c.yml', allRules);
    expect(config.rules.get('maintainer-deprecated')).toEqual({ enabled: true, priority: 'high' });
  });

  it('explains every problem with its line', () => {
    const text = 'fail-on: sometimes\nrulez: {}\nrules:\n  maintainer-deprecatd: off\n  compose-version-obsolete: loud\n';
    let message = '';
    try {
      parseConfig(text, 'cfg.yml', allRules);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message.split('\n').sort()).toEqual([
      'cfg.yml:1: `fail-on`: must be one of `critical`, `high`, `medium`, `low`, `never`',
      'cfg.yml:2: the configuration: unknown key `rulez`',
      'cfg.yml:4: unknown rule `maintainer-deprecatd` (did you mean `maintainer-deprecated`?)',
      'cfg.yml:5: `rules.compose-version-obsolete`: must be on, off, a priority (critical, high, medium, low) or {enabled, priority}',
    ]);
  });

  it('reports invalid YAML', () => {
    expect(() => parseConfig('rules: [\n', 'c.yml', allRules)).toThrow(/c\.yml:\d+: invalid YAML/);
  });
});

describe('hostile configuration files', () => {
  it('refuses a billion-laughs or deeply nested config with a ConfigError, not a crash', async () => {
    const { readYamlConfig, ConfigError } = await import('../../src/engine/config.js');
    const levels = ['a: &a ["l","l","l","l","l","l","l","l","l"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(() => readYamlConfig(levels.join('\n'), '.github/docker-review.yml')).toThrow(ConfigError);
    expect(() => readYamlConfig('a: '.repeat(1) + '['.repeat(5000), '.github/docker-review.yml')).toThrow(ConfigError);
  });
});
