import rule from '../../../rules/dockerfile/exec-form-cmd.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
    { name: 'exec form over continuation lines', code: 'FROM node:20\nENTRYPOINT ["node", \\\n  "server.js"]\n' },
    { name: 'shell form in a builder stage only', code: 'FROM node:20 AS build\nCMD npm run build\nFROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'SHELL is set: the shell form is deliberate', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Start-Service w3svc; ping -t localhost\n' },
    { name: 'SHELL set in the stage the final one builds on', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nCMD run-app --port 80\n' },
    { name: 'starts with exec', code: 'FROM python:3.12\nCMD exec gunicorn app:app --bind 0.0.0.0:$PORT\n' },
    { name: 'a CMD inherited from the parent stage is reset by a new ENTRYPOINT', code: 'FROM alpine:3.20 AS base\nCMD echo base\nFROM base\nENTRYPOINT ["/app"]\n' },
    { name: 'earlier shell-form CMD is overridden', code: 'FROM alpine:3.20\nCMD sleep 1\nCMD ["sleep", "2"]\n' },
    { name: 'ONBUILD CMD belongs to child images', code: 'FROM alpine:3.20\nONBUILD CMD run-child\nCMD ["run"]\n' },
    { name: 'no CMD at all', code: 'FROM alpine:3.20\nRUN true\n' },
    { name: 'pseudo-JSON is json-form-invalid\'s finding', code: "FROM node:20\nCMD ['npm', 'start']\n" },
    { name: 'a trailing comma and typographic quotes too', code: 'FROM node:20\nENTRYPOINT ["node", "server.js",]\nCMD [\u201cnpm\u201d, \u201cstart\u201d]\n' },
  ],
  invalid: [
    {
      name: 'plain command: fixed to exec form',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCMD uvicorn app.main:app --host 0.0.0.0 --port 8000\n',
      errors: [{ line: 3, column: 1, message: '`CMD` in shell form runs as `/bin/sh -c …`' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    },
    {
      name: 'continuation lines are joined; lower-case keyword kept; indentation kept',
      code: 'FROM node:20\n  cmd node \\\n    server.js \\\n    --port=3000\n',
      errors: [{ line: 2, endLine: 4, message: '`CMD ["node", …]`' }],
      output: 'FROM node:20\n  cmd ["node", "server.js", "--port=3000"]\n',
    },
    {
      name: 'shell syntax: reported, not fixed',
      code: 'FROM python:3.12\nCMD python manage.py migrate && gunicorn app.wsgi --bind 0.0.0.0:$PORT\n',
      errors: [{ line: 2, message: 'start the command with `exec`' }],
    },
    {
      name: 'shell-form ENTRYPOINT next to a CMD: not fixed (the CMD would become its arguments); the ignored CMD is not judged',
      code: 'FROM node:20\nENTRYPOINT node server.js\nCMD --port 80\n',
      errors: [{ line: 2, message: '`CMD` / `docker run` arguments are ignored' }],
    },
    {
      name: 'shell-form CMD with an ENTRYPOINT',
      code: 'FROM python:3.12\nENTRYPOINT ["python"]\nCMD app.py --debug\n',
      errors: [{ line: 3, message: 'handed to the `ENTRYPOINT` (line 2)' }],
    },
    {
      name: 'inherited from the stage the final one builds on',
      code: 'FROM python:3.12 AS base\nCMD python -m http.server\nFROM base\nRUN pip install flask\n',
      errors: [{ line: 2 }],
      output: 'FROM python:3.12 AS base\nCMD ["python", "-m", "http.server"]\nFROM base\nRUN pip install flask\n',
    },
    {
      name: '`ENTRYPOINT []` clears the entrypoint: the CMD is judged alone',
      code: 'FROM ruby:3.3\nENTRYPOINT []\nCMD bundle exec puma\n',
      errors: [{ line: 3, message: '`CMD` in shell form runs as `/bin/sh -c …`' }],
      output: 'FROM ruby:3.3\nENTRYPOINT []\nCMD ["bundle", "exec", "puma"]\n',
    },
    {
      name: 'a comment inside the instruction blocks the fix',
      code: 'FROM node:20\nCMD node \\\n  # entry point\n  server.js\n',
      errors: [{ line: 2, endLine: 4 }],
    },
  ],
});
