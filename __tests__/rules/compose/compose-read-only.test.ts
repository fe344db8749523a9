import rule from '../../../rules/compose/compose-read-only.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /var/cache/nginx\n',
    { name: 'from a merge key', code: 'x-ro: &ro\n  read_only: true\nservices:\n  api:\n    <<: *ro\n    image: app:1.0\n' },
    { name: 'an explicit false is a decision', code: 'services:\n  db:\n    image: postgres:16\n    read_only: false\n' },
    { name: 'override file', path: 'docker-compose.dev.yml', files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n' }, code: 'services:\n  web:\n    ports: ["8080:80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: app:1.0\n',
      errors: [{ line: 2, column: 3, message: 'service `web` has a writable root filesystem' }, { line: 4, message: '`api`' }],
    },
  ],
});
