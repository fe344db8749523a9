import rule from '../../../rules/dockerfile/run-network-host.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nRUN npm ci\n',
    { name: 'no network', code: 'FROM node:20\nRUN --network=none npm run build\nRUN --network=default npm ci\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG NET\nRUN --network=$NET npm ci\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN --network=host npm ci\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: '`--network=host` shares the build machine\'s network' }],
    },
    {
      name: 'from an ARG, ONBUILD',
      code: 'FROM node:20\nARG NET=host\nRUN --network=${NET} npm ci\nONBUILD RUN --network=host npm ci\n',
      errors: [{ line: 3 }, { line: 4, message: 'through `ONBUILD`' }],
    },
    {
      name: 'heredoc RUN',
      code: 'FROM node:20\nRUN --network=host <<EOF\nnpm ci\nEOF\n',
      errors: [{ line: 2, column: 5 }],
    },
  ],
});
