import rule from '../../../rules/project/compose-service-no-image.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  a:\n    image: redis:7\n  b:\n    build: .\n',
    {
      name: 'an override that only adds settings to a base service',
      files: { 'docker-compose.yml': 'services:\n  frontend:\n    build: ./frontend\n' },
      path: 'docker-compose.dev.yml',
      code: 'services:\n  frontend:\n    volumes:\n      - ./frontend/src:/app/src\n',
    },
    { name: 'extends from a file outside the review', code: 'services:\n  a:\n    extends:\n      file: ../common.yml\n      service: base\n' },
  ],
  invalid: [
    {
      name: 'an override service the base does not define (the broken dev override)',
      files: { 'docker-compose.yml': 'services:\n  backend:\n    build: .\n  ui:\n    build: ./ui\n' },
      path: 'docker-compose.dev.yml',
      code: 'services:\n  backend:\n    environment:\n      - DEBUG=True\n  frontend:\n    volumes:\n      - ./sample-ui:/app\n',
      errors: [{ line: 5, column: 3, message: 'service `frontend` has neither `image` nor `build` in `docker-compose.yml + docker-compose.dev.yml`; `docker-compose.yml` defines no service `frontend` (its services: `backend`, `ui`)' }],
    },
    {
      name: 'a misspelt override service',
      files: { 'compose.yaml': 'services:\n  worker:\n    build: .\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  wroker:\n    command: ["celery", "worker"]\n',
      errors: [{ line: 2, message: '(it has `worker`)' }],
    },
    {
      name: 'a standalone file',
      code: 'services:\n  app:\n    ports:\n      - "8080:80"\n',
      errors: [{ line: 2 }],
    },
  ],
});
