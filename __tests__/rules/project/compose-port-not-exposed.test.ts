import rule from '../../../rules/project/compose-port-not-exposed.js';
import { testRule } from '../../helpers/rule-tester.js';

const api = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["gunicorn", "app:app"]\n';

testRule(rule, {
  valid: [
    { name: 'the published port is EXPOSEd', files: { 'api/Dockerfile': api }, code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "8080:8000"\n' },
    { name: 'no EXPOSE: nothing claimed', files: { 'api/Dockerfile': 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' }, code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "9000:9000"\n' },
    { name: 'the command says the port', files: { 'api/Dockerfile': api }, code: 'services:\n  api:\n    build: ./api\n    command: gunicorn -b 0.0.0.0:9000 app:app\n    ports:\n      - "9000:9000"\n' },
    { name: 'an environment variable says the port', files: { 'api/Dockerfile': api }, code: 'services:\n  api:\n    build: ./api\n    environment:\n      PORT: "9000"\n    ports:\n      - "9000:9000"\n' },
    { name: 'the Dockerfile CMD says the port', files: { 'api/Dockerfile': 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js", "--port", "4000"]\n' }, code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "4000:4000"\n' },
    { name: 'an unknown base may EXPOSE more', files: { 'api/Dockerfile': 'FROM acme/base:1\nEXPOSE 8000\n' }, code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "9000:9000"\n' },
    { name: 'postgres on its port', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5433:5432"\n' },
    { name: 'an unknown image', code: 'services:\n  app:\n    image: ghcr.io/acme/app:1\n    ports:\n      - "8080:8080"\n' },
    { name: 'nginx listening where its mounted config says', files: { 'nginx/default.conf': 'server {\n  listen 8443 ssl;\n}\n' }, code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n    ports:\n      - "443:8443"\n      - "80:80"\n' },
    { name: 'nginx with a folder of configs we do not read', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/conf.d:/etc/nginx/conf.d:ro\n    ports:\n      - "443:443"\n' },
    { name: 'a port range', files: { 'api/Dockerfile': api }, code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "9000-9001:9000-9001"\n' },
  ],
  invalid: [
    {
      name: 'EXPOSE 8000, published 8080',
      files: { 'api/Dockerfile': api },
      code: 'services:\n  api:\n    build: ./api\n    ports:\n      - "8080:8080"\n',
      errors: [{ line: 5, column: 9, message: 'service `api` publishes container port `8080`, but the container listens on `8000` (from the EXPOSE lines of `api/Dockerfile`)' }],
    },
    {
      name: 'redis published on the wrong container port',
      code: 'services:\n  cache:\n    image: redis:7-alpine\n    ports:\n      - "6380:6380"\n',
      errors: [{ line: 5, message: 'listens on `6379` (from the `redis:7-alpine` image)' }],
    },
    {
      name: 'nginx without config on 8080',
      code: 'services:\n  web:\n    image: nginx:alpine\n    ports:\n      - target: 8080\n        published: 8080\n',
      errors: [{ line: 5 }],
    },
    {
      name: 'the port comes from the override file',
      path: 'compose.override.yaml',
      files: { 'api/Dockerfile': api, 'compose.yaml': 'services:\n  api:\n    build: ./api\n' },
      code: 'services:\n  api:\n    ports:\n      - "5000:5000"\n',
      errors: [{ line: 4, message: 'container port `5000`' }],
    },
    {
      name: 'the port comes from a YAML anchor',
      files: { 'api/Dockerfile': api },
      code: 'x-ports: &ports\n  - "3000:3000"\nservices:\n  api:\n    build: ./api\n    ports: *ports\n',
      errors: [{ line: 2 }],
    },
  ],
});
