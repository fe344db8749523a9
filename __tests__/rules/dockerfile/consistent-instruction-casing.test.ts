import rule from '../../../rules/dockerfile/consistent-instruction-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20 AS build\nRUN npm ci\nONBUILD COPY . /app\n',
    { name: 'all lower case', code: 'from node:20 as build\nrun npm ci\ncopy . .\n' },
  ],
  invalid: [
    {
      name: 'upper-case majority',
      code: 'FROM node:20\nrun npm ci\nCopy . .\nCMD ["node"]\n',
      errors: [
        { line: 2, column: 1, endColumn: 4, message: '`run`: most instructions in this file are upper case; write `RUN`' },
        { line: 3, message: 'write `COPY`' },
      ],
      output: 'FROM node:20\nRUN npm ci\nCOPY . .\nCMD ["node"]\n',
    },
    {
      name: 'lower-case majority, continuation line kept',
      code: 'from alpine:3.20\nrun apk add \\\n    curl\nRUN true\nworkdir /app\n',
      errors: [{ line: 4, message: 'lower case; write `run`' }],
      output: 'from alpine:3.20\nrun apk add \\\n    curl\nrun true\nworkdir /app\n',
    },
    {
      name: 'ONBUILD and its trigger on one line are fixed together',
      code: 'FROM node:20\nonbuild run npm ci\nRUN true\n',
      errors: [{ line: 2, column: 1 }, { line: 2, column: 9 }],
      output: 'FROM node:20\nONBUILD RUN npm ci\nRUN true\n',
    },
    {
      name: 'a tie means upper case',
      code: 'from alpine:3.20\nRUN true\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\nRUN true\n',
    },
  ],
});
