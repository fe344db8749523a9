import rule from '../../../rules/compose/compose-port-unbound-interface.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - "192.168.1.10:443:443"\n      - "[::1]:9000:9000"\n      - target: 80\n        published: 8081\n        host_ip: 10.0.0.5\n',
    { name: 'expose is not publishing', code: 'services:\n  api:\n    image: app:1.0\n    expose:\n      - "3000"\n' },
    { name: 'an address from a variable without default', code: 'services:\n  api:\n    image: app:1.0\n    ports:\n      - "${BIND_ADDR}:3000:3000"\n' },
  ],
  invalid: [
    {
      name: 'a port an override adds is reported in the override; the base port in the base',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n' },
      code: 'services:\n  web:\n    ports:\n      - "127.0.0.1:9000:9000"\n      - "3000:3000"\n',
      errors: [{ line: 5, message: 'port `3000`' }],
    },
    {
      name: '0.0.0.0, random ports and long syntax: reported, no automatic fix',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - 443:443/tcp\n      - "0.0.0.0:8443:8443"\n      - "9000"\n      - target: 80\n        published: 8081\n',
      errors: [
        { line: 5, column: 9, message: 'service `web` publishes port `8080` on every host interface' },
        { line: 6, message: 'port `443`' },
        { line: 7, message: 'port `8443`' },
        { line: 8, message: 'container port `9000` (on a random host port)' },
        { line: 9, message: 'port `8081`' },
      ],
    },
    {
      name: 'short syntax is fixed, quotes kept',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - 443:443/tcp\n',
      errors: [{ line: 5, column: 9, endColumn: 18 }, { line: 6, column: 9 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - 127.0.0.1:443:443/tcp\n',
    },
    {
      name: 'flow list: one fix per line with every entry',
      code: "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80', \"443:443\"]\n",
      errors: [{ line: 4, column: 13 }, { line: 4, column: 22 }],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports: ['127.0.0.1:80:80', \"127.0.0.1:443:443\"]\n",
    },
    {
      name: 'override file publishes it: reported and fixed in the override',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  api:\n    image: app:1.0\n    ports:\n      - "127.0.0.1:3000:3000"\n' },
      code: 'services:\n  api:\n    ports:\n      - "9229:9229"\n',
      errors: [{ line: 4, message: 'service `api` publishes port `9229`' }],
      output: 'services:\n  api:\n    ports:\n      - "127.0.0.1:9229:9229"\n',
    },
    {
      name: 'from a merge key: on the anchor line; an address defaulting to all interfaces',
      code: 'x-web: &web\n  ports:\n    - "80:80"\nservices:\n  web:\n    <<: *web\n    image: nginx:1.27\n  api:\n    image: app:1.0\n    ports:\n      - "${BIND:-0.0.0.0}:3000:3000"\n',
      errors: [{ line: 3, message: 'service `web`' }, { line: 11, message: 'port `3000`' }],
    },
  ],
});
