import rule from '../../../rules/dockerfile/copy-ignored-file.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no .dockerignore', code: 'FROM node:20\nCOPY . .\n' },
    {
      name: 'sources left in the context',
      files: { '.dockerignore': 'node_modules\n*.log\n.git\n' },
      code: 'FROM node:20\nCOPY package.json package-lock.json ./\nCOPY src/ ./src/\nCOPY . .\n',
    },
    {
      name: 'a ! re-include makes the outcome undecidable (as BuildKit)',
      files: { '.dockerignore': '*\n!src\n' },
      code: 'FROM node:20\nCOPY src/ ./src/\nCOPY secrets.json /\n',
    },
    {
      name: 'COPY --from, ONBUILD, heredocs and URLs do not read the context',
      files: { '.dockerignore': 'dist\nconfig.json\n' },
      code: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\nONBUILD COPY config.json /etc/\nCOPY <<EOF /etc/config.json\n{}\nEOF\nADD https://example.com/config.json /etc/\n',
    },
    {
      name: 'a compose context elsewhere has its own .dockerignore',
      files: {
        'compose.yaml': 'services:\n  web:\n    build:\n      context: ./web\n',
        'web/.dockerignore': 'node_modules\n',
        '.dockerignore': 'web\n',
      },
      path: 'web/Dockerfile',
      code: 'FROM node:20\nCOPY . .\n',
    },
    {
      name: 'a source from an ARG without value is not judged',
      files: { '.dockerignore': 'secrets\n' },
      code: 'FROM node:20\nARG DIR\nCOPY $DIR /app\n',
    },
  ],
  invalid: [
    {
      name: 'files and folders the .dockerignore excludes',
      files: { '.dockerignore': '# build output\ndist\n*.env\n' },
      code: 'FROM nginx:1.27\nCOPY ./dist/ /usr/share/nginx/html/\nCOPY prod.env config/ /etc/app/\n',
      errors: [
        { line: 2, column: 6, endColumn: 13, message: '`COPY ./dist/` takes a path that `.dockerignore` (line 2: `dist`) leaves out of the build context' },
        { line: 3, column: 6, endColumn: 14, message: '(line 3: `*.env`)' },
      ],
    },
    {
      name: 'a Dockerfile-specific ignore file wins',
      files: { 'Dockerfile.dockerignore': 'app.jar\n', '.dockerignore': '' },
      code: 'FROM eclipse-temurin:21\nADD app.jar /app.jar\n',
      errors: [{ line: 2, message: '`Dockerfile.dockerignore`' }],
    },
    {
      name: 'the context set by compose decides which .dockerignore applies',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n',
        '.dockerignore': 'secrets/\n',
      },
      path: 'docker/api.Dockerfile',
      code: 'FROM python:3.12-slim\nCOPY secrets/ca.pem /etc/ssl/\n',
      errors: [{ line: 2, message: '(line 1: `secrets/`)' }],
    },
    {
      name: 'COPY . . with everything excluded',
      files: { '.dockerignore': '*\n' },
      code: 'FROM node:20\nCOPY . .\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'a source from an ARG default',
      files: { '.dockerignore': 'build\n' },
      code: 'FROM node:20\nARG OUT=build\nCOPY ${OUT}/ /app/\n',
      errors: [{ line: 3 }],
    },
  ],
});
