import rule from '../../../rules/dockerfile/user-non-numeric.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nUSER 1000\n',
    { name: 'UID and GID', code: 'FROM node:20\nUSER 10001:10001\n' },
    { name: 'numeric UID with a group name', code: 'FROM node:20\nUSER 1000:node\n' },
    { name: 'a name in a build stage only', code: 'FROM node:20 AS build\nUSER node\nFROM node:20\nUSER 1000\n' },
    { name: 'root is user-root\'s business', code: 'FROM node:20\nUSER root\n' },
    { name: 'UID from an ARG', code: 'FROM node:20\nARG UID=1001\nUSER ${UID}\n' },
    { name: 'no USER', code: 'FROM node:20\nRUN true\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nUSER node\n',
      errors: [{ line: 2, column: 1, message: 'user name `node`' }],
    },
    {
      name: 'inherited from the stage it builds on; a name with a group',
      code: 'FROM python:3.12 AS base\nUSER app:app\nFROM base\nCMD ["python"]\n',
      errors: [{ line: 2, message: '`id -u app`' }],
    },
  ],
});
