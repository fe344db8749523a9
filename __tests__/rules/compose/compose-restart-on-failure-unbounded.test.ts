import rule from '../../../rules/compose/compose-restart-on-failure-unbounded.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  worker:\n    image: acme/worker:3.2\n    restart: on-failure:5\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n  job:\n    image: acme/job:1\n    restart: "no"\n',
    {
      name: 'deploy.restart_policy with max_attempts up to 5',
      code: 'services:\n  worker:\n    image: acme/worker:3.2\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n  api:\n    image: acme/api:1\n    deploy:\n      restart_policy:\n        condition: any\n',
    },
    { name: 'a variable without default', code: 'services:\n  worker:\n    image: acme/worker:3.2\n    restart: ${RESTART}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  worker:\n    image: acme/worker:3.2\n    restart: on-failure\n  api:\n    image: acme/api:1\n    restart: "on-failure:10"\n',
      errors: [
        { line: 4, column: 14, endColumn: 24, message: 'service `worker` restarts `on-failure` without a limit' },
        { line: 7, message: 'up to 10 times' },
      ],
      output: 'services:\n  worker:\n    image: acme/worker:3.2\n    restart: on-failure:5\n  api:\n    image: acme/api:1\n    restart: "on-failure:5"\n',
    },
    {
      name: 'deploy.restart_policy: missing max_attempts on the condition (no fix), too many fixed',
      code: 'services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n  b:\n    image: b:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 0\n',
      errors: [
        { line: 6, column: 20, message: 'without `max_attempts`' },
        { line: 12, message: '`max_attempts: 0`' },
      ],
    },
    {
      name: 'from an anchor: on the anchor line, not rewritten',
      code: 'x-restart: &restart\n  restart: on-failure\nservices:\n  a:\n    <<: *restart\n    image: a:1\n',
      errors: [{ line: 2, message: 'service `a`' }],
    },
    {
      name: 'set in the override: reported and fixed there',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  worker:\n    image: acme/worker:3.2\n    restart: always\n' },
      code: 'services:\n  worker:\n    restart: on-failure\n',
      errors: [{ line: 3, message: 'service `worker`' }],
      output: 'services:\n  worker:\n    restart: on-failure:5\n',
    },
  ],
});
