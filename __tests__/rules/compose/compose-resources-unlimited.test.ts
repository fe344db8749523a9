import rule from '../../../rules/compose/compose-resources-unlimited.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n',
    { name: 'mem_limit', code: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 512m\n' },
    {
      name: 'limits from an anchor',
      code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 1G\nservices:\n  web:\n    <<: *limits\n    image: nginx:1.27\n',
    },
    { name: 'a one-shot job', code: 'services:\n  migrate:\n    image: app:1.0\n    restart: "no"\n' },
    {
      name: 'override file',
      path: 'compose.prod.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n' },
      code: 'services:\n  web:\n    restart: always\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, message: 'service `web` has no memory limit' }],
    },
    {
      name: 'only a CPU limit and a memory reservation',
      code: 'services:\n  api:\n    image: app:1.0\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n        reservations:\n          memory: 256M\n',
      errors: [{ line: 2, message: /^service `api` has no memory limit \(`deploy.resources.limits.memory` or `mem_limit`\): a leak or a load spike can exhaust the host's memory$/ }],
    },
    {
      name: 'no limits at all mentions cpus',
      code: 'services:\n  api:\n    image: app:1.0\n    deploy:\n      replicas: 2\n',
      errors: [{ line: 2, message: 'without `cpus`' }],
    },
  ],
});
