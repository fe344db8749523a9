import rule from '../../../rules/compose/compose-privileged-port.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "127.0.0.1:8443:443"\n      - "80"\n',
    { name: 'a host port from a variable without default', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${HTTP_PORT}:80"\n' },
  ],
  invalid: [
    {
      name: 'the override publishes port 80',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    ports:\n      - "80:80"\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "127.0.0.1:443:443"\n      - target: 53\n        published: 53\n        protocol: udp\n      - "${SSH_PORT:-22}:22"\n',
      errors: [
        { line: 5, column: 9, message: 'service `proxy` publishes the privileged host port `80`' },
        { line: 6, message: '`443`' },
        { line: 7, message: '`53`' },
        { line: 10, message: '`22`' },
      ],
    },
    {
      name: 'from a merge key: on the anchor line',
      code: 'x-proxy: &proxy\n  ports: ["443:8443"]\nservices:\n  proxy:\n    <<: *proxy\n    image: caddy:2.8\n',
      errors: [{ line: 2, column: 11 }],
    },
  ],
});
