import rule from '../../../rules/dockerfile/redundant-target-platform.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20-alpine\n',
    { name: 'BUILDPLATFORM is meaningful', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'a global default overrides the target platform', code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' },
    { name: 'more than the variable', code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM node:20-alpine AS web\nFROM --platform=${TARGETPLATFORM} nginx:1.27\n',
      errors: [
        { line: 1, column: 6, endColumn: 32, message: '`--platform=$TARGETPLATFORM` is the default' },
        { line: 2, message: '`--platform=${TARGETPLATFORM}`' },
      ],
      output: 'FROM node:20-alpine AS web\nFROM nginx:1.27\n',
    },
    {
      name: 'quoted value',
      code: 'FROM --platform="$TARGETPLATFORM" alpine:3.20\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'image on the next line: no fix',
      code: 'FROM --platform=$TARGETPLATFORM \\\n  alpine:3.20\n',
      errors: [{ line: 1 }],
    },
  ],
});
