import rule from '../../../rules/compose/compose-shared-volume.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: acme/app:2.0\n    volumes:\n      - static:/app/static\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - static:/usr/share/nginx/html:ro\nvolumes:\n  static:\n',
    { name: 'different volumes; anonymous volumes; localtime', code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - data-a:/data\n      - /cache\n      - /etc/localtime:/etc/localtime\n  b:\n    image: b:1\n    volumes:\n      - data-b:/data\n      - /cache\n      - /etc/localtime:/etc/localtime\n' },
    { name: 'long syntax read_only', code: 'services:\n  a:\n    image: a:1\n    volumes: [./shared:/shared]\n  b:\n    image: b:1\n    volumes:\n      - type: bind\n        source: ./shared\n        target: /in\n        read_only: true\n' },
  ],
  invalid: [
    {
      code: 'services:\n  frontend:\n    build: frontend\n    volumes:\n      - ./logic:/app\n  backend:\n    build: backend\n    volumes:\n      - ./logic/:/app\n',
      errors: [
        { line: 5, column: 9, message: 'service `frontend` mounts the host folder `./logic` writable, and so does `backend`' },
        { line: 9, message: 'service `backend` mounts the host folder `./logic/` writable, and so does `frontend`' },
      ],
    },
    {
      name: 'from an anchor used by two services: on the anchor line',
      code: 'x-common: &common\n  volumes:\n    - uploads:/uploads\nservices:\n  app:\n    <<: *common\n    image: app:1.0\n  checker:\n    <<: *common\n    image: checker:1.0\nvolumes:\n  uploads:\n',
      errors: [
        { line: 3, message: 'service `app` mounts the volume `uploads` writable, and so does `checker`' },
        { line: 3, message: 'service `checker` mounts the volume `uploads` writable, and so does `app`' },
      ],
    },
    {
      name: 'the override mounts the base\'s volume: reported in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  tools:\n    image: tools:1.0\nvolumes:\n  pgdata:\n' },
      code: 'services:\n  tools:\n    volumes:\n      - pgdata:/pg\n',
      errors: [{ line: 4, message: 'service `tools` mounts the volume `pgdata` writable, and so does `db`' }],
    },
  ],
});
