import rule from '../../../rules/dockerfile/copy-relative-no-workdir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json .\n',
    { name: 'absolute destination', code: 'FROM node:20\nCOPY package.json /app/\n' },
    { name: 'WORKDIR in the stage it builds on', code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'FROM scratch starts in /', code: 'FROM scratch\nCOPY app .\n' },
    { name: 'scratch through a stage', code: 'FROM scratch AS base\nCOPY a /a\nFROM base\nCOPY b .\n' },
    { name: 'destination from an ARG', code: 'FROM node:20\nARG DIR=/srv\nCOPY . $DIR\n' },
    { name: 'unknown variable', code: 'FROM node:20\nCOPY . $HOME\n' },
    { name: 'Windows path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\\\app\n' },
    { name: 'ONBUILD COPY after a WORKDIR set anywhere in the image', code: 'FROM node:20\nONBUILD COPY . .\nWORKDIR /app\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCOPY requirements.txt .\nWORKDIR /app\nCOPY . .\n',
      errors: [{ line: 2, column: 23, endColumn: 24, message: 'no WORKDIR is set in this stage or the stages it builds on' }],
    },
    {
      name: 'each stage starts afresh',
      code: 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nFROM nginx:1.27\nCOPY --from=build /app/dist html\n',
      errors: [{ line: 5, message: 'the relative destination `html`' }],
    },
    {
      name: 'exec form, ADD, heredoc',
      code: 'FROM golang:1.22\nCOPY ["go.mod", "go.sum", "./"]\nADD vendor.tgz vendor/\nCOPY <<EOF config.yaml\nport: 80\nEOF\n',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }],
    },
    {
      name: 'ONBUILD COPY in an image without WORKDIR',
      code: 'FROM node:20\nONBUILD COPY . app/\n',
      errors: [{ line: 2, message: 'when the trigger runs in a child build' }],
    },
  ],
});
