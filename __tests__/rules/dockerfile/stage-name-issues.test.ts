import rule from '../../../rules/dockerfile/stage-name-issues.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20 AS deps\nFROM node:20 AS build\nFROM nginx:1.27 AS web\n',
    { name: 'unnamed stages', code: 'FROM golang:1.22\nFROM scratch\n' },
    { name: 'a stage built FROM scratch is fine', code: 'FROM scratch AS rootfs\nCOPY rootfs/ /\n' },
  ],
  invalid: [
    {
      name: 'duplicate, case-insensitive',
      code: 'FROM debian:12 AS builder\nRUN make\n\nFROM golang:1.22 as Builder\nRUN go build\nFROM alpine:3.20\nCOPY --from=builder /out /out\n',
      errors: [{ line: 4, column: 21, endColumn: 28, message: 'already used by the stage on line 1' }],
    },
    {
      name: 'reserved names',
      code: 'FROM alpine:3.20 AS scratch\nFROM alpine:3.20 AS Context\n',
      errors: [
        { line: 1, column: 21, message: '`scratch` is reserved' },
        { line: 2, message: '`Context` is reserved' },
      ],
    },
    {
      name: 'three with the same name, on continuation lines',
      code: 'FROM a:1 AS x\nFROM b:1 \\\n  AS x\nFROM c:1 AS x\n',
      errors: [{ line: 3, message: 'line 1' }, { line: 4, message: 'line 1' }],
    },
  ],
});
