import rule from '../../../rules/compose/compose-pids-limit-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    pids_limit: 200\n',
    { name: 'deploy limits, from a merge key', code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        pids: 100\nservices:\n  api:\n    <<: *limits\n    image: app:1.0\n' },
  ],
  invalid: [
    {
      name: 'a service the override adds is judged in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    pids_limit: 100\n' },
      code: 'services:\n  web:\n    ports: ["8080:80"]\n  adminer:\n    image: adminer:4\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: app:1.0\n    pids_limit: -1\n',
      errors: [{ line: 2, column: 3, message: 'service `web` has no `pids_limit`' }, { line: 4, message: 'sets `pids_limit: -1`, i.e. no limit' }],
    },
  ],
});
