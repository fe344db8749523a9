import rule from '../../../rules/compose/compose-privileged.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the base is clean; the override is judged on its own lines',
      files: { 'compose.override.yaml': 'services:\n  web:\n    privileged: true\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n',
    { name: 'specific capabilities', code: 'services:\n  vpn:\n    image: wireguard:1.0\n    cap_add:\n      - NET_ADMIN\n      - SYS_MODULE\n' },
  ],
  invalid: [
    {
      name: 'set in the default override, for a service the base defines',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    environment:\n      A: "1"\n    privileged: true\n',
      errors: [{ line: 5, column: 17 }],
    },
    {
      name: 'set through an anchor: reported on the anchor line, once',
      code: 'x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: a:1\n  b:\n    <<: *priv\n    image: b:1\n',
      errors: [{ line: 2, message: '`a`' }, { line: 2, message: '`b`' }],
    },
    {
      code: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n',
      errors: [{ line: 4, column: 17, endColumn: 21, message: 'service `dind` runs privileged (`privileged: true`)' }],
    },
    {
      name: 'from a merge key: on the anchor line',
      code: 'x-priv: &priv\n  privileged: true\nservices:\n  agent:\n    <<: *priv\n    image: agent:1.0\n  other:\n    <<: *priv\n    image: other:1.0\n',
      errors: [
        { line: 2, message: 'service `agent`' },
        { line: 2, message: 'service `other`' },
      ],
    },
    {
      name: 'cap_add ALL, flow and block',
      code: 'services:\n  a:\n    image: a:1\n    cap_add: [ALL]\n  b:\n    image: b:1\n    cap_add:\n      - NET_ADMIN\n      - all\n',
      errors: [
        { line: 4, column: 15, message: 'service `a` adds `ALL` capabilities' },
        { line: 9, message: 'service `b` adds `ALL` capabilities' },
      ],
    },
  ],
});
