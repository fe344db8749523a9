import rule from '../../../rules/project/compose-build-target-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const DOCKERFILE = 'FROM python:3.12-slim AS base\nFROM base AS development\nFROM base AS production\n';

testRule(rule, {
  valid: [
    { name: 'the target names a stage', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      target: production\n' },
    { name: 'stage names are case-insensitive', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      target: Production\n' },
    { name: 'a target from a variable without value', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      target: ${TARGET}\n' },
    { name: 'a Dockerfile outside the review is not judged', code: 'services:\n  api:\n    build:\n      context: ./elsewhere\n      target: prod\n' },
  ],
  invalid: [
    {
      name: 'a misspelt target',
      files: { Dockerfile: DOCKERFILE },
      code: 'services:\n  api:\n    build:\n      context: .\n      target: prodution\n',
      errors: [{ line: 5, column: 15, message: 'builds target `prodution`, but `Dockerfile` has no stage of that name (its stages are `base`, `development`, `production`)' }],
    },
    {
      name: 'a target set by an override, with a default from .env',
      files: { Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  api:\n    build: .\n', '.env': 'STAGE=prod\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  api:\n    build:\n      target: ${STAGE:-dev}\n',
      errors: [{ line: 4, message: 'builds target `prod`' }],
    },
    {
      name: 'a target from a YAML anchor',
      files: { Dockerfile: DOCKERFILE },
      code: 'x-build: &build\n  context: .\n  target: release\nservices:\n  api:\n    build: *build\n',
      errors: [{ line: 3 }],
    },
  ],
});
