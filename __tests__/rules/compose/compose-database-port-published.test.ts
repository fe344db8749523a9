import rule from '../../../rules/compose/compose-database-port-published.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n',
    {
      name: 'bound to the loopback',
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n  cache:\n    image: redis:7\n    ports:\n      - "[::1]:6379:6379"\n      - target: 6380\n        published: 6380\n        host_ip: 127.0.0.1\n',
    },
    { name: 'not a data store', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n  ui:\n    image: mongo-express:1.0\n    ports:\n      - "8081:8081"\n' },
    { name: 'host address from a variable without default', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${DB_BIND}:5432:5432"\n' },
    { name: 'a build has no known image', code: 'services:\n  db:\n    build: ./db\n    ports:\n      - "5432:5432"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      errors: [{ line: 5, column: 9, endColumn: 20, message: 'service `db` (`postgres`) publishes port `5432` on every host interface' }],
      output: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
    {
      name: 'plain, single-quoted and flow entries keep their style',
      code: "services:\n  cache:\n    image: bitnami/redis:7.4\n    ports:\n      - 6379:6379\n  mq:\n    image: rabbitmq:3-management\n    ports: ['5672:5672', \"15672:15672/tcp\"]\n",
      errors: [
        { line: 5, message: '(`redis`)' },
        { line: 8, column: 13, message: '(`rabbitmq`) publishes port `5672`' },
        { line: 8, column: 26, message: 'port `15672`' },
      ],
      output: "services:\n  cache:\n    image: bitnami/redis:7.4\n    ports:\n      - 127.0.0.1:6379:6379\n  mq:\n    image: rabbitmq:3-management\n    ports: ['127.0.0.1:5672:5672', \"127.0.0.1:15672:15672/tcp\"]\n",
    },
    {
      name: 'no fix for 0.0.0.0, random host ports, long syntax, variables',
      code: 'services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    ports:\n      - "0.0.0.0:1433:1433"\n      - "1434"\n      - target: 1435\n        published: 1435\n      - "${DB_PORT:-5432}:5432"\n',
      errors: [
        { line: 5, message: '(`mssql`) publishes port `1433`' },
        { line: 6, message: 'publishes a random host port' },
        { line: 7, message: 'port `1435`' },
        { line: 9, message: 'port `5432`' },
      ],
    },
    {
      name: 'image and ports from an anchor: on the anchor line, not rewritten (the anchor may serve other services)',
      code: 'x-db: &db\n  image: mongo:7\n  ports:\n    - "27017:27017"\nservices:\n  mongo:\n    <<: *db\n',
      errors: [{ line: 4, message: 'service `mongo` (`mongo`)' }],
    },
    {
      name: 'published in the override file: reported and fixed there',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n' },
      code: 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      errors: [{ line: 4, message: 'service `db` (`postgres`)' }],
      output: 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
    {
      name: 'image with a default from a variable',
      code: 'services:\n  search:\n    image: ${ES_IMAGE:-docker.elastic.co/elasticsearch/elasticsearch:8.15.0}\n    ports:\n      - 9200:9200\n',
      errors: [{ line: 5, message: '(`elasticsearch`)' }],
    },
  ],
});
