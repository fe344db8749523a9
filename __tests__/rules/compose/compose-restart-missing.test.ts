import rule from '../../../rules/compose/compose-restart-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the default override adds the restart policy',
      files: { 'compose.override.yaml': 'services:\n  web:\n    restart: always\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'an override adding nothing about restart does not repeat the base finding',
      path: 'compose.prod.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    ports: ["80:80"]\n',
    },
    'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n',
    { name: 'an explicit "no" is a decision', code: 'services:\n  tool:\n    image: alpine:3.20\n    restart: "no"\n' },
    { name: 'deploy.restart_policy', code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n' },
    { name: 'restart from a merge key', code: 'x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n' },
    {
      name: 'a one-shot job others wait for with service_completed_successfully',
      code: 'services:\n  migrate:\n    image: app:1.0\n  web:\n    image: app:1.0\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    },
    {
      name: 'override file',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n' },
      code: 'services:\n  web:\n    environment:\n      DEBUG: "1"\n',
    },
    {
      name: 'extends a service of another file that sets it',
      files: { 'common.yml': 'services:\n  base:\n    image: app:1.0\n    restart: always\n' },
      code: 'services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n',
    },
    {
      name: 'extends a file that is not in the review: cannot judge',
      code: 'services:\n  web:\n    extends:\n      file: ../shared/common.yml\n      service: base\n',
    },
  ],
  invalid: [
    {
      name: 'a service an override adds is judged in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n' },
      code: 'services:\n  web:\n    ports: ["80:80"]\n  adminer:\n    image: adminer:4\n',
      errors: [{ line: 4, message: '`adminer`' }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n  worker:\n    image: app:1.0\n    restart: on-failure\n',
      errors: [{ line: 2, column: 3, endColumn: 6, message: 'service `web` has no `restart` policy' }],
    },
    {
      name: 'compose.dev.yaml without a base file beside it',
      path: 'compose.dev.yaml',
      code: 'services:\n  api:\n    image: app:1.0\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'a merge key that brings other settings only',
      code: 'x-env: &env\n  environment:\n    TZ: UTC\nservices:\n  web:\n    <<: *env\n    image: nginx:1.27\n',
      errors: [{ line: 5 }],
    },
  ],
});
