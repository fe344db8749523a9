import rule from '../../../rules/compose/compose-service-keys-order.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: a:1\n    depends_on: [db]\n    volumes: [data:/data]\n    environment:\n      A: "1"\n    ports: ["80:80"]\n    command: serve\n    restart: always\n    labels: [x=y]\n    user: "1000"\n    cap_drop: [ALL]\n    read_only: true\n',
    {
      name: 'a merge key anywhere is ignored',
      code: 'x-common: &common\n  restart: always\nservices:\n  api:\n    image: a:1\n    <<: *common\n    ports: ["80:80"]\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    ports: ["8000:8000"]\n    image: acme/api:2.3.1\n    read_only: true\n    command: serve\n',
      errors: [
        { line: 4, column: 5, endColumn: 10, message: 'key `image` of service `api` is written after `ports`: the conventional order is `image`, `ports`, `command`, `read_only`' },
        { line: 6, message: 'key `command` of service `api` is written after `read_only`' },
      ],
    },
    {
      name: 'keys around a merge key',
      code: 'x-common: &common\n  restart: always\nservices:\n  api:\n    <<: *common\n    restart: "no"\n    image: a:1\n',
      errors: [{ line: 7, message: 'key `image` of service `api` is written after `restart`' }],
    },
    {
      name: 'in an override file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n' },
      code: 'services:\n  api:\n    environment:\n      DEBUG: "1"\n    volumes:\n      - ./src:/app/src\n',
      errors: [{ line: 5, message: 'key `volumes` of service `api` is written after `environment`' }],
    },
  ],
});
