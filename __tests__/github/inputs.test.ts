import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { InputError, readInputs } from '../../src/github/inputs.js';

const defaults = (): Record<string, string> => {
  const action = parse(readFileSync(path.resolve('action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
};

describe('inputs', () => {
  it('action.yml defaults give the documented settings', () => {
    const inputs = readInputs((name) => ({ ...defaults(), 'github-token': 'tok' })[name] ?? '');
    expect(inputs).toEqual({
      token: 'tok',
      paths: ['.'],
      configPath: '.github/docker-review.yml',
      failOn: null,
      filterMode: 'added',
      maxComments: 30,
      checkName: 'Docker Review',
      trackingIssue: false,
      comments: true,
    });
  });

  it('parses lists, booleans and reviewdog spellings', () => {
    const inputs = readInputs((name) => ({ path: 'a, b\nc', 'filter-mode': 'diff-context', comments: 'False', 'tracking-issue': 'TRUE', 'max-comments': '0', 'fail-on': 'HIGH' })[name] ?? '');
    expect(inputs).toMatchObject({ paths: ['a', 'b', 'c'], filterMode: 'diff_context', comments: false, trackingIssue: true, maxComments: 0, failOn: 'high' });
  });

  it.each([
    ['fail-on', 'sometimes'],
    ['filter-mode', 'changed'],
    ['max-comments', '-1'],
    ['max-comments', 'ten'],
    ['comments', 'maybe'],
  ])('refuses %s: %s, naming the input', (name, value) => {
    expect(() => readInputs((n) => (n === name ? value : ''))).toThrow(InputError);
    expect(() => readInputs((n) => (n === name ? value : ''))).toThrow(name);
  });
});
