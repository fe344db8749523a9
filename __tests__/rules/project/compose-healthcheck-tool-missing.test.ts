import rule from '../../../rules/project/compose-healthcheck-tool-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const slim = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27-alpine\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n',
    'services:\n  web:\n    image: node:20-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "wget -q --spider http://localhost:3000/ || exit 1"]\n',
    { name: 'an unknown image: nothing claimed', code: 'services:\n  app:\n    image: ghcr.io/acme/app:1.2\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
    { name: 'the image comes from a variable without value', code: 'services:\n  app:\n    image: ${IMAGE}\n    healthcheck:\n      test: curl -f http://localhost/\n' },
    { name: 'a build whose Dockerfile is not in the project', code: 'services:\n  app:\n    build: ./missing\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
    {
      name: 'the Dockerfile installs curl',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
      code: 'services:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
    },
    { name: 'disabled', code: 'services:\n  app:\n    image: python:3.12-slim\n    healthcheck:\n      disable: true\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
    { name: 'postgres probe', code: 'services:\n  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n' },
  ],
  invalid: [
    {
      name: 'seed: curl in a service built on python slim (api_server, ai_server)',
      files: { 'backend/ai_server/Dockerfile': slim },
      code: 'services:\n  ai_server:\n    build:\n      context: ./backend/ai_server\n      dockerfile: Dockerfile\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:9999/api/v1/health"]\n      interval: 30s\n',
      errors: [{ line: 7, column: 21, endColumn: 27, message: 'service `ai_server`: the healthcheck runs `curl`, but the image built from `backend/ai_server/Dockerfile` (`python:3.12-slim`: python (Debian slim)) does not have `curl`' }],
    },
    {
      name: 'CMD-SHELL with curl in an image-only alpine service',
      code: 'services:\n  app:\n    image: python:3.12-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "curl -fsS http://localhost:8000/ || exit 1"]\n',
      errors: [{ line: 5, message: 'does not have `curl`' }],
    },
    {
      name: 'string form in distroless: no shell',
      code: 'services:\n  app:\n    image: gcr.io/distroless/nodejs20-debian12\n    healthcheck:\n      test: node /app/health.js\n',
      errors: [{ line: 5, message: 'has no shell' }],
    },
    {
      name: 'the healthcheck comes from the override file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: node:20-slim\n' },
      code: 'services:\n  api:\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/"]\n',
      errors: [{ line: 4, message: 'the `node:20-slim` image (node (Debian slim)) does not have `wget`' }],
    },
    {
      name: 'the healthcheck comes from a YAML anchor',
      code: 'x-health: &health\n  test: ["CMD", "curl", "-f", "http://localhost:8000/"]\n  interval: 10s\nservices:\n  api:\n    image: python:3.12-slim\n    healthcheck: *health\n  worker:\n    image: python:3.12\n    healthcheck: *health\n',
      errors: [{ line: 2, message: 'service `api`' }],
    },
    {
      name: 'the target stage lacks curl though another stage has it',
      files: { Dockerfile: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20-slim AS prod\nCMD ["node", "server.js"]\n' },
      code: 'services:\n  web:\n    build:\n      context: .\n      target: prod\n    healthcheck:\n      test: curl -f http://localhost:3000/ || exit 1\n',
      errors: [{ line: 7, message: 'stage `prod` of `Dockerfile`' }],
    },
    {
      name: 'requests in an image-only python service',
      code: 'services:\n  api:\n    image: python:3.12-slim\n    healthcheck:\n      test: ["CMD", "python", "-c", "import requests; requests.get(\'http://localhost:8000\')"]\n',
      errors: [{ line: 5, message: 'imports `requests`' }],
    },
  ],
});
