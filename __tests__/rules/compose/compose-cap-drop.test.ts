import rule from '../../../rules/compose/compose-cap-drop.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n',
    { name: 'lower case, flow, from a merge key', code: 'x-caps: &caps\n  cap_drop: [all]\nservices:\n  api:\n    <<: *caps\n    image: app:1.0\n' },
  ],
  invalid: [
    {
      name: 'a service the override adds is judged in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n' },
      code: 'services:\n  web:\n    ports: ["8080:80"]\n  adminer:\n    image: adminer:4\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n',
      errors: [{ line: 2, column: 3, message: "service `web` keeps Docker's default capabilities" }],
    },
  ],
});
