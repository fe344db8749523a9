import rule from '../../../rules/compose/compose-depends-on-order.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - redis\n  db:\n    image: postgres:16\n  redis:\n    image: redis:7\n',
    { name: 'map syntax sorted', code: 'services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: a:1\n    depends_on:\n      - redis\n      - "db"\n      - mq\n',
      errors: [{ line: 4, column: 5, endColumn: 15, message: '`depends_on` lists `redis`, `db`, `mq`: not in alphabetical order' }],
      output: 'services:\n  api:\n    image: a:1\n    depends_on:\n      - "db"\n      - mq\n      - redis\n',
    },
    {
      name: 'flow list',
      code: 'services:\n  api:\n    image: a:1\n    depends_on: [redis, db]\n',
      errors: [{ line: 4 }],
      output: 'services:\n  api:\n    image: a:1\n    depends_on: [db, redis]\n',
    },
    {
      name: 'map syntax: reported, not rewritten',
      code: 'services:\n  api:\n    image: a:1\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy\n',
      errors: [{ line: 4, message: '`redis`, `db`' }],
    },
    {
      name: 'from an anchor used by two services: once, on the anchor, not rewritten',
      code: 'x-deps: &deps\n  depends_on:\n    - redis\n    - db\nservices:\n  api:\n    <<: *deps\n    image: a:1\n  worker:\n    <<: *deps\n    image: a:1\n',
      errors: [{ line: 2, column: 3 }],
    },
    {
      name: 'in an override file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n' },
      code: 'services:\n  api:\n    depends_on:\n      - mailhog\n      - adminer\n',
      errors: [{ line: 3 }],
      output: 'services:\n  api:\n    depends_on:\n      - adminer\n      - mailhog\n',
    },
  ],
});
