// untrusted-registry needs a trusted list from the configuration, so it runs here through review() with one.
import rule, { isTrusted } from '../../../rules/dockerfile/untrusted-registry.js';
import { findingsOf } from '../../helpers/rule-tester.js';
import { defaultConfig } from '../../../src/engine/config.js';
import { review } from '../../../src/review.js';
import { MemoryWorkspace } from '../../../src/workspace/memory.js';

async function run(code: string, trusted: string[]): Promise<string[]> {
  const config = defaultConfig([rule]);
  config.rules.get(rule.meta.id)!.enabled = true;
  config.trustedRegistries = trusted;
  const result = await review({ workspace: new MemoryWorkspace({ Dockerfile: code }), paths: ['.'], config, rules: [rule] });
  expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  return result.findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.priority} ${f.message}`);
}

describe('untrusted-registry', () => {
  it('finds nothing without a trusted list, even when switched on', async () => {
    expect(await findingsOf(rule, { Dockerfile: 'FROM evil.example.com/x:1\n' }, 'Dockerfile')).toEqual([]);
  });

  it('passes images from trusted registries, Docker Hub under its names, wildcards, scratch and stages', async () => {
    const code = [
      'ARG BASE=registry.example.com/base/node:20',
      'FROM ${BASE} AS deps',
      'FROM eu.mirror.example.com/acme/tool:1.2 AS tool',
      'FROM python:3.12-slim AS py',
      'FROM docker.io/library/alpine:3.20',
      'FROM index.docker.io/library/debian:12',
      'FROM REGISTRY.EXAMPLE.COM/base/go:1.22',
      'FROM deps',
      'FROM scratch',
      'ARG UNSET',
      '',
    ].join('\n');
    expect(await run(code, ['registry.example.com', '*.mirror.example.com', 'docker.io'])).toEqual([]);
    expect(await run('FROM ghcr.io/acme/x:1\nFROM quay.io/y/z:2\n', ['*'])).toEqual([]);
  });

  it('flags images from other registries, and Docker Hub when it is not listed, with exact columns', async () => {
    const code = [
      'FROM node:20-alpine',
      'FROM ghcr.io/acme/tool:1.2 AS tool',
      'FROM registry.example.com:5000/team/app:1',
      'FROM mirror.example.com/x:1',
      'FROM --platform=linux/amd64 quay.io/org/img@sha256:0123',
      '',
    ].join('\n');
    expect(await run(code, ['registry.example.com', '*.mirror.example.com'])).toEqual([
      '1:6-20 medium base image `node:20-alpine` comes from Docker Hub (`docker.io`, no registry named), which is not a trusted registry (trusted: `registry.example.com`, `*.mirror.example.com`)',
      '2:6-27 medium base image `ghcr.io/acme/tool:1.2` comes from `ghcr.io`, which is not a trusted registry (trusted: `registry.example.com`, `*.mirror.example.com`)',
      '3:6-42 medium base image `registry.example.com:5000/team/app:1` comes from `registry.example.com:5000`, which is not a trusted registry (trusted: `registry.example.com`, `*.mirror.example.com`)',
      '4:6-28 medium base image `mirror.example.com/x:1` comes from `mirror.example.com`, which is not a trusted registry (trusted: `registry.example.com`, `*.mirror.example.com`)',
      '5:29-56 medium base image `quay.io/org/img@sha256:0123` comes from `quay.io`, which is not a trusted registry (trusted: `registry.example.com`, `*.mirror.example.com`)',
    ]);
  });

  it('judges the image after ARG expansion', async () => {
    const code = 'ARG REGISTRY=ghcr.io\nARG TAG=1\nFROM ${REGISTRY}/acme/app:${TAG}\n';
    expect(await run(code, ['docker.io'])).toEqual([
      '3:6-33 medium base image `ghcr.io/acme/app:1` (`${REGISTRY}/acme/app:${TAG}` after ARG expansion) comes from `ghcr.io`, which is not a trusted registry (trusted: `docker.io`)',
    ]);
  });

  it('matches registries exactly, by subdomain wildcard, or as Docker Hub aliases', () => {
    expect(isTrusted('docker.io', ['hub.docker.com'])).toBe(true);
    expect(isTrusted('registry-1.docker.io', ['docker.io'])).toBe(true);
    expect(isTrusted('a.b.example.com', ['*.example.com'])).toBe(true);
    expect(isTrusted('example.com', ['*.example.com'])).toBe(false);
    expect(isTrusted('badexample.com', ['*.example.com'])).toBe(false);
    expect(isTrusted('registry.example.com:5000', ['registry.example.com'])).toBe(false);
  });
});
