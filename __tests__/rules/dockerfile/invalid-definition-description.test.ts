import rule from '../../../rules/dockerfile/invalid-definition-description.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    '# build-cli builds the CLI binary\nFROM alpine:3.20 AS build-cli\n# VERSION controls the version of the program\nARG VERSION=1\n',
    { name: 'an empty line separates the comment', code: '# a non-descriptive comment\n\nFROM scratch AS base\n' },
    { name: 'no stage name', code: '# some comment\nFROM alpine:3.20\n' },
    { name: 'pragmas and directives are not descriptions', code: '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nARG A=1\n# hadolint ignore=DL3006\nFROM base AS app\n' },
    { name: 'a multi-line description starting with the name', code: '# base is the stage everything\n# else builds on\nFROM alpine:3.20 AS base\n' },
  ],
  invalid: [
    {
      code: '# a non-descriptive comment\nFROM scratch AS base\n\n# another non-descriptive comment\nARG VERSION=1\n',
      errors: [
        { line: 1, message: 'the comment right above stage `base` is taken as its description but does not start with `base`' },
        { line: 4, message: '`ARG VERSION`' },
      ],
    },
    {
      name: 'a global ARG, a pragma between comment and ARG',
      code: '# the version\n# hadolint ignore=DL3006\nARG VERSION=1\nFROM alpine:3.20\n',
      errors: [{ line: 1, message: 'write `# VERSION <description>`' }],
    },
  ],
});
