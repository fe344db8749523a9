import rule from '../../../rules/dockerfile/copy-whole-context.js';
import { testRule } from '../../helpers/rule-tester.js';

const COMPLETE = '.git\n.env\n.env.*\n*.pem\n*.key\nid_rsa*\nnode_modules\n';

testRule(rule, {
  valid: [
    { name: 'a .dockerignore excluding everything sensitive', files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\n', '.dockerignore': COMPLETE } },
    { name: 'an allow-list .dockerignore', files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\n', '.dockerignore': '*\n!src\n!package*.json\n' } },
    { name: 'the Dockerfile-specific ignore file', files: { 'api.Dockerfile': 'FROM node:20\nCOPY . /app\n', 'api.Dockerfile.dockerignore': COMPLETE }, path: 'api.Dockerfile' },
    {
      name: 'compose builds it from the parent folder, whose .dockerignore is complete',
      files: {
        'docker/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\n',
        '.dockerignore': COMPLETE,
        'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      },
      path: 'docker/Dockerfile',
    },
    { name: 'node_modules only matters for Node images', files: { Dockerfile: 'FROM python:3.12\nCOPY . .\n', '.dockerignore': '.git\n.env\n.env.*\n*.pem\n*.key\nid_rsa*\n' } },
    { name: 'named files only', code: 'FROM node:20\nCOPY package.json src/ /app/\n' },
    { name: 'COPY --from a stage', code: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build . /usr/share/nginx/html\n' },
    { name: 'ONBUILD copies the child\'s context', code: 'FROM node:20\nONBUILD COPY . /app/\n' },
  ],
  invalid: [
    {
      name: 'a Node image: the host node_modules must be excluded too',
      files: { Dockerfile: 'FROM node:20-alpine AS deps\nFROM deps\nWORKDIR /app\nCOPY . .\n', '.dockerignore': '.git\n.env\n.env.*\n*.pem\n*.key\nid_rsa*\n' },
      errors: [{ line: 4, message: 'does not exclude `node_modules`' }],
    },
    {
      name: 'compose context without a .dockerignore (the one beside the Dockerfile does not apply)',
      files: {
        'docker/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\n',
        'docker/.dockerignore': COMPLETE,
        'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      },
      path: 'docker/Dockerfile',
      errors: [{ line: 3, message: 'no `.dockerignore` applies' }],
    },
    {
      name: 'no .dockerignore',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
      errors: [{ line: 3, column: 6, endColumn: 7, message: 'no `.dockerignore` applies to this Dockerfile' }],
    },
    {
      name: 'a .dockerignore that misses some',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nADD ./ /app/\n', '.dockerignore': 'node_modules\n.git\n*.pem\n' },
      errors: [{ line: 3, message: 'does not exclude `.env`, `.env.*`, `*.key`, `id_rsa*`' }],
    },
    {
      name: 'wildcard, in a subfolder with its own .dockerignore, several stages',
      files: { 'web/Dockerfile': 'FROM node:20 AS build\nCOPY * /src/\nFROM nginx:1.27\nCOPY ./. /usr/share/nginx/html\n', 'web/.dockerignore': '.env\n' },
      path: 'web/Dockerfile',
      errors: [{ line: 2, message: '`web/.dockerignore` does not exclude `.git`' }, { line: 4 }],
    },
  ],
});
