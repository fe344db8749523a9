import rule from '../../../rules/project/compose-build-arg-unused.js';
import { testRule } from '../../helpers/rule-tester.js';

const DOCKERFILE = 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\nARG APP_ENV\nRUN echo $APP_ENV\n';

testRule(rule, {
  valid: [
    { name: 'every arg is declared (global or in a stage)', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        PYTHON_VERSION: "3.13"\n        APP_ENV: prod\n' },
    { name: 'predefined proxy and BuildKit args', files: { Dockerfile: DOCKERFILE }, code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        - HTTP_PROXY\n        - BUILDKIT_INLINE_CACHE=1\n' },
  ],
  invalid: [
    {
      name: 'an arg nothing declares (list syntax), with a likely rename',
      files: { Dockerfile: DOCKERFILE },
      code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        - APP_ENVIRONMENT=prod\n        - NODE_ENV=production\n',
      errors: [
        { line: 6, message: 'passes build arg `APP_ENVIRONMENT`, but `Dockerfile` declares no `ARG APP_ENVIRONMENT`' },
        { line: 7, message: '`NODE_ENV`' },
      ],
    },
    {
      name: 'an arg from an override',
      files: { Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  api:\n    build: .\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  api:\n    build:\n      args:\n        DEBUG: "1"\n',
      errors: [{ line: 5 }],
    },
  ],
});
