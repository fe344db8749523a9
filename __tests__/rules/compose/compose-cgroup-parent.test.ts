import rule from '../../../rules/compose/compose-cgroup-parent.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  worker:\n    image: acme/worker:3.2\n    cgroup: private\n',
    { name: 'a variable that resolves to nothing', code: 'services:\n  worker:\n    image: acme/worker:3.2\n    cgroup_parent: ${CGROUP_PARENT:-}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  worker:\n    image: acme/worker:3.2\n    cgroup_parent: batch.slice\n',
      errors: [{ line: 4, column: 20, endColumn: 31, message: 'service `worker` runs under the custom parent cgroup `batch.slice`' }],
    },
    {
      name: 'from an anchor: on the anchor line, once per service',
      code: 'x-batch: &batch\n  cgroup_parent: batch.slice\nservices:\n  a:\n    <<: *batch\n    image: a:1\n  b:\n    <<: *batch\n    image: b:1\n',
      errors: [{ line: 2, message: 'service `a`' }, { line: 2, message: 'service `b`' }],
    },
    {
      name: 'set in the override file: reported there',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  worker:\n    image: acme/worker:3.2\n' },
      code: 'services:\n  worker:\n    cgroup_parent: /custom\n',
      errors: [{ line: 3, message: '`/custom`' }],
    },
    {
      name: 'value from .env',
      files: { '.env': 'PARENT=ops.slice\n' },
      code: 'services:\n  worker:\n    image: acme/worker:3.2\n    cgroup_parent: ${PARENT}\n',
      errors: [{ line: 4, message: '`ops.slice`' }],
    },
  ],
});
