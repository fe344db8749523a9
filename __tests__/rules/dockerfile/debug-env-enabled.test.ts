import rule from '../../../rules/dockerfile/debug-env-enabled.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nENV NODE_ENV=production\n',
    { name: 'debug off', code: 'FROM python:3.12\nENV DEBUG=false FLASK_DEBUG=0 DJANGO_DEBUG=False\n' },
    { name: 'only in a build stage', code: 'FROM node:20 AS build\nENV NODE_ENV=development\nRUN npm ci\nFROM node:20\nENV NODE_ENV=production\n' },
    { name: 'overridden later', code: 'FROM node:20 AS base\nENV NODE_ENV=development\nFROM base\nENV NODE_ENV=production\n' },
    { name: 'a development Dockerfile', files: { 'Dockerfile.dev': 'FROM node:20\nENV NODE_ENV=development\n' }, path: 'Dockerfile.dev' },
    { name: 'final stage named dev', code: 'FROM python:3.12 AS dev\nENV FLASK_DEBUG=1\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG NODE_ENV\nENV NODE_ENV=$NODE_ENV\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nENV FLASK_DEBUG=1\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: '`ENV FLASK_DEBUG=1` puts every container of the final image in debug mode' }],
    },
    {
      name: 'several at once, legacy form, through a stage',
      code: 'FROM node:20 AS base\nENV NODE_ENV development\nFROM base\nENV DEBUG=True ASPNETCORE_ENVIRONMENT=Development XDEBUG_MODE=develop,debug\n',
      errors: [
        { line: 2, message: 'development mode' },
        { line: 4, message: '`ENV DEBUG=True`' },
        { line: 4, message: 'Development environment' },
        { line: 4, message: 'Xdebug' },
      ],
    },
    {
      name: 'from an ARG default',
      code: 'FROM python:3.12\nARG DJANGO_DEBUG=1\nENV DJANGO_DEBUG=${DJANGO_DEBUG}\n',
      errors: [{ line: 3 }],
    },
  ],
});
