import { parseDockerfile, stageAncestry, targetStage } from '../../src/parse/dockerfile.js';
import { expandVariables, parseImageRef } from '../../src/parse/image.js';

describe('parseDockerfile', () => {
  const { file, problems } = parseDockerfile('Dockerfile', [
    'ARG BASE=python:3.12-slim',
    'ARG UNSET',
    'FROM ${BASE} AS build',
    'RUN pip install x',
    'FROM build AS test',
    'FROM node:${NODE:-20}-alpine as web',
    'FROM ${UNSET}',
    'FROM scratch',
    '',
  ].join('\n'));

  it('groups instructions into stages', () => {
    expect(problems).toEqual([]);
    expect(file.stages.map((s) => [s.name, s.instructions.length, s.isFinal])).toEqual([
      ['build', 2, false], ['test', 1, false], ['web', 1, false], [null, 1, false], [null, 1, true],
    ]);
  });

  it('resolves base images through ARG defaults', () => {
    expect(file.stages[0].base.ref).toMatchObject({ name: 'python', tag: '3.12-slim' });
    expect(file.stages[2].base.ref).toMatchObject({ name: 'node', tag: '20-alpine' });
    expect(file.stages[3].base.unresolved).toBe(true);
    expect(file.stages[4].base.isScratch).toBe(true);
  });

  it('expands global ARG defaults that use earlier ARGs', () => {
    const { file: f } = parseDockerfile('Dockerfile', 'ARG V=3.12\nARG BASE=python:${V}-slim\nARG NOPE\nARG OTHER=node:$NOPE\nFROM ${BASE}\nFROM ${OTHER}\n');
    expect(f.globalArgs.get('BASE')).toBe('python:3.12-slim');
    expect(f.stages[0].base.ref).toMatchObject({ name: 'python', tag: '3.12-slim' });
    expect(f.globalArgs.get('OTHER')).toBeNull();
    expect(f.stages[1].base.unresolved).toBe(true);
  });

  it('links stages built on earlier stages', () => {
    expect(file.stages[1].base.stage?.name).toBe('build');
    expect(stageAncestry(file.stages[1]).map((s) => s.name)).toEqual(['test', 'build']);
    expect(targetStage(file, 'WEB')?.name).toBe('web');
    expect(targetStage(file)?.index).toBe(4);
  });

  it('reports unknown instructions and instructions before FROM', () => {
    const { problems: p } = parseDockerfile('Dockerfile', 'RUN echo hi\nFROM alpine:3.20\nCOPPY . .\n');
    expect(p.map((x) => [x.range.line, x.message])).toEqual([
      [1, '`RUN` before the first FROM: only ARG may come before FROM'],
      [3, 'unknown instruction `COPPY`'],
    ]);
  });

  it('reports a file without FROM', () => {
    expect(parseDockerfile('Dockerfile', '# nothing\nARG A=1\n').problems[0].message).toContain('no FROM');
  });
});

describe('image references', () => {
  it.each([
    ['nginx', { registry: null, name: 'nginx', tag: null, digest: null }],
    ['nginx:1.27-alpine', { registry: null, name: 'nginx', tag: '1.27-alpine', digest: null }],
    ['ghcr.io/org/app:v1@sha256:abc', { registry: 'ghcr.io', name: 'org/app', tag: 'v1', digest: 'sha256:abc' }],
    ['localhost:5000/app', { registry: 'localhost:5000', name: 'app', tag: null, digest: null }],
    ['library/redis:7', { registry: null, name: 'library/redis', tag: '7', digest: null }],
  ])('%s', (raw, expected) => expect(parseImageRef(raw)).toMatchObject(expected));

  it('expands Dockerfile variables', () => {
    const vars: Record<string, string> = { A: 'x', EMPTY: '' };
    const look = (n: string) => vars[n];
    expect(expandVariables('$A-${A}-${B:-d}-${EMPTY:-e}-${EMPTY-f}-${A:+alt}-${B:+alt}', look)).toEqual({ value: 'x-x-d-e--alt-', unresolved: false });
    expect(expandVariables('img:${TAG}', look)).toEqual({ value: 'img:', unresolved: true });
    // Words are expanded, nested braces included; an unused branch does not make the result unresolved.
    expect(expandVariables('alpine${A:+:${A}}|alpine${B:+:${B}}|${B:-$A}|${A:-$NOPE}', look)).toEqual({ value: 'alpine:x|alpine|x|x', unresolved: false });
    expect(expandVariables('${B:-$NOPE}', look)).toEqual({ value: '', unresolved: true });
    // Modifiers the frontend supports but we do not evaluate stay as written.
    expect(expandVariables('${A%.*}-$', look)).toEqual({ value: '${A%.*}-$', unresolved: false });
  });
});

describe('variablesAt', () => {
  it('gives every value of one ENV the variables as they were before it, as Docker does', async () => {
    const { variablesAt } = await import('../../src/parse/dockerfile.js');
    const { file } = parseDockerfile('Dockerfile', 'FROM alpine:3.20\nENV A=1 B=$A\nENV C=$A D=${B:-unset}\nRUN true\n');
    const stage = file.stages[0];
    const vars = variablesAt(file, stage, stage.instructions[stage.instructions.length - 1]);
    expect(vars.get('A')).toBe('1');
    // Not 1: A was not set before that ENV (only the base image could have set it, so B is unknown).
    expect(vars.get('B')).toBeNull();
    expect(vars.get('C')).toBe('1');
  });
});
