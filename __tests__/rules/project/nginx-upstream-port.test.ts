import rule from '../../../rules/project/nginx-upstream-port.js';
import { testRule } from '../../helpers/rule-tester.js';

const api = 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n';
const stack = 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  api:\n    build: ./api\n';
const site = (target: string) => `server {\n  listen 80;\n  location /api/ {\n    proxy_pass ${target};\n  }\n}\n`;

testRule(rule, {
  valid: [
    { name: 'the EXPOSEd port', files: { 'compose.yaml': stack, 'api/Dockerfile': api }, code: site('http://api:8000') },
    { name: 'a port the command names', files: { 'compose.yaml': stack.replace('    build: ./api\n', '    build: ./api\n    command: uvicorn main:app --host 0.0.0.0 --port 9000\n'), 'api/Dockerfile': api }, code: site('http://api:9000') },
    { name: 'a Dockerfile without EXPOSE says nothing', files: { 'compose.yaml': stack, 'api/Dockerfile': 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' }, code: site('http://api:5000') },
    { name: 'an unknown image', files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  api:\n    image: acme/api:1\n' }, code: site('http://api:1234') },
    { name: 'an upstream name is not a host', files: { 'compose.yaml': stack, 'api/Dockerfile': api }, code: 'upstream api {\n  server api:8000;\n}\nserver {\n  location / { proxy_pass http://api; }\n}\n' },
    { name: 'redis on its port', files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  cache:\n    image: redis:7\n' }, code: 'server {\n  location /r { proxy_pass http://cache:6379; }\n}\n' },
  ],
  invalid: [
    {
      name: 'proxy to 8080, the image runs on 8000',
      files: { 'compose.yaml': stack, 'api/Dockerfile': api },
      code: site('http://api:8080'),
      errors: [{ line: 4, column: 16, endColumn: 31, message: '`proxy_pass` connects to service `api` on port `8080`, but it listens on `8000` (from the EXPOSE lines of `api/Dockerfile`)' }],
    },
    {
      name: 'no port: http means 80',
      files: { 'compose.yaml': stack, 'api/Dockerfile': api },
      code: site('http://api'),
      errors: [{ line: 4, message: 'port `80` (the http default when no port is written)' }],
    },
    {
      name: 'an upstream server entry to a container_name',
      files: { 'compose.yaml': stack.replace('    build: ./api\n', '    build: ./api\n    container_name: api-1\n'), 'api/Dockerfile': api },
      code: 'upstream app {\n  server api-1:5000;\n}\nserver {\n  location / { proxy_pass http://app; }\n}\n',
      errors: [{ line: 2, message: '`server` connects to service `api` on port `5000`' }],
    },
    {
      name: 'the service comes from the override file',
      files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n', 'compose.override.yaml': 'services:\n  db:\n    image: postgres:16\n' },
      code: site('http://db:5433'),
      errors: [{ line: 4, message: 'listens on `5432` (from the `postgres:16` image)' }],
    },
    {
      name: 'the build comes from a YAML anchor',
      files: { 'compose.yaml': 'x-api: &api\n  build: ./api\nservices:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  api:\n    <<: *api\n', 'api/Dockerfile': api },
      code: site('http://api:3000'),
      errors: [{ line: 4 }],
    },
  ],
});
