import rule from '../../../rules/compose/compose-port-unquoted.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - \'443:443\'\n      - target: 8080\n        published: 8080\n    expose:\n      - "9000"\n',
    { name: 'flow list, double-quoted', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80", "127.0.0.1:8443:443"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  sftp:\n    image: atmoz/sftp:alpine\n    ports:\n      - 22:22\n      - 8080:80\n    expose:\n      - 9000\n',
      errors: [
        { line: 5, column: 9, endColumn: 14, message: '`ports` entry `22:22` is not quoted: a YAML 1.1 parser reads it as the base-60 number 1342' },
        { line: 6, message: /^`ports` entry `8080:80` is not quoted$/ },
        { line: 8, message: '`expose` entry `9000`' },
      ],
      output: 'services:\n  sftp:\n    image: atmoz/sftp:alpine\n    ports:\n      - "22:22"\n      - "8080:80"\n    expose:\n      - "9000"\n',
    },
    {
      name: 'flow list: one fix for the line',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: [80:80, "443:443", 8443:8443]\n',
      errors: [{ line: 4, column: 13 }, { line: 4, column: 31 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80", "443:443", "8443:8443"]\n',
    },
    {
      name: 'from an anchor used by two services: once, on the anchor line, not rewritten',
      code: 'x-ports: &ports\n  ports:\n    - 8080:80\nservices:\n  a:\n    <<: *ports\n    image: a:1\n  b:\n    <<: *ports\n    image: b:1\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'in the override: reported and fixed there',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n' },
      code: 'services:\n  web:\n    ports:\n      - 9229:9229\n',
      errors: [{ line: 4 }],
      output: 'services:\n  web:\n    ports:\n      - "9229:9229"\n',
    },
  ],
});
