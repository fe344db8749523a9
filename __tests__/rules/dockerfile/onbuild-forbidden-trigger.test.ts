import rule from '../../../rules/dockerfile/onbuild-forbidden-trigger.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci\n',
    { name: 'LABEL and ENV triggers', code: 'FROM node:20\nONBUILD LABEL org.opencontainers.image.authors=me\nONBUILD ENV NODE_ENV=production\n' },
    { name: 'no ONBUILD', code: 'FROM node:20\nMAINTAINER me\n' },
  ],
  invalid: [
    {
      name: 'ONBUILD ONBUILD',
      code: 'FROM node:20\nONBUILD ONBUILD RUN npm ci\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: '`ONBUILD ONBUILD`: chaining `ONBUILD ONBUILD` is not allowed' }],
    },
    {
      name: 'ONBUILD FROM and lower-case onbuild maintainer',
      code: 'FROM node:20\nONBUILD FROM alpine:3.20\nonbuild maintainer me@example.com\n',
      errors: [
        { line: 2, message: '`FROM` is not allowed as an `ONBUILD` trigger' },
        { line: 3, column: 9, message: '`ONBUILD maintainer`: `MAINTAINER` is not allowed' },
      ],
    },
    {
      name: 'in a build stage too',
      code: 'FROM node:20 AS base\nONBUILD ONBUILD COPY . /app/\nFROM base\n',
      errors: [{ line: 2 }],
    },
  ],
});
