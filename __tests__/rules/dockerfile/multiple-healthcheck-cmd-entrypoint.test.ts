import rule from '../../../rules/dockerfile/multiple-healthcheck-cmd-entrypoint.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nENTRYPOINT ["node"]\nCMD ["server.js"]\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n',
    {
      name: 'one per stage',
      code: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\n\nFROM node:20 AS prod\nCMD ["node", "server.js"]\n',
    },
    { name: 'ONBUILD CMD is not the stage\'s CMD', code: 'FROM node:20\nONBUILD CMD ["npm", "start"]\nCMD ["node"]\n' },
    { name: 'HEALTHCHECK CMD counts as a HEALTHCHECK, not a CMD', code: 'FROM redis:7\nHEALTHCHECK CMD redis-cli ping\nCMD ["redis-server"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs',
      code: 'FROM python:3.12\nCMD ["python", "app.py"]\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ line: 2, column: 1, message: 'the `CMD` on line 4 of the same stage replaces it' }],
    },
    {
      name: 'three ENTRYPOINTs (lower case, continuation) and two HEALTHCHECKs',
      code: 'FROM alpine:3.20\nentrypoint ["/a"]\nHEALTHCHECK CMD true\nentrypoint ["/b", \\\n  "--flag"]\nHEALTHCHECK NONE\nENTRYPOINT ["/c"]\n',
      errors: [
        { line: 2, message: '`ENTRYPOINT` on line 7' },
        { line: 3, message: '`HEALTHCHECK` on line 6' },
        { line: 4, endLine: 5, message: '`ENTRYPOINT` on line 7' },
      ],
    },
    {
      name: 'per stage, in a builder too',
      code: 'FROM node:20 AS build\nCMD npm test\nCMD npm run build\nFROM nginx:1.27\nCMD ["nginx"]\n',
      errors: [{ line: 2 }],
    },
  ],
});
