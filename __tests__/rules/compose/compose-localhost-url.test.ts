import rule from '../../../rules/compose/compose-localhost-url.js';
import { findingsOf, testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n      REDIS_HOST: redis\n  db:\n    image: postgres:16\n  redis:\n    image: redis:7\n',
    {
      name: 'URLs for the browser, the service\'s own public address, listen addresses',
      code: 'services:\n  web:\n    build: .\n    environment:\n      NEXT_PUBLIC_API_URL: http://localhost:8000\n      VITE_API_URL: http://localhost:8000\n      NEXTAUTH_URL: http://localhost:3000\n      SITE_URL: http://localhost:3000\n      OAUTH_REDIRECT_URI: http://localhost:3000/cb\n      BIND_HOST: 127.0.0.1\n      HOST: localhost\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092\n      NO_PROXY: localhost,127.0.0.1\n',
    },
    {
      name: 'a hostname or address no other service matches: probably its own',
      code: 'services:\n  keycloak:\n    image: quay.io/keycloak/keycloak:25.0\n    environment:\n      KC_HOSTNAME: localhost\n      METRICS_ADDR: 127.0.0.1:9100\n',
    },
    { name: 'the service\'s own port', code: 'services:\n  api:\n    image: acme/api:2.3.1\n    ports: ["8080:8080"]\n    environment:\n      METRICS_ENDPOINT: http://localhost:8080/metrics\n' },
    { name: 'network_mode host or another service\'s namespace', code: 'services:\n  api:\n    image: acme/api:2.3.1\n    network_mode: host\n    environment:\n      DATABASE_URL: postgres://localhost/app\n  sidecar:\n    image: acme/sidecar:1.0\n    network_mode: service:api\n    environment:\n      API_URL: http://localhost:8080\n' },
    { name: 'a variable without default', code: 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n' },
  ],
  invalid: [
    {
      name: 'names the service it probably means',
      code: 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DATABASE_URL: postgres://app:s3cret@localhost:5432/app\n      REDIS_HOST: localhost\n      SEARCH_URL: http://127.0.0.1:9200\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n  search:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n',
      errors: [
        { line: 5, column: 21, message: '`DATABASE_URL` of service `api` points at `localhost:5432`, but inside a container `localhost` is the container itself: it probably means service `db` (postgres), which it reaches as `db:5432`' },
        { line: 6, message: '`REDIS_HOST` of service `api` points at `localhost`, but inside a container `localhost` is the container itself: it probably means service `cache` (redis)' },
        { line: 7, message: 'service `search` (elasticsearch), which it reaches as `search:9200`' },
      ],
    },
    {
      name: 'no service serves it; list syntax; JDBC and connection strings',
      code: 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      - SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/app\n      - ConnectionStrings__Default=Server=localhost,1433;Database=app\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317\n',
      errors: [
        { line: 5, column: 9, message: '`SPRING_DATASOURCE_URL` of service `api` points at `localhost:5432`, but inside a container `localhost` is the container itself, not the host or another service' },
        { line: 6, message: '`ConnectionStrings__Default` of service `api` points at `localhost:1433`' },
        { line: 7, message: '`localhost:4317`' },
      ],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-env: &env\n  environment:\n    BROKER_URL: amqp://guest@localhost\nservices:\n  worker:\n    <<: *env\n    image: acme/worker:1.0\n  mq:\n    image: rabbitmq:3.13\n',
      errors: [{ line: 3, message: 'it probably means service `mq` (rabbitmq), which it reaches as `mq:5672`' }],
    },
    {
      name: 'set in the override: reported there',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DB_HOST: db\n  db:\n    image: mysql:8.4\n' },
      code: 'services:\n  api:\n    environment:\n      DB_HOST: 127.0.0.1\n',
      errors: [{ line: 4, message: 'it probably means service `db` (mysql)' }],
    },
    {
      name: 'the base is checked: the override\'s service gives the hint',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  valkey:\n    image: valkey/valkey:8\n    expose: ["6379"]\n' },
      code: 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      CACHE_URL: redis://localhost:6379/0\n',
      errors: [{ line: 5, message: 'service `valkey` (valkey)' }],
    },
  ],
});

describe('compose-localhost-url never prints a password', () => {
  it('keeps the URL\'s password out of the finding', async () => {
    const code = 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DATABASE_URL: postgres://app:Corr3ctHorse@localhost:5432/app\n';
    const findings = await findingsOf(rule, { 'compose.yaml': code }, 'compose.yaml');
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain('Corr3ctHorse');
  });
});
