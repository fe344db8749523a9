import rule from '../../../rules/compose/compose-host-port-conflict.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "443:443"\n  api:\n    image: app:1.0\n    ports:\n      - "8080:8080"\n      - "9000"\n',
    { name: 'different protocols do not clash', code: 'services:\n  dns:\n    image: pihole:2024.07\n    ports:\n      - "53:53/udp"\n  dns2:\n    image: coredns:1.11\n    ports:\n      - "53:53/tcp"\n' },
    { name: 'different host addresses do not clash', code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "127.0.0.1:80:80"\n  b:\n    image: b:1\n    ports:\n      - "127.0.0.2:80:80"\n' },
    { name: 'services of disjoint profiles', code: 'services:\n  dev:\n    image: app:dev\n    profiles: [dev]\n    ports: ["3000:3000"]\n  prod:\n    image: app:1.0\n    profiles: [prod]\n    ports: ["3000:3000"]\n' },
    { name: 'two pools never clash with each other', code: 'services:\n  a:\n    image: a:1\n    ports: ["9000-9010:80"]\n  b:\n    image: b:1\n    ports: ["9005-9020:80"]\n' },
    { name: 'replicas within a pool large enough', code: 'services:\n  api:\n    image: app:1.0\n    deploy:\n      replicas: 3\n    ports:\n      - "8000-8002:80"\n' },
    { name: 'variables without default are not judged', code: 'services:\n  a:\n    image: a:1\n    ports: ["${PORT}:80"]\n  b:\n    image: b:1\n    ports: ["${PORT}:80"]\n' },
    {
      name: 'the base is checked: a clash the override brings is reported in the override, not here',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "127.0.0.1:9000:9000"\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "9000:9000"\n',
    },
    {
      name: 'the override replaces the base entry (same key)',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n' },
      code: 'services:\n  web:\n    ports:\n      - "8080:80"\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  api:\n    image: app:1.0\n    ports:\n      - "8080:8080"\n',
      errors: [{ line: 9, column: 9, endColumn: 20, message: 'service `api` publishes host port `8080/tcp` on every interface, already published by service `web`' }],
    },
    {
      name: 'every interface clashes with a named address; long syntax; ranges',
      code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "7000-7005:7000-7005"\n  b:\n    image: b:1\n    ports:\n      - target: 5432\n        published: 5432\n      - "0.0.0.0:7003:80"\n',
      errors: [
        { line: 10, message: 'service `b` publishes host port `5432/tcp` on every interface, already published by service `a`' },
        { line: 12, message: '`7003/tcp` on every interface, already published by service `a`' },
      ],
    },
    {
      name: 'a pool overlapping a fixed port: may clash depending on start order',
      code: 'services:\n  a:\n    image: a:1\n    ports:\n      - "8000-8010:80"\n  b:\n    image: b:1\n    ports:\n      - "8005:80"\n',
      errors: [{ line: 9, message: 'overlapping `8000-8010/tcp` of service `a`: Docker gives `a` the first free port of its range' }],
    },
    {
      name: 'twice in one service, and replicas of a fixed port',
      code: 'services:\n  api:\n    image: app:1.0\n    scale: 2\n    ports:\n      - "3000:3000"\n      - "127.0.0.1:3000:4000"\n',
      errors: [
        { line: 6, message: 'runs 2 replicas but publishes the fixed host port `3000/tcp`' },
        { line: 7, message: 'runs 2 replicas' },
        { line: 7, message: 'already published by another entry of `api`' },
      ],
    },
    {
      name: 'a service without profiles and one in a profile',
      code: 'services:\n  app:\n    image: app:1.0\n    ports: ["8080:8080"]\n  debug:\n    image: app:1.0\n    profiles: [debug]\n    ports: ["8080:8080"]\n',
      errors: [{ line: 8, column: 13, message: 'service `debug`' }],
    },
    {
      name: 'the override adds a clashing port: reported in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n  admin:\n    image: admin:1.0\n' },
      code: 'services:\n  admin:\n    ports:\n      - "80:8080"\n',
      errors: [{ line: 4, message: 'service `admin` publishes host port `80/tcp` on every interface, already published by service `web`' }],
    },
    {
      name: 'an override entry that keeps the base one (other address) clashes with it: reported in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "9000:9000"\n' },
      code: 'services:\n  web:\n    ports:\n      - "127.0.0.1:9000:9000"\n',
      errors: [{ line: 4, message: 'already published by another entry of `web`' }],
    },
    {
      name: 'ports from an anchor used by two services: on the anchor line',
      code: 'x-ports: &ports\n  ports:\n    - "8080:80"\nservices:\n  a:\n    <<: *ports\n    image: a:1\n  b:\n    <<: *ports\n    image: b:1\n',
      errors: [{ line: 3, message: 'service `b` publishes host port `8080/tcp` on every interface, already published by service `a`' }],
    },
  ],
});
