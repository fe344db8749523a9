import rule from '../../../rules/dockerfile/secret-in-arg-env.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nARG NODE_ENV=production\nENV PORT=3000 LOG_LEVEL=info\n',
    { name: 'official images\' GPG key ids', code: 'FROM debian:12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV GPG_KEYS 7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'public, file, version (BuildKit\'s allow list)', code: 'FROM node:20\nARG STRIPE_PUBLIC_KEY=pk_test_123\nENV DB_PASSWORD_FILE=/run/secrets/db_password\nARG TOKEN_VERSION=2\n' },
    { name: 'identifiers, locations and settings', code: 'FROM node:20\nENV AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nENV AUTH_URL=https://auth.example.com KEYCLOAK_AUTH_SERVER_URL=https://kc\nARG SECRET_NAME=prod/db\nENV AUTH_ENABLED=true TOKEN_TTL=3600\n' },
    { name: 'words that merely contain a token', code: 'FROM node:20\nENV NEXTAUTH_URL=http://localhost:3000 MONKEY=1 KEYBOARD=us OAUTH_CALLBACK=/cb TOKENIZERS_PARALLELISM=false\n' },
    { name: 'empty ENV placeholder', code: 'FROM node:20\nENV API_KEY=""\n' },
  ],
  invalid: [
    {
      name: 'ARG without a default is still recorded',
      code: 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      errors: [{ line: 2, column: 5, endColumn: 14, message: '`ARG NPM_TOKEN` looks like a secret' }],
    },
    {
      name: 'ARG with a default, global ARG, lower case',
      code: 'ARG GITHUB_TOKEN=ghp_example\nFROM alpine:3.20\narg api_key=abc\n',
      errors: [
        { line: 1, message: 'default value is also committed' },
        { line: 3, message: '`ARG api_key`' },
      ],
    },
    {
      name: 'ENV literal and ENV copied from a build arg; the value is never printed',
      code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=s3cr3t-value\nARG SECRET_KEY_BASE\nENV SECRET_KEY_BASE=$SECRET_KEY_BASE\n',
      errors: [
        { line: 2, message: /^`ENV POSTGRES_PASSWORD` bakes a literal value into the image(?!.*s3cr3t)/ },
        { line: 3, message: '`ARG SECRET_KEY_BASE`' },
        { line: 4, message: 'copies a build arg into the image' },
      ],
    },
    {
      name: 'several ENV pairs over continuation lines, legacy `ENV k v` form',
      code: 'FROM python:3.12\nENV APP_ENV=prod \\\n    DJANGO_SECRET_KEY=dev-only \\\n    DEBUG=0\nENV JWT_SECRET change-me\n',
      errors: [{ line: 3, column: 5 }, { line: 5, column: 5 }],
    },
    {
      name: 'camelCase and kebab-case names',
      code: 'FROM node:20\nARG apiKey\nARG dbPassword=x\nARG x-auth-token\nARG MyAPIKey\n',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5 }],
    },
    {
      name: 'ONBUILD ENV reaches child images',
      code: 'FROM node:20\nONBUILD ENV REGISTRY_PASSWORD=hunter2\n',
      errors: [{ line: 2, column: 13, message: 'through `ONBUILD`' }],
    },
  ],
});
