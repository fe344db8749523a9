import rule from '../../../rules/dockerfile/invalid-default-arg-in-from.js';
import { invalidReference } from '../../../rules/dockerfile/lib/reference.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'default supplies the tag', code: 'ARG TAG=3.20\nFROM alpine:${TAG}\n' },
    { name: 'optional tag written with :+', code: 'ARG TAG\nFROM alpine${TAG:+:${TAG}}\n' },
    { name: 'default in the reference', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'defaults built from earlier ARGs', code: 'ARG VERSION=3.12\nARG IMAGE=python:${VERSION}-slim\nFROM $IMAGE\n' },
    { name: 'a stage chosen by an ARG', code: 'ARG MODE=prod\nFROM alpine:3.20 AS base-prod\nFROM base-${MODE}\n' },
    { name: 'platform ARGs have values', code: 'FROM --platform=$BUILDPLATFORM golang:1.22-${TARGETOS} AS build\n' },
    { name: 'variant-dependent: not judged', code: 'FROM arm32v${TARGETVARIANT}/alpine\n' },
    { name: 'no variables', code: 'FROM alpine:3.20\n' },
    { name: 'an undeclared ARG is undefined-arg-in-from\'s', code: 'FROM alpine:${TAG}\n' },
  ],
  invalid: [
    {
      name: 'ARG without default leaves an empty tag',
      code: 'ARG TAG\nFROM alpine:${TAG}\n',
      errors: [{ line: 2, column: 6, endColumn: 19, message: '`alpine:${TAG}` becomes `alpine:`, which is not a valid image reference (the tag is empty): `TAG` has no default' }],
    },
    {
      name: 'empty image',
      code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS app\n',
      errors: [{ line: 2, message: 'becomes ``, which is not a valid image reference (it is empty)' }],
    },
    {
      name: 'registry prefix without default',
      code: 'ARG REGISTRY\nARG TAG=1.0\nFROM $REGISTRY/team/app:$TAG\n',
      errors: [{ line: 3, message: '`/team/app:1.0`' }],
    },
    {
      name: 'upper case from a default',
      code: 'ARG NAME=MyApp\nFROM org/${NAME}:1\n',
      errors: [{ line: 2, message: 'must be lower case' }],
    },
    {
      name: 'an explicitly empty default',
      code: 'ARG TAG=""\nFROM node:$TAG\n',
      errors: [{ line: 2, message: '`TAG` has no default' }],
    },
  ],
});

describe('invalidReference', () => {
  it.each([
    ['alpine', null],
    ['alpine:3.20', null],
    ['ghcr.io/org/app:v1.2.3', null],
    ['localhost:5000/app', null],
    ['registry.example.com:443/a/b/c@sha256:' + 'a'.repeat(64), null],
    ['my_org/app__x', null],
    ['alpine:', 'the tag is empty'],
    ['/app', 'a path component is empty'],
    ['Alpine', 'the repository name must be lower case'],
    ['a'.repeat(64).replace(/a/g, 'f'), 'a 64-character hex string is an image ID, not a reference'],
    ['alpine:3.20@', 'the digest is empty'],
    ['alpine:-x', 'it does not match the reference format'],
  ])('%s', (ref, expected) => expect(invalidReference(ref)).toBe(expected));
});
