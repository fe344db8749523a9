import rule from '../../../rules/compose/compose-no-new-privileges.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n',
    { name: 'the other spellings', code: 'services:\n  a:\n    image: a:1\n    security_opt: [no-new-privileges]\n  b:\n    image: b:1\n    security_opt:\n      - "no-new-privileges=true"\n' },
    { name: 'from a merge key', code: 'x-hardening: &hardening\n  security_opt:\n    - no-new-privileges:true\nservices:\n  web:\n    <<: *hardening\n    image: nginx:1.27\n' },
    {
      name: 'override file',
      path: 'compose.override.yml',
      files: { 'compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n' },
      code: 'services:\n  web:\n    ports: ["8080:80"]\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 2, column: 3, message: 'service `web` does not set `no-new-privileges`' }],
    },
    {
      name: 'turned off explicitly, also in an override file',
      path: 'compose.override.yml',
      files: { 'compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ line: 4, column: 9, message: 'service `web` turns `no-new-privileges` off' }],
    },
    {
      name: 'turned off in an anchor: on the anchor line',
      code: 'x-opts: &opts\n  security_opt: ["no-new-privileges:false"]\nservices:\n  web:\n    <<: *opts\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 18 }],
    },
  ],
});
