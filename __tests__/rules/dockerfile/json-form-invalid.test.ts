import rule from '../../../rules/dockerfile/json-form-invalid.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nCMD ["npm", "start"]\n',
    { name: 'shell form', code: 'FROM node:20\nCMD npm start\nRUN echo [a, b]\n' },
    { name: 'the test command', code: 'FROM debian:12\nRUN [ -f /etc/os-release ] && cat /etc/os-release\nRUN [[ -n "$HOME" ]]\n' },
    { name: 'valid JSON over continuation lines', code: 'FROM node:20\nENTRYPOINT ["node", \\\n  "server.js"]\n' },
    { name: 'SHELL and HEALTHCHECK in JSON', code: 'FROM node:20\nSHELL ["/bin/bash", "-c"]\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'empty exec form', code: 'FROM node:20\nENTRYPOINT []\n' },
    { name: 'Windows path with escaped backslashes', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["C:\\\\app\\\\run.exe"]\n' },
  ],
  invalid: [
    {
      code: "FROM node:20\nCMD ['npm', 'start']\n",
      errors: [{ line: 2, column: 1, message: 'it has single quotes, so Docker runs the text through `/bin/sh -c`' }],
      output: 'FROM node:20\nCMD ["npm", "start"]\n',
    },
    {
      name: 'RUN with flags, a trailing comma',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt ["apt-get", "update",]\n',
      errors: [{ line: 2, message: 'it has a trailing comma' }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt ["apt-get", "update"]\n',
    },
    {
      name: 'typographic quotes and a missing comma',
      code: 'FROM python:3.12\nENTRYPOINT [\u201cpython\u201d \u201capp.py\u201d]\n',
      errors: [{ line: 2, message: 'typographic quotes and a missing comma' }],
      output: 'FROM python:3.12\nENTRYPOINT ["python", "app.py"]\n',
    },
    {
      name: 'a Windows path with single backslashes',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["C:\\app\\run.exe", "--port", "80"]\n',
      errors: [{ line: 2, message: 'backslashes JSON does not accept' }],
      output: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["C:\\\\app\\\\run.exe", "--port", "80"]\n',
    },
    {
      name: 'continuation lines and indentation are kept',
      code: "FROM node:20\n  CMD ['node', \\\n       'server.js', \\\n       '--port=3000']\n",
      errors: [{ line: 2, endLine: 4 }],
      output: 'FROM node:20\n  CMD ["node", \\\n       "server.js", \\\n       "--port=3000"]\n',
    },
    {
      name: 'SHELL in single quotes fails the build',
      code: "FROM debian:12\nSHELL ['/bin/bash', '-o', 'pipefail', '-c']\n",
      errors: [{ line: 2, message: '`SHELL` accepts only the JSON form' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    },
    {
      name: 'HEALTHCHECK and ONBUILD CMD',
      code: "FROM node:20\nHEALTHCHECK --interval=30s CMD ['curl', '-f', 'http://localhost/']\nONBUILD CMD ['npm', 'start']\n",
      errors: [{ line: 2, message: 'reported unhealthy' }, { line: 3, message: 'through `ONBUILD`' }],
      output: 'FROM node:20\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\nONBUILD CMD ["npm", "start"]\n',
    },
    {
      name: 'a double quote inside single quotes is escaped in the fix',
      code: "FROM alpine:3.20\nCMD ['sh', '-c', 'echo \"hi\"']\n",
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nCMD ["sh", "-c", "echo \\"hi\\""]\n',
    },
    {
      name: 'a backslash inside single quotes: reported, not fixed',
      code: "FROM alpine:3.20\nCMD ['printf', 'a\\n']\n",
      errors: [{ line: 2 }],
    },
  ],
});
