import rule from '../../../rules/compose/compose-hardcoded-secret.js';
import { findingsOf, testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n',
    {
      name: 'required variables, files, empty and pass-through values',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set it in .env}\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n      - API_TOKEN\n      - SECRET_KEY=\n      - REDIS_PASSWORD=${REDIS_PASSWORD:-}\n',
    },
    {
      name: 'names about a secret, not the secret',
      code: 'services:\n  api:\n    image: app:1.0\n    environment:\n      JWT_TOKEN_EXPIRY: 3600\n      PASSWORD_MIN_LENGTH: 12\n      DB_USER: app\n      TOKEN_URL: https://auth.example.com/token\n      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n      MYSQL_ALLOW_EMPTY_PASSWORD: "no"\n      AUTH_ENABLED: true\n      SECRET_NAME: prod/api\n      PUBLIC_KEY: abc\n      GPG_KEY: 0123ABCD\n      KEYCLOAK_URL: http://kc:8080\n      SENTRY_DSN: https://abc@o1.ingest.sentry.io/1\n',
    },
    {
      name: 'URLs whose password comes from the environment',
      code: 'services:\n  api:\n    image: app:1.0\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n      REDIS_URL: redis://redis:6379/0\n',
    },
  ],
  invalid: [
    {
      name: 'the override writes the secret',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: app:1.0\n' },
      code: 'services:\n  web:\n    environment:\n      DB_PASSWORD: hunter22\n',
      errors: [{ line: 4, message: 'DB_PASSWORD' }],
    },
    {
      name: 'map syntax: on the value',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: app\n',
      errors: [{ line: 6, column: 26, endColumn: 29, message: '`POSTGRES_PASSWORD` of service `db` holds a secret written in the compose file' }],
    },
    {
      name: 'list syntax: on the item',
      code: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=example\n      - "MYSQL_PASSWORD=s3cret"\n',
      errors: [
        { line: 5, column: 9, message: '`MYSQL_ROOT_PASSWORD`' },
        { line: 6, column: 9, message: '`MYSQL_PASSWORD`' },
      ],
    },
    {
      name: 'a literal default of an interpolation',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-changeme}\n',
      errors: [{ line: 5, message: 'falls back to a default secret written in the compose file' }],
    },
    {
      name: 'other secret names, numbers and camel case',
      code: 'services:\n  api:\n    image: app:1.0\n    environment:\n      SECRET_KEY_BASE: 9f8e7d\n      STRIPE_API_KEY: sk_live_x\n      RABBITMQ_DEFAULT_PASS: guest\n      REDIS_PASSWORD: 123456\n      githubToken: ghp_x\n      AWS_SECRET_ACCESS_KEY: abc/def\n',
      errors: [{ line: 5 }, { line: 6 }, { line: 7 }, { line: 8 }, { line: 9 }, { line: 10 }],
    },
    {
      name: 'secret words inside longer names',
      code: 'services:\n  migrate:\n    image: postgres:16\n    environment:\n      PGPASSWORD: supersecret123\n      MYSQL_PWD: root\n      DBPASSWD: x\n      GHTOKEN: ghp_x\n      TOKENS_PER_MINUTE: 60\n',
      errors: [{ line: 5, message: '`PGPASSWORD`' }, { line: 6 }, { line: 7 }, { line: 8 }],
    },
    {
      name: 'a URL with a password, literal or as a default',
      code: 'services:\n  api:\n    image: app:1.0\n    environment:\n      DATABASE_URL: postgres://app:hunter2@db:5432/app\n      AMQP_URL: amqp://guest:${RABBIT_PASSWORD:-guest}@rabbit:5672/\n',
      errors: [
        { line: 5, message: '`DATABASE_URL` of service `api` holds a URL with a password written in the compose file' },
        { line: 6, message: '`AMQP_URL` of service `api` falls back to a default URL password' },
      ],
    },
    {
      name: 'from a merged environment map: on the anchor line',
      code: 'x-db-env: &db-env\n  POSTGRES_PASSWORD: app\nservices:\n  db:\n    image: postgres:16\n    environment:\n      <<: *db-env\n      POSTGRES_DB: app\n',
      errors: [{ line: 2, column: 22, message: '`POSTGRES_PASSWORD` of service `db`' }],
    },
    {
      name: 'from an environment list merged with the service: on the anchor line',
      code: 'x-common: &common\n  environment:\n    - ADMIN_PASSWORD=admin\nservices:\n  web:\n    <<: *common\n    image: app:1.0\n',
      errors: [{ line: 3, column: 7, message: '`ADMIN_PASSWORD` of service `web`' }],
    },
    {
      name: 'build args',
      code: 'services:\n  web:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_abc\n        NODE_ENV: production\n',
      errors: [{ line: 6, message: "build arg `NPM_TOKEN` of service `web` holds a secret written in the compose file: everyone who can read the repository has it; build args are also kept in the image's history" }],
    },
  ],
});

describe('compose-hardcoded-secret never prints the value', () => {
  it('keeps the secret out of the message, hint and fingerprint key', async () => {
    const code = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Tr0ub4dor\n      DATABASE_URL: postgres://u:Corr3ctHorse@db/app\n      TOKEN: ${TOKEN:-B4tteryStaple}\n';
    const findings = await findingsOf(rule, { 'compose.yaml': code }, 'compose.yaml');
    expect(findings).toHaveLength(3);
    const text = JSON.stringify(findings);
    for (const secret of ['Tr0ub4dor', 'Corr3ctHorse', 'B4tteryStaple']) expect(text).not.toContain(secret);
  });
});
