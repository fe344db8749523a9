import rule from '../../../rules/compose/compose-container-name-invalid.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: acme/api:2.3.1\n    container_name: acme-api\n  worker:\n    image: acme/worker:2.3.1\n    container_name: acme_worker.1\n',
    { name: 'disjoint profiles', code: 'services:\n  dev:\n    image: app:dev\n    profiles: [dev]\n    container_name: app\n  prod:\n    image: app:1.0\n    profiles: [prod]\n    container_name: app\n' },
    { name: 'a variable without default', code: 'services:\n  a:\n    image: a:1\n    container_name: ${NAME}\n  b:\n    image: b:1\n    container_name: ${NAME}\n' },
    {
      name: 'the override sets the same service\'s name again',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:2.3.1\n    container_name: api\n' },
      code: 'services:\n  api:\n    container_name: api\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: acme/api:2.3.1\n    container_name: acme\n  worker:\n    image: acme/worker:2.3.1\n    container_name: acme\n',
      errors: [{ line: 7, column: 21, endColumn: 25, message: 'service `worker` uses `container_name: acme`, already the name of service `api`\'s container' }],
    },
    {
      name: 'invalid characters, a single character, replicas',
      code: 'services:\n  a:\n    image: a:1\n    container_name: "my app"\n  b:\n    image: b:1\n    container_name: x\n  c:\n    image: c:1\n    container_name: c1\n    deploy:\n      replicas: 3\n',
      errors: [
        { line: 4, message: 'sets `container_name: my app`, which Docker rejects' },
        { line: 7, message: '`container_name: x`' },
        { line: 10, message: 'runs 3 replicas with the fixed `container_name: c1`' },
      ],
    },
    {
      name: 'interpolated from .env',
      files: { '.env': 'PROJECT=acme\n' },
      code: 'services:\n  a:\n    image: a:1\n    container_name: ${PROJECT}-app\n  b:\n    image: b:1\n    container_name: acme-app\n',
      errors: [{ line: 7, message: '`container_name: acme-app`, already the name of service `a`' }],
    },
    {
      name: 'from an anchor shared by two services: on the anchor line',
      code: 'x-common: &common\n  image: app:1.0\n  container_name: app\nservices:\n  web:\n    <<: *common\n  worker:\n    <<: *common\n',
      errors: [{ line: 3, message: 'service `worker` uses `container_name: app`, already the name of service `web`' }],
    },
    {
      name: 'the override gives a second service the base\'s name: reported in the override',
      path: 'docker-compose.override.yml',
      files: { 'docker-compose.yml': 'services:\n  api:\n    image: acme/api:2.3.1\n    container_name: acme\n  worker:\n    image: acme/worker:2.3.1\n' },
      code: 'services:\n  worker:\n    container_name: acme\n',
      errors: [{ line: 3, message: 'service `worker`' }],
    },
  ],
});
