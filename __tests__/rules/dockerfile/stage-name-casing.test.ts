import rule from '../../../rules/dockerfile/stage-name-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    { name: 'lower-case keywords', code: 'from node:20 as build-stage_2\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS BuildStage\nRUN npm ci\nFROM nginx:1.27 AS WEB\nCOPY --from=BuildStage /app/dist /usr/share/nginx/html\n',
      errors: [
        { line: 1, column: 17, endColumn: 27, message: 'stage name `BuildStage` should be lower case: `buildstage`' },
        { line: 3, column: 20, message: '`WEB`' },
      ],
      output: 'FROM node:20 AS buildstage\nRUN npm ci\nFROM nginx:1.27 AS web\nCOPY --from=BuildStage /app/dist /usr/share/nginx/html\n',
    },
    {
      name: 'name on a continuation line',
      code: 'FROM node:20 AS \\\n    Build\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:20 AS \\\n    build\n',
    },
  ],
});
