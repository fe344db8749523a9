import rule from '../../../rules/compose/compose-depends-on-no-condition.js';
import { testRule } from '../../helpers/rule-tester.js';

const DB = '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n';
const REDIS = '  redis:\n    image: redis:7\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n';

testRule(rule, {
  valid: [
    `services:\n  web:\n    image: app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n${DB}`,
    {
      name: 'one-shot jobs and healthy conditions',
      code: `services:\n  migrate:\n    image: app:1.0\n    command: ["migrate"]\n  web:\n    image: app:1.0\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n      db:\n        condition: service_healthy\n        restart: true\n${DB}`,
    },
    { name: 'no depends_on', code: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'block list, every target healthy: rewritten as a map',
      code: `services:\n  web:\n    image: app:1.0\n    depends_on:\n      - db\n      - redis\n    ports:\n      - "8080:8080"\n${DB}${REDIS}`,
      errors: [
        { line: 5, column: 9, endColumn: 11, message: 'service `web` waits only for `db` to start, not to be ready: `db` has a healthcheck, use `condition: service_healthy`' },
        { line: 6, message: '`redis` has a healthcheck' },
      ],
      output: `services:\n  web:\n    image: app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_healthy\n    ports:\n      - "8080:8080"\n${DB}${REDIS}`,
    },
    {
      name: 'flow list with four-space indentation',
      code: 'services:\n    web:\n        image: app:1.0\n        depends_on: [db]\n    db:\n        image: postgres:16\n        healthcheck:\n            test: ["CMD", "pg_isready"]\n',
      errors: [{ line: 4, column: 22 }],
      output: 'services:\n    web:\n        image: app:1.0\n        depends_on:\n            db:\n                condition: service_healthy\n    db:\n        image: postgres:16\n        healthcheck:\n            test: ["CMD", "pg_isready"]\n',
    },
    {
      name: 'a target without healthcheck: no fix, say to add one',
      code: 'services:\n  web:\n    image: app:1.0\n    depends_on:\n      - api\n  api:\n    image: api:1.0\n',
      errors: [{ line: 5, message: 'add a healthcheck to `api` and use `condition: service_healthy`' }],
    },
    {
      name: 'map syntax: service_started on the condition, no condition on the key',
      code: `services:\n  web:\n    image: app:1.0\n    depends_on:\n      db:\n        condition: service_started\n      redis:\n        required: false\n${DB}${REDIS}`,
      errors: [
        { line: 6, column: 20, message: '`db` has a healthcheck' },
        { line: 7, column: 7, message: '`redis` has a healthcheck' },
      ],
    },
    {
      name: "the target's healthcheck is in its Dockerfile",
      files: { 'api/Dockerfile': 'FROM node:20-slim\nHEALTHCHECK CMD node health.js\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - api\n  api:\n    build: ./api\n',
      errors: [{ line: 5, message: '`api` has a healthcheck' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./api\n',
    },
    {
      name: 'a one-shot job waited for elsewhere',
      code: 'services:\n  migrate:\n    image: app:1.0\n  web:\n    image: app:1.0\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  worker:\n    image: app:1.0\n    depends_on:\n      - migrate\n',
      errors: [{ line: 12, message: 'use `condition: service_completed_successfully`' }],
    },
    {
      name: 'a job told never to restart',
      code: 'services:\n  migrate:\n    image: app:1.0\n    restart: "no"\n  web:\n    image: app:1.0\n    depends_on: [migrate]\n',
      errors: [{ line: 7, column: 18, message: '`migrate` is a one-shot job' }],
    },
    {
      name: 'from an anchor: on the anchor line, never rewritten there',
      code: `x-app: &app\n  image: app:1.0\n  depends_on:\n    - db\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n${DB}`,
      errors: [
        { line: 4, message: 'service `web`' },
        { line: 4, message: 'service `worker`' },
      ],
    },
    {
      name: 'a comment between items: no fix',
      code: `services:\n  web:\n    image: app:1.0\n    depends_on:\n      - db\n      # the cache\n      - redis\n${DB}${REDIS}`,
      errors: [{ line: 5 }, { line: 7 }],
    },
    {
      name: 'in an override file, the target is in the base file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': `services:\n  web:\n    image: app:1.0\n${DB}` },
      code: 'services:\n  web:\n    depends_on:\n      - db\n',
      errors: [{ line: 4, message: '`db` has a healthcheck' }],
      output: 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n',
    },
  ],
});
