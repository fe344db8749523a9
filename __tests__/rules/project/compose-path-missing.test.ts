import rule from '../../../rules/project/compose-path-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const API = 'FROM python:3.12-slim\nCMD ["python"]\n';

testRule(rule, {
  valid: [
    {
      name: 'an override adding `build: { target }` over a base `build: ./api` keeps the base context',
      files: { 'api/Dockerfile': 'FROM alpine:3.20 AS dev\nFROM alpine:3.20\n', 'compose.yaml': 'services:\n  api:\n    build: ./api\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  api:\n    build:\n      target: dev\n',
    },
    {
      name: 'context, Dockerfile, env file and mounted file all exist',
      files: { 'api/Dockerfile': API, 'api.env': 'A=1\n', 'nginx.conf': 'events {}\n' },
      code: 'services:\n  api:\n    build: ./api\n    env_file: api.env\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./data:/var/lib/data\n',
    },
    {
      name: 'a Dockerfile with a non-standard name, probed on disk',
      files: { 'docker/Dockerfile-dev': API },
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile-dev\n',
    },
    {
      name: 'a missing folder mounted with the short syntax is created by Docker',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n',
    },
    {
      name: 'an env file with an example beside it (copy-the-example workflow), or marked optional',
      files: { '.env.example': 'A=\n' },
      code: 'services:\n  api:\n    image: app:1\n    env_file:\n      - .env\n      - path: ./local.env\n        required: false\n',
    },
    {
      name: 'secret files and keys are kept out of repositories on purpose',
      code: 'services:\n  api:\n    image: app:1\n    secrets: [db_password]\n    volumes:\n      - ./certs/server.pem:/etc/ssl/server.pem:ro\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
    },
    {
      name: 'remote contexts, variables without value and paths outside the repository are not judged here',
      code: 'services:\n  a:\n    build: https://github.com/docker/awesome-compose.git#master:flask/app\n  b:\n    build: ${APP_DIR}\n  c:\n    build: ../../elsewhere\n',
    },
  ],
  invalid: [
    {
      name: 'a Dockerfile deleted while compose still points at it',
      files: { 'src/main.py': '' },
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
      errors: [{ line: 5, message: 'there is no `Dockerfile` in the repository (build context the repository root): `docker compose build` fails ("failed to read dockerfile: no such file"). If the Dockerfile was renamed or deleted, compose still points at the old path' }],
    },
    {
      name: 'a Dockerfile renamed (moved to docker/Dockerfile.api): the new path is named',
      files: { 'docker/Dockerfile.api': API },
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
      errors: [{ line: 5, message: '`docker/Dockerfile.api` exists — did it move there?' }],
    },
    {
      name: 'a missing build context (string syntax)',
      files: { 'web/Dockerfile': API },
      code: 'services:\n  web:\n    build: ./frontend\n',
      errors: [{ line: 3, column: 12, message: 'service `web` builds from context `./frontend`, which does not exist in the repository' }],
    },
    {
      name: 'a missing env file, a missing mounted config file and a long-syntax bind of a missing folder',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    env_file: proxy.env\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - type: bind\n        source: ./html\n        target: /usr/share/nginx/html\n',
      errors: [
        { line: 4, message: 'reads env file `proxy.env`' },
        { line: 6, message: 'Docker creates an empty folder of that name in its place' },
        { line: 8, message: 'bind source path does not exist' },
      ],
    },
    {
      name: 'a config file that does not exist',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    configs: [site]\nconfigs:\n  site:\n    file: ./site.conf\n',
      errors: [{ line: 7, message: 'uses config `site` from `./site.conf`' }],
    },
    {
      name: 'the Dockerfile path is a folder',
      files: { 'docker/Dockerfile': API },
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker\n',
      errors: [{ line: 5, message: 'is a folder, not a file' }],
    },
    {
      name: 'a path set by the default override is reported in the override',
      files: {
        'web/Dockerfile': API,
        'compose.override.yaml': 'services:\n  web:\n    env_file:\n      - ./web/dev.env\n',
      },
      path: 'compose.override.yaml',
      code: 'services:\n  web:\n    env_file:\n      - ./web/dev.env\n',
      errors: [{ line: 4, message: 'service `web` reads env file `./web/dev.env`' }],
    },
    {
      name: 'a path from a YAML anchor is reported where the anchor wrote it, once',
      files: { 'app/Dockerfile': API },
      code: 'x-app: &app\n  build: ./app\n  env_file: ./app/app.env\nservices:\n  api:\n    <<: *app\n  worker:\n    <<: *app\n',
      errors: [{ line: 3, message: 'service `api` (and `worker`) reads env file `./app/app.env`' }],
    },
  ],
});
