import rule from '../../../rules/dockerfile/from-platform-constant.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20-alpine\n',
    { name: 'variables', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n' },
    { name: 'stage named after its architecture', code: 'FROM --platform=linux/amd64 debian:12 AS build-amd64\n' },
    { name: 'stage named after its os', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools\n' },
    { name: 'not a platform: left to the build', code: 'FROM --platform=foo/bar alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 node:20-alpine AS build\nFROM --platform=arm64 nginx:1.27\n',
      errors: [
        { line: 1, column: 6, endColumn: 28, message: '`FROM --platform=linux/amd64` pins this stage to one platform' },
        { line: 2, message: '`FROM --platform=arm64`' },
      ],
    },
    {
      name: 'aliases are normalised before comparing with the stage name',
      code: 'FROM --platform=linux/x86_64 debian:12 AS build-arm64\n',
      errors: [{ line: 1 }],
    },
  ],
});
