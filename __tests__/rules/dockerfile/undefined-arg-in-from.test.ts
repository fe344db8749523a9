import rule from '../../../rules/dockerfile/undefined-arg-in-from.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared with a default', code: 'ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\n' },
    { name: 'declared without a default', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'predefined platform ARGs', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20-$TARGETARCH\n' },
    { name: 'no variables', code: 'FROM alpine:3.20\n' },
    { name: '${X:?} fails the build on purpose', code: 'FROM alpine:${TAG:?set TAG}\n' },
  ],
  invalid: [
    {
      name: 'undeclared',
      code: 'FROM node:22${VARIANT} AS jsbuilder\n',
      errors: [{ line: 1, column: 13, endColumn: 23, message: '`$VARIANT` in `FROM` is not declared by an `ARG` before the first `FROM`: it is always empty' }],
    },
    {
      name: 'misspelled platform ARG',
      code: 'FROM --platform=$BUILDPLATFROM golang:1.22 AS build\n',
      errors: [{ line: 1, column: 17, endColumn: 31, message: 'did you mean `$BUILDPLATFORM`?' }],
    },
    {
      name: 'misspelled global ARG, with a default',
      code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERISON:-3.11}-slim\n',
      errors: [{ line: 2, column: 13, message: /always unset \(the default is always used\).*did you mean `\$PYTHON_VERSION`/ }],
    },
    {
      name: 'an ARG inside an earlier stage does not count',
      code: 'FROM alpine:3.20 AS base\nARG TAG=3.20\nFROM alpine:$TAG\n',
      errors: [{ line: 3, column: 13, message: 'an `ARG` inside an earlier stage does not count' }],
    },
    {
      name: 'ARG declared after the first FROM, on a continued FROM',
      code: 'FROM alpine:3.20\nARG REGISTRY=ghcr.io\nFROM \\\n  $REGISTRY/org/app:1\n',
      errors: [{ line: 4, column: 3, endColumn: 12 }],
    },
  ],
});
