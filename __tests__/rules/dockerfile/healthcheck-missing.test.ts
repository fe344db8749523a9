import rule from '../../../rules/dockerfile/healthcheck-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

testRule(rule, {
  valid: [
    'FROM node:20-alpine\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM redis:7\nhealthcheck none\n' },
    {
      name: 'inherited from the stage the final one builds on',
      code: 'FROM python:3.12 AS base\nHEALTHCHECK CMD python -c "import urllib.request as u; u.urlopen(\'http://localhost:8000/health\')"\nFROM base\nCMD ["python", "app.py"]\n',
    },
    { name: 'scratch export stage with no command', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /\n' },
    {
      name: 'compose service builds the folder and defines a healthcheck',
      path: 'api/Dockerfile',
      code: DOCKERFILE,
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]\n' },
    },
    {
      name: 'compose build.context + build.dockerfile, compose file in a subfolder',
      path: 'docker/Dockerfile.prod',
      code: DOCKERFILE,
      files: {
        'deploy/docker-compose.yml':
          'services:\n  web:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile.prod\n    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n',
      },
    },
    {
      name: 'compose service reached through extends and an interpolated context',
      path: 'services/api/Dockerfile',
      code: DOCKERFILE,
      files: {
        'compose.yaml':
          'x-base: &base\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  base:\n    <<: *base\n    image: busybox:1.36\n  api:\n    extends: base\n    build: ${API_DIR:-./services/api}\n',
      },
    },
    {
      name: 'compose healthcheck explicitly disabled',
      code: DOCKERFILE,
      files: { 'compose.yaml': 'services:\n  worker:\n    build: .\n    healthcheck:\n      disable: true\n' },
    },
    {
      name: 'built by a compose service without healthcheck: judged by compose-healthcheck-missing, not twice',
      path: 'api/Dockerfile',
      code: DOCKERFILE,
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n' },
    },
    {
      name: 'built by a compose service whose healthcheck only tunes timings: judged on the compose side',
      code: DOCKERFILE,
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n' },
    },
  ],
  invalid: [
    { code: DOCKERFILE, errors: [{ line: 1, column: 1, message: 'declares no `HEALTHCHECK`' }] },
    {
      name: 'multi-stage: a HEALTHCHECK in the builder does not count',
      code: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nRUN npm ci && npm run build\n\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ line: 5 }],
    },
    { name: 'ONBUILD HEALTHCHECK is for child images', code: 'FROM python:3.12\nONBUILD HEALTHCHECK CMD true\nCMD ["python"]\n', errors: [{ line: 1 }] },
    {
      name: 'a compose healthcheck for another Dockerfile does not count',
      code: DOCKERFILE,
      files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n    healthcheck:\n      test: ["CMD", "true"]\n' },
      errors: [{ line: 1 }],
    },
    { name: 'scratch image that runs something', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', errors: [{ line: 1 }] },
  ],
});
