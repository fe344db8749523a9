import rule from '../../../rules/compose/compose-services-order.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: a:1\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n',
    {
      name: 'merge keys are ignored',
      code: 'x-base: &base\n  zz:\n    image: z:1\nservices:\n  <<: *base\n  api:\n    image: a:1\n  web:\n    image: w:1\n',
    },
    {
      name: 'the override is judged by its own order',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: w:1\n  api:\n    image: a:1\n' },
      code: 'services:\n  api:\n    ports: ["8000:8000"]\n  web:\n    ports: ["80:80"]\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: a:1\n  db:\n    image: postgres:16\n',
      errors: [
        { line: 4, column: 3, endColumn: 6, message: 'service `api` is written after `web`' },
        { line: 6, message: 'service `db` is written after `web`' },
      ],
    },
    {
      name: 'in an override file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n  web:\n    image: w:1\n' },
      code: 'services:\n  web:\n    ports: ["80:80"]\n  api:\n    ports: ["8000:8000"]\n',
      errors: [{ line: 4, message: 'service `api` is written after `web`' }],
    },
    {
      name: 'services written after a merge key',
      code: 'x-base: &base\n  aa:\n    image: a:1\nservices:\n  <<: *base\n  web:\n    image: w:1\n  api:\n    image: a:1\n',
      errors: [{ line: 8, message: 'service `api` is written after `web`' }],
    },
  ],
});
