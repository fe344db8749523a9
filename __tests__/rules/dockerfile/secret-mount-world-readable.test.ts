import rule from '../../../rules/dockerfile/secret-mount-world-readable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
    { name: 'owner-only modes and a uid', code: 'FROM node:20\nUSER node\nRUN --mount=type=secret,id=npmrc,uid=1000,mode=0400 --mount=type=ssh,mode=0600 npm ci\n' },
    { name: 'group-readable only', code: 'FROM node:20\nRUN --mount=type=secret,id=t,mode=0440 true\n' },
    { name: 'a cache mount with an open mode', code: 'FROM node:20\nRUN --mount=type=cache,target=/cache,mode=0777 true\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nUSER node\nRUN --mount=type=secret,id=npmrc,target=/home/node/.npmrc,mode=0444 npm ci\n',
      errors: [{ line: 3, column: 59, endColumn: 68, message: 'The secret mount `npmrc` has `mode=0444`, which lets every user read it' }],
    },
    {
      name: 'ssh mount, world-writable, ONBUILD',
      code: 'FROM alpine:3.20\nRUN --mount=type=ssh,mode=777 git clone git@github.com:acme/x.git\nONBUILD RUN --mount=type=secret,id=tok,mode=0644 true\n',
      errors: [{ line: 2, message: 'ssh mount `default` has `mode=777`, which lets every user read it (and write it)' }, { line: 3 }],
    },
  ],
});
