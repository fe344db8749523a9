import rule from '../../../rules/compose/compose-healthcheck-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n',
    { name: 'explicitly disabled with disable: true', code: 'services:\n  tool:\n    image: alpine:3.20\n    healthcheck:\n      disable: true\n' },
    { name: 'explicitly disabled with test: ["NONE"]', code: 'services:\n  tool:\n    image: alpine:3.20\n    healthcheck:\n      test: ["NONE"]\n' },
    {
      name: 'healthcheck inherited from an anchor through a merge key',
      code: 'x-health: &health\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  web:\n    <<: *health\n    image: nginx:1.27\n',
    },
    {
      name: 'the Dockerfile of the build has a HEALTHCHECK',
      files: { 'app/Dockerfile': 'FROM node:20-slim\nHEALTHCHECK CMD node healthcheck.js\nCMD ["node", "server.js"]\n' },
      code: 'services:\n  web:\n    build: ./app\n',
    },
    {
      name: 'the HEALTHCHECK is in the stage the build targets, through build.dockerfile',
      files: { 'docker/api.Dockerfile': 'FROM node:20 AS base\nHEALTHCHECK CMD curl -f http://localhost:3000/\nFROM base AS prod\nCMD ["node", "server.js"]\nFROM base AS dev\nHEALTHCHECK NONE\n' },
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n      target: prod\n',
    },
    {
      name: 'a one-shot job others wait for with service_completed_successfully',
      code: 'services:\n  migrate:\n    image: app:1.0\n    command: ["migrate"]\n  web:\n    image: app:1.0\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    },
    {
      name: 'a job told never to restart',
      code: 'services:\n  migrate:\n    image: postgres:16.4-alpine\n    command: ["psql", "--file", "/migrations/001_init.sql"]\n    restart: "no"\n  backup:\n    image: backup:1.0\n    deploy:\n      restart_policy:\n        condition: none\n',
    },
    {
      name: 'override files are partial: not judged',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n' },
      code: 'services:\n  web:\n    ports:\n      - "8080:80"\n',
    },
    {
      name: 'extends a service that has one',
      code: 'services:\n  base:\n    image: app:1.0\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    extends: base\n    command: ["worker"]\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n',
      errors: [
        { line: 2, column: 3, endColumn: 6, message: 'service `web` has no `healthcheck`' },
        { line: 4, message: 'service `db` has no `healthcheck`' },
      ],
    },
    {
      name: 'a build whose Dockerfile has no HEALTHCHECK names the Dockerfile',
      files: { 'app/Dockerfile': 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' },
      code: 'services:\n  api:\n    build:\n      context: app\n',
      errors: [{ line: 2, message: 'nor a HEALTHCHECK in `app/Dockerfile`' }],
    },
    {
      name: 'the HEALTHCHECK is in another stage than the target',
      files: { Dockerfile: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM node:20-slim AS prod\nCMD ["node", "server.js"]\n' },
      code: 'services:\n  web:\n    build:\n      context: .\n      target: prod\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'a file named docker-compose.prod.yml with no base file beside it is judged',
      path: 'deploy/docker-compose.prod.yml',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'restart: "no" on a service that serves a port is still a server',
      code: 'services:\n  api:\n    build: .\n    ports:\n      - "8000:8000"\n    restart: "no"\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'a merge that brings no healthcheck',
      code: 'x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n',
      errors: [{ line: 4 }],
    },
  ],
});
