import rule from '../../../rules/dockerfile/env-reference-same-instruction.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH\n',
    { name: 'a variable refers to its own old value', code: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n' },
    { name: 'refers to a variable set earlier with the same value', code: 'FROM alpine:3.20\nENV A=1\nENV A=1 B=$A\n' },
    { name: 'single quotes and escapes are not expanded', code: "FROM alpine:3.20\nENV A=1 B='$A' C=\\$A\n" },
    { name: 'a variable set later in the same ENV had a value before', code: 'FROM alpine:3.20\nENV A=0\nENV B=$A A=1\n' },
    { name: 'legacy form has one pair', code: 'FROM alpine:3.20\nENV A 1 $A\n' },
    { name: 'a longer name is another variable', code: 'FROM alpine:3.20\nENV A=1 B=$AB C=${A_1}\n' },
    { name: 'set in the stage it builds on', code: 'FROM alpine:3.20 AS base\nENV A=1\nFROM base\nENV A=1 B=$A\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nENV APP_HOME=/srv/app PYTHONPATH=$APP_HOME/src\n',
      errors: [{ line: 2, column: 34, endColumn: 43, message: '`PYTHONPATH` uses `$APP_HOME`, which this same `ENV` sets' }],
    },
    {
      name: 'braced, with a default, continued over lines',
      code: 'FROM node:20\nENV NODE_VERSION=20 \\\n    NODE_DIR=/opt/node-${NODE_VERSION:-x} \\\n    PATH="/opt/${NODE_VERSION}/bin:$PATH"\n',
      errors: [{ line: 3, column: 24, message: 'is an empty string' }, { line: 4, column: 16 }],
    },
    {
      name: 'set before with another value: the old one is used',
      code: 'FROM alpine:3.20\nENV VERSION=1\nENV VERSION=2 URL=https://example.com/v$VERSION\n',
      errors: [{ line: 3, message: 'the value it had before this line, not the new one' }],
    },
    {
      name: 'ONBUILD ENV',
      code: 'FROM alpine:3.20\nONBUILD ENV A=1 B=$A\n',
      errors: [{ line: 2, column: 19 }],
    },
    {
      name: 'a variable set later in the same ENV and never before',
      code: 'FROM alpine:3.20\nENV B=$A A=1\n',
      errors: [{ line: 2, column: 7 }],
    },
  ],
});
