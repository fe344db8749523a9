import rule from '../../../rules/dockerfile/user-root.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'every compose service building the final stage runs it as an unprivileged user:',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    user: "1000:1000"\n' },
      path: 'Dockerfile',
      code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'a root development target set only in a dev override is not judged',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', 'compose.override.yaml': 'services:\n  api:\n    build:\n      target: development\n' },
      path: 'Dockerfile',
      code: 'FROM python:3.12-slim AS base\nFROM base AS development\nCMD ["flask", "run"]\nFROM base AS production\nRUN useradd --system app\nUSER app\n',
    },
    'FROM python:3.12-slim\nRUN useradd --system app\nUSER app\nCMD ["python", "app.py"]\n',
    {
      name: 'root in the builder stage is fine',
      code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /out/app .\n\nFROM debian:12-slim\nCOPY --from=build /out/app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'the final stage inherits a non-root USER from the stage it builds on',
      code: 'FROM node:20-alpine AS base\nUSER node\n\nFROM base AS runtime\nCOPY --chown=node . /home/node/app\nCMD ["node", "server.js"]\n',
    },
    { name: 'USER root, then a non-root user', code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER nobody\n' },
    { name: 'lower-case keyword', code: 'from alpine:3.20\nuser 1000\n' },
    { name: 'USER from an ARG default', code: 'FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}\n' },
    { name: 'USER from an unknown variable cannot be judged', code: 'FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n' },
    { name: 'distroless nonroot', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'distroless debug-nonroot', code: 'FROM gcr.io/distroless/base-debian12:debug-nonroot\n' },
    { name: 'Chainguard image', code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app.py /app/\n' },
    { name: 'nginx-unprivileged', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n' },
    { name: '.NET chiseled image', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY out/ /app/\n' },
    { name: 'ARG-expanded non-root base', code: 'ARG RUNTIME=gcr.io/distroless/java21-debian12:nonroot\nFROM ${RUNTIME}\nCOPY app.jar /app.jar\n' },
    { name: 'ONBUILD USER root is not this image\'s user', code: 'FROM alpine:3.20\nONBUILD USER root\nUSER app\n' },
  ],
  invalid: [
    {
      name: 'a compose build.target (in the base file) that runs as root while the final stage does not',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: development\n' },
      path: 'Dockerfile',
      code: 'FROM python:3.12-slim AS base\nFROM base AS development\nCMD ["flask", "run"]\nFROM base AS production\nRUN useradd --system app\nUSER app\n',
      errors: [{ line: 2, message: 'service `api` runs stage `development` (its `build.target`): stage `development` never sets `USER`' }],
    },
    {
      name: 'a root target stage and a root final stage are one finding',
      files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: builder\n' },
      path: 'Dockerfile',
      code: 'FROM python:3.10-alpine AS builder\nRUN pip install flask\nFROM builder AS dev-envs\nRUN apk add git\n',
      errors: [{ line: 3, message: '(so does stage `builder`, which compose runs as `build.target`)' }],
    },
    {
      name: 'no USER at all',
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [{ line: 1, column: 1, message: 'never sets `USER`' }],
    },
    {
      name: 'a USER in the builder does not carry into the final stage',
      code: 'FROM node:20 AS build\nUSER node\nRUN npm ci && npm run build\n\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ line: 5, message: '`nginx:1.27-alpine`' }],
    },
    {
      name: 'last USER is root',
      code: 'FROM debian:12\nRUN useradd app\nUSER app\nRUN make\nUSER root\nCMD ["/usr/bin/app"]\n',
      errors: [{ line: 5, column: 1, endColumn: 10, message: 'is `root`' }],
    },
    { name: 'USER 0:0', code: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ line: 2, message: '`0:0`' }] },
    { name: 'USER root with a group', code: 'FROM alpine:3.20\nuser root:app\n', errors: [{ line: 2 }] },
    {
      name: 'root inherited from the stage the final one builds on',
      code: 'FROM ubuntu:24.04 AS base\nUSER root\n\nFROM base\nCOPY app /usr/local/bin/app\n',
      errors: [{ line: 2, message: 'inherits `USER root` from stage `base`' }],
    },
    {
      name: 'FROM scratch runs as UID 0 too',
      code: 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3, message: '`FROM scratch`' }],
    },
    { name: 'Chainguard -dev variants are not assumed non-root', code: 'FROM cgr.dev/chainguard/python:latest-dev\n', errors: [{ line: 1 }] },
    { name: 'distroless without :nonroot', code: 'FROM gcr.io/distroless/static-debian12\n', errors: [{ line: 1 }] },
    { name: 'root through an ARG', code: 'FROM alpine:3.20\nARG RUN_AS=root\nUSER ${RUN_AS}\n', errors: [{ line: 3 }] },
    { name: 'Windows administrator', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n', errors: [{ line: 2 }] },
    {
      name: 'FROM split over continuation lines',
      code: 'FROM \\\n  python:3.12-slim \\\n  AS app\nCMD ["python"]\n',
      errors: [{ line: 1, endLine: 3 }],
    },
  ],
});
