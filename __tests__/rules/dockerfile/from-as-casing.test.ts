import rule from '../../../rules/dockerfile/from-as-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20 AS build\nfrom nginx:1.27 as web\n',
    { name: 'no stage name', code: 'FROM node:20\n' },
    { name: 'mixed-case FROM is not judged here', code: 'From node:20 as build\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$BUILDPLATFORM node:20 as build\nRUN npm ci\nfrom nginx:1.27 AS web\n',
      errors: [
        { line: 1, column: 40, endColumn: 42, message: 'write `FROM … AS build`' },
        { line: 3, message: '`AS` should match the case of `from`' },
      ],
      output: 'FROM --platform=$BUILDPLATFORM node:20 AS build\nRUN npm ci\nfrom nginx:1.27 as web\n',
    },
    {
      name: 'As on a continuation line',
      code: 'FROM node:20 \\\n  As build\n',
      errors: [{ line: 2, column: 3 }],
      output: 'FROM node:20 \\\n  AS build\n',
    },
  ],
});
