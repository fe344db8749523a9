import rule from '../../../rules/project/compose-depends-on-no-healthcheck.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the dependency has a compose healthcheck',
      code: 'services:\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
    },
    {
      name: 'the dependency image has a HEALTHCHECK in its Dockerfile',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "print(1)"\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./api\n',
    },
    {
      name: 'a third-party image may declare its own HEALTHCHECK',
      code: 'services:\n  api:\n    image: app:1\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: bitnami/redis:7.2\n',
    },
    {
      name: 'service_started needs no healthcheck',
      code: 'services:\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:16\n',
    },
  ],
  invalid: [
    {
      name: 'an official image without healthcheck',
      code: 'services:\n  api:\n    image: app:1\n    depends_on:\n      redis:\n        condition: service_healthy\n  redis:\n    image: redis:7-alpine\n',
      errors: [{ line: 6, message: 'service `api` waits for `redis` to be healthy, but `redis` has no healthcheck (compose gives it none and the official image `redis:7-alpine` declares none)' }],
    },
    {
      name: 'a built service whose Dockerfile (on an official image) has none',
      files: { 'api/Dockerfile': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./api\n',
      errors: [{ line: 6, message: 'neither compose nor `api/Dockerfile` gives it one' }],
    },
    {
      name: 'a disabled healthcheck',
      code: 'services:\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: example/db:1\n    healthcheck:\n      disable: true\n',
      errors: [{ line: 6, message: 'its healthcheck is disabled in compose' }],
    },
    {
      name: 'the condition comes from an override',
      files: { 'compose.yaml': 'services:\n  api:\n    image: app:1\n  db:\n    image: postgres:16\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n',
      errors: [{ line: 5 }],
    },
    {
      name: 'the condition comes from a YAML anchor',
      code: 'x-wait: &wait\n  depends_on:\n    db:\n      condition: service_healthy\nservices:\n  api:\n    <<: *wait\n    image: app:1\n  db:\n    image: mysql:8\n',
      errors: [{ line: 4 }],
    },
  ],
});
