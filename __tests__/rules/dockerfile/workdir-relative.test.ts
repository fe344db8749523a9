import rule from '../../../rules/dockerfile/workdir-relative.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /usr/src/app\n',
    { name: 'relative after an absolute one', code: 'FROM node:20\nWORKDIR /app\nWORKDIR frontend\nRUN npm ci\n' },
    { name: 'relative in a stage built on a stage with a WORKDIR', code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS build\nWORKDIR client\n' },
    { name: 'ENV makes it absolute', code: 'FROM python:3.12\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n' },
    { name: 'ARG default makes it absolute', code: 'ARG ROOT=/opt\nFROM alpine:3.20\nARG ROOT\nWORKDIR ${ROOT}/tool\n' },
    { name: 'unknown variable: skipped', code: 'FROM alpine:3.20\nWORKDIR $HOME/app\n' },
    { name: 'Windows paths', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nworkdir c:/app\n' },
    { name: 'quoted absolute path', code: 'FROM alpine:3.20\nWORKDIR "/my app"\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nWORKDIR app\nCOPY . .\n',
      errors: [{ line: 2, column: 1, endColumn: 12, message: 'use an absolute path such as `/app`' }],
    },
    {
      name: 'every stage starts afresh',
      code: 'FROM node:20 AS build\nWORKDIR /build\nRUN npm ci\n\nFROM nginx:1.27\nworkdir html\n',
      errors: [{ line: 6, message: '`WORKDIR html`' }],
    },
    {
      name: 'relative after expansion',
      code: 'FROM alpine:3.20\nARG APP_DIR=srv/app\nWORKDIR ${APP_DIR}\n',
      errors: [{ line: 3, message: '(`srv/app` after expansion)' }],
    },
    { name: 'dot-relative', code: 'FROM alpine:3.20\nWORKDIR ./src\n', errors: [{ line: 2, message: '`/app`' }] },
  ],
});
