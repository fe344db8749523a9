import rule from '../../../rules/project/copy-source-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'sources present in the compose build context',
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/requirements.txt': '', 'api/src/main.py': '' },
      path: 'api/Dockerfile',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt ./\nCOPY src/ ./src/\nCOPY . .\n',
    },
    {
      name: 'an optional glob beside a file that exists (poetry.lock*)',
      files: { 'pyproject.toml': '' },
      code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock* ./\n',
    },
    {
      name: 'a glob that matches',
      files: { 'conf/a.conf': '', 'conf/b.conf': '' },
      code: 'FROM nginx:1.27\nCOPY conf/*.conf /etc/nginx/conf.d/\n',
    },
    {
      name: 'build outputs, --from, heredocs, URLs and unknown variables are not judged',
      code: 'FROM eclipse-temurin:21 AS build\nCOPY target/*.jar /app.jar\nCOPY dist/ /srv/\nCOPY --from=build /app.jar /x.jar\nCOPY <<EOF /etc/x\nx\nEOF\nADD https://example.com/a.tgz /tmp/\nARG SRC\nCOPY ${SRC} /src\n',
    },
    {
      name: 'a Dockerfile no compose service builds: found in the repository root',
      files: { 'requirements.txt': '' },
      path: 'docker/Dockerfile',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt ./\n',
    },
    {
      name: 'a stage the compose target does not build',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: app\n' },
      code: 'FROM alpine:3.20 AS tools\nCOPY tools.sh /\nFROM alpine:3.20 AS app\nCMD ["true"]\n',
    },
    {
      name: 'the context itself is missing: compose-path-missing says so',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./gone\n      dockerfile: ../Dockerfile\n' },
      code: 'FROM python:3.12-slim\nCOPY requirements.txt ./\n',
    },
  ],
  invalid: [
    {
      name: 'a lock file the repository does not have (uv.lock), in the compose context',
      files: {
        'docker/compose.yaml': 'services:\n  api:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n      target: production\n',
        'pyproject.toml': '',
        'src/app.py': '',
      },
      path: 'docker/Dockerfile',
      code: 'FROM python:3.12-slim AS base\nCOPY pyproject.toml uv.lock ./\nFROM base AS production\nCOPY src/ ./src/\nCOPY uv.lock /app/\n',
      errors: [
        { line: 2, column: 21, endColumn: 28, message: '`COPY uv.lock` takes `uv.lock` from the build context the repository root, but `uv.lock` does not exist in the repository' },
        { line: 5, message: '`uv.lock`' },
      ],
    },
    {
      name: 'a misspelt file, with a suggestion',
      files: { 'requirements.txt': '' },
      code: 'FROM python:3.12-slim\nCOPY requirement.txt ./\n',
      errors: [{ line: 2, message: '`requirement.txt` does not exist' }],
    },
    {
      name: 'a glob in a folder that does not exist, and a glob that matches nothing alone',
      files: { 'conf/readme.md': '' },
      code: 'FROM nginx:1.27\nCOPY sites/*.conf /etc/nginx/conf.d/\nCOPY conf/*.conf /etc/nginx/conf.d/\n',
      errors: [
        { line: 2, message: '`sites` does not exist' },
        { line: 3, message: 'matches no file' },
      ],
    },
    {
      name: 'a Dockerfile no compose service builds: missing in its folder and in the root',
      path: 'api/Dockerfile',
      files: { 'api/main.py': '' },
      code: 'FROM python:3.12-slim\nCOPY requirements.txt ./\n',
      errors: [{ line: 2, message: "the Dockerfile's folder `api/` or the repository root" }],
    },
    {
      name: 'exec form and ARG defaults',
      files: { 'app/main.go': '' },
      code: 'FROM golang:1.22\nARG APP=app\nCOPY ["go.mod", "go.sum", "./"]\nCOPY ${APP}/ ./\n',
      errors: [{ line: 3 }, { line: 3 }],
    },
  ],
});
