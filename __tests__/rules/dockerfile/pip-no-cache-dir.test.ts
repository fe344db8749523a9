import rule from '../../../rules/dockerfile/pip-no-cache-dir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'the flag after the packages, pip3', code: 'FROM python:3.12-slim\nRUN pip3 install -r requirements.txt --no-cache-dir\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR=off also disables the cache (pip quirk)', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n' },
    { name: 'ENV in the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n' },
    { name: 'ARG PIP_NO_CACHE_DIR', code: 'FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'prefix assignment and export', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask && export PIP_NO_CACHE_DIR=1 && pip install gunicorn\n' },
    { name: 'pip config', code: 'FROM python:3.12-slim\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n' },
    { name: 'pip cache mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt\n' },
    { name: 'cache mount on ~/.cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/home/app/.cache pip install flask\n' },
    { name: 'cache removed in the RUN', code: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n' },
    { name: 'pip cache purge', code: 'FROM python:3.12-slim\nRUN pip install flask && pip cache purge\n' },
    { name: 'python -m pip with the flag', code: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir flask\n' },
    { name: 'options from a variable', code: 'FROM python:3.12-slim\nARG PIP_ARGS=--no-cache-dir\nRUN pip install ${PIP_ARGS} flask\n' },
    { name: 'pipx, uv and pip download are not pip install', code: 'FROM python:3.12-slim\nRUN pipx install black && uv pip install flask && pip download flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 5, message: '`pip install` without `--no-cache-dir`' }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python -m pip, continued RUN',
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip \\\n && python3 -m pip install \\\n      flask\n',
      errors: [{ line: 2, message: '`python3 -m pip install`' }, { line: 3, column: 5 }],
      output: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip \\\n && python3 -m pip install --no-cache-dir \\\n      flask\n',
    },
    {
      name: 'sudo pip3, heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\nsudo pip3 install flask\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM python:3.12-slim\nRUN <<EOF\nsudo pip3 install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM python:3.12-slim\nONBUILD RUN pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM python:3.12-slim\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'a cache mount elsewhere',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install flask\n',
      errors: [{ line: 2 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n',
    },
    {
      name: 'ENV set after the install',
      code: 'FROM python:3.12-slim\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'an empty PIP_NO_CACHE_DIR is not a value pip accepts',
      code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=""\nRUN pip install flask\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'build stage: said to cost build cache only',
      code: 'FROM python:3.12 AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n',
      errors: [{ line: 2, message: 'not image size' }],
    },
  ],
});
