import rule from '../../../rules/compose/compose-version-obsolete.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n', { name: 'a service key named version', code: 'services:\n  version:\n    image: nginx:1.27\n' }],
  invalid: [
    {
      code: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 1, column: 1, endColumn: 15 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'in an override file, after services',
      path: 'docker-compose.override.yml',
      code: 'services:\n  web:\n    image: nginx:1.27\nversion: \'2.4\'\n',
      errors: [{ line: 4 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});
