import rule from '../../../rules/project/compose-build-arg-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const DOCKERFILE = 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS base\nRUN true\nFROM base\n';

testRule(rule, {
  valid: [
    { name: 'compose passes the arg', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        BASE_IMAGE: python:3.12-slim\n' },
    { name: 'passed through from the environment', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        - BASE_IMAGE\n' },
    { name: 'the ARG has a default', files: { Dockerfile: 'ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE}\n' }, code: 'services:\n  api:\n    build: .\n' },
    { name: 'an optional tag part stays valid', files: { Dockerfile: 'ARG VARIANT\nFROM python:3.12${VARIANT}\n' }, code: 'services:\n  api:\n    build: .\n' },
    {
      name: 'a stage the target does not need',
      files: { Dockerfile: 'ARG TOOLS_IMAGE\nFROM ${TOOLS_IMAGE} AS tools\nFROM alpine:3.20 AS app\n' },
      code: 'services:\n  api:\n    build:\n      context: .\n      target: app\n',
    },
  ],
  invalid: [
    {
      name: 'the arg is not passed',
      files: { Dockerfile: DOCKERFILE },
      code: 'services:\n  api:\n    build:\n      context: .\n',
      errors: [{ line: 3, message: 'builds `Dockerfile` without the build arg `BASE_IMAGE`: `FROM ${BASE_IMAGE}` becomes ``' }],
    },
    {
      name: 'other args are passed (reported on `args`), value from a YAML anchor',
      files: { Dockerfile: 'ARG REGISTRY\nFROM ${REGISTRY}/python:3.12\n' },
      code: 'x-args: &args\n  APP: "1"\nservices:\n  api:\n    build:\n      context: .\n      args: *args\n',
      errors: [{ line: 7, message: '`REGISTRY`' }],
    },
  ],
});
