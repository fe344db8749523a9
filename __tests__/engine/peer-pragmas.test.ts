// Peers' inline pragmas, mapped through `meta.equivalents`: hadolint, BuildKit's check directive, dclint.
import { defaultConfig, type ResolvedConfig } from '../../src/engine/config.js';
import { defineRule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import type { Equivalents } from '../../src/engine/types.js';
import { loadProject } from '../../src/model/project.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { discover } from '../../src/workspace/discover.js';
import { MemoryWorkspace } from '../../src/workspace/memory.js';

const meta = <K extends 'dockerfile' | 'compose'>(id: string, equivalents: Equivalents, appliesTo: K) =>
  ({ id, title: 't', priority: 'low', category: 'maintainability', rationale: 'r', fixable: false, equivalents, appliesTo }) as const;

// Toy rules with known peer codes: every RUN on its first line, every RUN on its last line, every FROM, every service.
const runFirst = defineRule({
  meta: meta('run-first', { hadolint: ['DL3008'] }, 'dockerfile'),
  check(ctx) {
    for (const i of ctx.file.instructions) if (i.getKeyword() === 'RUN') ctx.report({ range: rangeOf(i), message: 'run' });
  },
});
const runLast = defineRule({
  meta: meta('run-last', { hadolint: ['DL3015', 'DL3009'], buildkit: ['UndefinedVar'] }, 'dockerfile'),
  check(ctx) {
    for (const i of ctx.file.instructions) if (i.getKeyword() === 'RUN') ctx.report({ range: { ...rangeOf(i), line: rangeOf(i).endLine }, message: 'run' });
  },
});
const everyFrom = defineRule({
  meta: meta('every-from', { hadolint: ['DL3006', 'DL3007'], buildkit: ['FromAsCasing', 'StageNameCasing'] }, 'dockerfile'),
  check(ctx) {
    for (const s of ctx.file.stages) ctx.report({ range: rangeOf(s.from), message: 'from' });
  },
});
const plainRun = defineRule({
  meta: meta('plain-run', {}, 'dockerfile'),
  check(ctx) {
    for (const i of ctx.file.instructions) if (i.getKeyword() === 'RUN') ctx.report({ range: rangeOf(i), message: 'run' });
  },
});
const serviceA = defineRule({
  meta: meta('service-a', { dclint: ['no-version-field'] }, 'compose'),
  check(ctx) {
    for (const s of ctx.file.services) ctx.report({ range: s.keyRange, message: s.name });
  },
});
const serviceB = defineRule({
  meta: meta('service-b', { dclint: ['service-image-require-explicit-tag', 'no-build-and-image'] }, 'compose'),
  check(ctx) {
    for (const s of ctx.file.services) ctx.report({ range: s.keyRange, message: s.name });
  },
});
const plainService = defineRule({
  meta: meta('plain-service', { hadolint: ['DL3008'] }, 'compose'),
  check(ctx) {
    for (const s of ctx.file.services) ctx.report({ range: s.keyRange, message: s.name });
  },
});
const rules = [runFirst, runLast, everyFrom, plainRun, serviceA, serviceB, plainService];

/** `rule: [lines]` of the findings left in the one file given. */
async function lines(name: string, text: string, tweak?: (config: ResolvedConfig) => void): Promise<Record<string, number[]>> {
  const ws = new MemoryWorkspace({ [name]: text });
  const project = await loadProject(ws, (await discover(ws, ['.'])).files);
  expect(project.problems).toEqual([]);
  const config = defaultConfig(rules);
  tweak?.(config);
  const { findings } = runRules(project, rules, config);
  const out: Record<string, number[]> = {};
  for (const f of findings) (out[f.ruleId] ??= []).push(f.line);
  return out;
}
const dockerfile = (...l: string[]) => lines('Dockerfile', `${l.join('\n')}\n`);
const compose = (...l: string[]) => lines('compose.yaml', `${l.join('\n')}\n`);

describe('hadolint pragmas', () => {
  it('ignore= covers the whole next instruction for rules naming any listed code; blanks variants; SC codes are accepted', async () => {
    expect(
      await dockerfile(
        'FROM alpine:3.20', //                             1
        '# hadolint ignore=DL3008,DL3015', //              2  run-first (DL3008) and run-last (DL3015) on 3-4
        'RUN apt-get install \\', //                       3
        '    curl', //                                     4
        'RUN true', //                                     5
        '#hadolint ignore=DL3009, SC2086', //              6  run-last (DL3009) on 7
        'RUN a', //                                        7
        '   #   hadolint   ignore = DL3008 # why: pinned', // 8  blank and comment lines may separate it
        '',
        '# another comment', //                            10
        'RUN b', //                                        11
        '# hadolint ignore=SC2086', //                     12 ShellCheck only: nothing
        'RUN c', //                                        13
      ),
    ).toEqual({ 'every-from': [1], 'run-first': [5, 7, 13], 'run-last': [5, 11, 13], 'plain-run': [3, 5, 7, 11, 13] });
    // Only the next instruction: RUN 5 is not covered by the pragma on line 2.
  });

  it('is not fooled by lookalikes: no `=`, lower-case codes, a trailing word, a pragma inside a continued RUN, text in a RUN', async () => {
    expect(
      await dockerfile(
        'FROM alpine:3.20',
        '# hadolint ignore DL3008', //                     2
        'RUN a', //                                        3
        '# hadolint ignore=dl3008', //                     4
        'RUN b', //                                        5
        '# hadolint ignore=DL3008 because', //             6
        'RUN c', //                                        7
        'RUN d \\', //                                     8
        '  # hadolint ignore=DL3008', //                   9  inside RUN 8: covers nothing (hadolint reports on line 8)
        '  && e', //                                       10
        'RUN echo "# hadolint ignore=DL3008"', //          11
        'RUN f', //                                        12
      ),
    ).toEqual({ 'every-from': [1], 'run-first': [3, 5, 7, 8, 11, 12], 'run-last': [3, 5, 7, 10, 11, 12], 'plain-run': [3, 5, 7, 8, 11, 12] });
  });

  it('a pragma on the first line (taken for a parser directive by dockerfile-ast) still covers the FROM below it', async () => {
    expect(await dockerfile('# hadolint ignore=DL3006', 'FROM ubuntu', 'FROM node')).toEqual({ 'every-from': [3] });
    expect(await dockerfile('# syntax=docker/dockerfile:1', '#hadolint ignore=DL3007, DL3008', 'FROM ubuntu:latest', 'RUN a')).toEqual({
      'run-first': [4], 'run-last': [4], 'plain-run': [4],
    });
  });

  it('stage ignore= before a FROM covers that stage; in the middle of a stage, the rest of it', async () => {
    expect(
      await dockerfile(
        'FROM alpine:3.20 AS build', //                    1
        'RUN a', //                                        2
        '# hadolint stage ignore=DL3008,DL3006', //        3
        'FROM alpine:3.20 AS second', //                   4  every-from (DL3006) covered too
        'RUN b', //                                        5
        '',
        'RUN c', //                                        7
        'FROM alpine:3.20', //                             8
        'RUN d', //                                        9
        '# hadolint stage ignore=DL3009', //               10
        'RUN e', //                                        11
        'FROM alpine:3.20', //                             12
        'RUN f', //                                        13
      ),
    ).toEqual({
      'every-from': [1, 8, 12],
      'run-first': [2, 9, 11, 13],
      'run-last': [2, 5, 7, 9, 13],
      'plain-run': [2, 5, 7, 9, 11, 13],
    });
  });

  it('global ignore= anywhere covers the whole file', async () => {
    expect(await dockerfile('FROM alpine:3.20', 'RUN a', 'FROM alpine:3.20', '# hadolint global ignore=DL3008', 'RUN b')).toEqual({
      'every-from': [1, 3], 'run-last': [2, 5], 'plain-run': [2, 5],
    });
  });

  it('disable-ignore-pragma (from .hadolint.yaml) turns them off; our own directives and check=skip still apply', async () => {
    const text = '# check=skip=FromAsCasing\nFROM alpine:3.20\n# hadolint global ignore=DL3008\n# docker-review-disable-next-line plain-run\nRUN a\n';
    expect(await lines('Dockerfile', text, (c) => (c.hadolintPragmas = false))).toEqual({ 'run-first': [5], 'run-last': [5] });
    expect(await lines('Dockerfile', text)).toEqual({ 'run-last': [5] });
  });
});

describe('BuildKit check directive', () => {
  it('skip=A,B covers the file for rules naming A or B; error=true changes nothing', async () => {
    expect(await dockerfile('# syntax=docker/dockerfile:1', '# check=skip=FromAsCasing,UndefinedVar;error=true', 'FROM alpine AS x', 'RUN a')).toEqual({
      'run-first': [4], 'plain-run': [4],
    });
  });

  it('skip=all covers every rule with a BuildKit equivalent, and only those; blanks and case as BuildKit allows', async () => {
    expect(await dockerfile('#CHECK = skip= all ', 'FROM alpine', 'RUN a')).toEqual({ 'run-first': [3], 'plain-run': [3] });
    expect(await dockerfile('# escape=`', '# check=error=true;skip=StageNameCasing', 'FROM alpine', 'RUN a')).toEqual({
      'run-first': [4], 'run-last': [4], 'plain-run': [4],
    });
  });

  it('only among the parser directives at the top of the file, as BuildKit reads them', async () => {
    const all = { 'every-from': [3], 'run-first': [4], 'run-last': [4], 'plain-run': [4] };
    expect(await dockerfile('# a comment', '# check=skip=all', 'FROM alpine', 'RUN a')).toEqual(all);
    expect(await dockerfile('', '# check=skip=all', 'FROM alpine', 'RUN a')).toEqual(all);
    expect(await dockerfile('FROM alpine', '# check=skip=all', 'FROM alpine', 'RUN a')).toEqual({ ...all, 'every-from': [1, 3] });
    // An unknown directive ends BuildKit's directives (the hadolint pragma itself still covers the FROM below).
    expect(await dockerfile('# hadolint ignore=DL3006', '# check=skip=all', 'FROM alpine', 'RUN a')).toEqual({ 'run-first': [4], 'run-last': [4], 'plain-run': [4] });
    // check= without skip skips nothing.
    expect(await dockerfile('# check=error=true', 'FROM alpine', 'RUN a')).toEqual({ 'every-from': [2], 'run-first': [3], 'run-last': [3], 'plain-run': [3] });
  });
});

describe('dclint pragmas in compose files', () => {
  const services = ['services:', '  api:', '    image: a', '  db:', '    image: b'];

  it('disable [rules] on the first line covers the file for those rules', async () => {
    expect(await compose('# dclint disable no-version-field', ...services)).toEqual({ 'service-b': [3, 5], 'plain-service': [3, 5] });
    expect(await compose('# dclint disable no-build-and-image no-version-field', ...services)).toEqual({ 'plain-service': [3, 5] });
  });

  it('disable with no rule, and disable-file, cover every rule with a dclint equivalent; `---` and blank lines may come first', async () => {
    expect(await compose('# dclint disable', ...services)).toEqual({ 'plain-service': [3, 5] });
    expect(await compose('---', '', '# dclint disable-file', ...services)).toEqual({ 'plain-service': [5, 7] });
  });

  it('disable and disable-file below the first line do nothing (as in dclint)', async () => {
    const all = { 'service-a': [3, 5], 'service-b': [3, 5], 'plain-service': [3, 5] };
    expect(await compose('services:', '  # dclint disable', '  api:', '    image: a', '  db:', '    image: b')).toEqual(all);
    expect(await compose('services:', '  api:', '    image: a', '  db:', '    image: b', '# dclint disable-file')).toEqual({
      'service-a': [2, 4], 'service-b': [2, 4], 'plain-service': [2, 4],
    });
  });

  it('disable-line: on its own line, the next line; after a value, its own line; never inside a string', async () => {
    expect(
      await compose(
        'services:', //                                                  1
        '  # dclint disable-line service-image-require-explicit-tag', // 2
        '  api:', //                                                     3  service-b only
        '    image: a', //                                               4
        '  db: # dclint disable-line', //                                5  every dclint-covered rule
        '    image: b', //                                               6
        '  web:', //                                                     7
        '    command: "# dclint disable-line"', //                       8
        '    image: c', //                                               9
        '  cache:', //                                                   10
        '    image: d', //                                               11
      ),
    ).toEqual({ 'service-a': [3, 7, 10], 'service-b': [7, 10], 'plain-service': [3, 5, 7, 10] });
  });

  it('never silence a file that does not parse (dclint reports invalid YAML whatever its comments say)', async () => {
    const ws = new MemoryWorkspace({ 'compose.yaml': '# dclint disable-file\nservices:\n  api: [\n', Dockerfile: '# hadolint global ignore=DL1000\nFROM alpine:3.20\nRUNN x\n' });
    const project = await loadProject(ws, (await discover(ws, ['.'])).files);
    const { findings } = runRules(project, rules, defaultConfig(rules));
    expect(findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.path}:${f.line}`)).toEqual(['Dockerfile:3', 'compose.yaml:4']);
  });

  it('hadolint pragmas do nothing in compose files', async () => {
    expect(await compose('# hadolint global ignore=DL3008', ...services)).toEqual({ 'service-a': [3, 5], 'service-b': [3, 5], 'plain-service': [3, 5] });
  });
});
