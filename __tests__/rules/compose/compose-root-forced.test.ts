import rule from '../../../rules/compose/compose-root-forced.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  worker:\n    image: app:1.0\n    user: "1000:1000"\n    environment:\n      CELERY_BROKER_URL: redis://redis:6379/0\n',
    { name: 'group 0 only, a named user, a variable', code: 'services:\n  a:\n    image: a:1\n    user: "1001:0"\n  b:\n    image: b:1\n    user: app\n  c:\n    image: c:1\n    user: ${UID}:${GID}\n' },
    { name: 'C_FORCE_ROOT passed through or empty', code: 'services:\n  w:\n    image: w:1\n    environment:\n      - C_FORCE_ROOT\n      - C_FORCE_ROOT_X=1\n  v:\n    image: v:1\n    environment:\n      C_FORCE_ROOT: ""\n' },
  ],
  invalid: [
    {
      name: 'the override runs the service as root',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  worker:\n    image: app:1.0\n' },
      code: 'services:\n  worker:\n    user: root\n',
      errors: [{ line: 3 }],
    },
    {
      code: 'services:\n  worker:\n    image: app:1.0\n    environment:\n      - C_FORCE_ROOT=1\n',
      errors: [{ line: 5, column: 9, message: 'service `worker` sets `C_FORCE_ROOT`' }],
    },
    {
      name: 'any non-empty value forces it, even false',
      code: 'services:\n  worker:\n    image: app:1.0\n    environment:\n      C_FORCE_ROOT: "false"\n',
      errors: [{ line: 5, column: 21, message: 'Celery treats any non-empty value as set, even `false`' }],
    },
    {
      name: 'user root, 0 and 0:0',
      code: 'services:\n  a:\n    image: a:1\n    user: root\n  b:\n    image: b:1\n    user: 0\n  c:\n    image: c:1\n    user: "0:0"\n',
      errors: [
        { line: 4, column: 11, message: 'service `a` runs as root (`user: root`)' },
        { line: 7, message: '(`user: 0`)' },
        { line: 10, message: '(`user: 0:0`)' },
      ],
    },
    {
      name: 'from anchors: on the anchor lines',
      code: 'x-worker: &worker\n  user: root\n  environment:\n    C_FORCE_ROOT: "true"\nservices:\n  worker:\n    <<: *worker\n    image: app:1.0\n',
      errors: [{ line: 2 }, { line: 4 }],
    },
  ],
});
