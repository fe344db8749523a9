import rule from '../../../rules/compose/compose-top-level-order.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'x-a: &a\n  image: a:1\nx-b: &b\n  restart: always\nname: shop\nservices:\n  api:\n    <<: *a\nnetworks:\n  back:\nvolumes:\n  data:\n',
    { name: 'an override with only services', path: 'compose.override.yaml', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n' }, code: 'services:\n  api:\n    ports: ["80:80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: a:1\nname: shop\nvolumes:\n  data:\nnetworks:\n  back:\n',
      errors: [
        { line: 4, column: 1, endColumn: 5, message: 'top-level `name` is written after `services`' },
        { line: 7, message: 'top-level `networks` is written after `volumes`' },
      ],
    },
    {
      name: 'an anchor block written after the services',
      code: 'services:\n  api:\n    image: a:1\nx-logging: &logging\n  driver: local\n',
      errors: [{ line: 4, message: 'top-level `x-logging` is written after `services`' }],
    },
    {
      name: 'in an override file',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  api:\n    image: a:1\n' },
      code: 'volumes:\n  cache:\nservices:\n  api:\n    volumes: [cache:/cache]\n',
      errors: [{ line: 3, message: 'top-level `services` is written after `volumes`' }],
    },
  ],
});
