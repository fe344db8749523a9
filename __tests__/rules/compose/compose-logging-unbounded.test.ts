import rule from '../../../rules/compose/compose-logging-unbounded.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    { name: 'options without a driver (json-file by default)', code: 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      options:\n        max-size: 10m\n' },
    { name: 'the local driver rotates by default', code: 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: local\n' },
    { name: 'another driver', code: 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: journald\n' },
    {
      name: 'a shared logging anchor',
      code: 'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  web:\n    image: nginx:1.27\n    logging: *logging\n  api:\n    image: app:1.0\n    logging: *logging\n',
    },
    {
      name: 'logging from a merge key',
      code: 'x-common: &common\n  logging:\n    options:\n      max-size: 5m\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n',
    },
    { name: 'a one-shot job', code: 'services:\n  seed:\n    image: app:1.0\n  web:\n    image: app:1.0\n    logging:\n      driver: local\n    depends_on:\n      seed:\n        condition: service_completed_successfully\n' },
    {
      name: 'override file',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: local\n' },
      code: 'services:\n  web:\n    ports:\n      - "8080:80"\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, message: 'service `web` has no `logging` options' }],
    },
    {
      name: 'json-file without max-size: on the driver line',
      code: 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-file: "3"\n',
      errors: [{ line: 5, column: 15, message: '`json-file` without `max-size`' }],
    },
    {
      name: 'from an anchor without max-size: on the anchor line',
      code: 'x-common: &common\n  logging:\n    driver: "json-file"\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n',
      errors: [{ line: 3, message: 'service `web` logs to `json-file` without `max-size`' }],
    },
  ],
});
