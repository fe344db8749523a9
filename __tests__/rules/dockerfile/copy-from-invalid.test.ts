import rule from '../../../rules/dockerfile/copy-from-invalid.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    { name: 'index of an earlier stage; stage names are case-insensitive', code: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=0 /app /app\nCOPY --from=BUILD /app /app2\n' },
    { name: 'images', code: 'FROM alpine:3.20\nCOPY --from=gloursdocker/docker / /\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\n' },
    { name: 'a stage defined later (BuildKit resolves it)', code: 'FROM alpine:3.20\nCOPY --from=assets /dist /srv\nFROM node:20 AS assets\n' },
    { name: 'through an ARG', code: 'ARG BUILDER=build\nFROM golang:1.22 AS build\nFROM alpine:3.20\nARG BUILDER\nCOPY --from=${BUILDER} /app /app\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /x /x\n' },
    { name: 'RUN --mount from a stage', code: 'FROM node:20 AS deps\nFROM node:20\nRUN --mount=type=bind,from=deps,source=/app/node_modules,target=/app/node_modules npm run build\n' },
    {
      name: 'a named context from compose additional_contexts',
      code: 'FROM alpine:3.20\nCOPY --from=shared /lib /lib\n',
      files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        shared: ../shared\n' },
    },
  ],
  invalid: [
    {
      name: 'typo in a stage name',
      code: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n',
      errors: [{ line: 4, column: 13, endColumn: 20, message: '`--from=buidler` names no stage of this Dockerfile (did you mean `builder`?)' }],
    },
    {
      name: 'own stage, by name and by index',
      code: 'FROM node:20 AS build\nCOPY --from=build /a /b\nFROM alpine:3.20\ncopy --from=1 /a /b\n',
      errors: [{ line: 2, message: 'circular dependency' }, { line: 4, message: 'circular dependency' }],
    },
    { name: 'index out of range', code: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=5 /a /b\n', errors: [{ line: 3, message: 'has 2 stages' }] },
    {
      name: 'RUN --mount from an unknown stage, on a continuation line',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=bind,from=depz,target=/deps \\\n    npm ci\n',
      errors: [{ line: 3, message: '`--from=depz`' }],
    },
  ],
});
