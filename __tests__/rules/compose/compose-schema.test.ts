import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rule from '../../../rules/compose/compose-schema.js';
import { parseCompose } from '../../../src/parse/compose.js';
import { isDuration, placedSchemaProblems, portMappingError } from '../../../src/parse/compose-schema.js';
import { testRule } from '../../helpers/rule-tester.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/awesome-compose');

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    { name: 'an empty file', code: '' },
    { name: 'the obsolete version, even as a number, is left to compose-version-obsolete', code: 'version: 3.8\nservices:\n  web:\n    image: nginx:1.27\n' },
    {
      name: 'x- extensions at the top level, in services and in nested mappings',
      code: 'x-common: &common\n  anything: [1, {a: b}]\nservices:\n  web:\n    image: nginx:1.27\n    x-owner: team-a\n    healthcheck:\n      test: ["CMD", "true"]\n      x-note: fine\n    ports:\n      - target: 80\n        published: "8080"\n        x-lb: internal\nnetworks:\n  front:\n    x-zone: dmz\n',
    },
    {
      name: 'interpolated values where numbers, booleans or port mappings are expected',
      code: 'services:\n  web:\n    image: app:${TAG:-1.0}\n    cpus: ${CPUS}\n    privileged: ${PRIVILEGED:-false}\n    ports:\n      - "${PORT}:80"\n      - "${HOST_IP:-127.0.0.1}:${HTTPS_PORT:-8443}:443"\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: ${INTERVAL:-30s}\n    stop_grace_period: $GRACE\n    oom_score_adj: ${OOM}\n',
    },
    {
      name: 'port mappings and durations of every valid shape',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n      - "443:443"\n      - "127.0.0.1:5432:5432"\n      - "127.0.0.1::80"\n      - "6060:6060/udp"\n      - "[::1]:81:81"\n      - "3000-3005"\n      - "9090-9091:8080-8081"\n      - "49153-65535:80"\n    expose: [3000, "4000-4010", "5000/udp"]\n    stop_grace_period: 1m\n    healthcheck:\n      test: curl -f http://localhost/\n      interval: 1m30s\n      timeout: 500ms\n      start_period: "0"\n      start_interval: 1.5s\n',
    },
    {
      name: 'null definitions, external networks, deprecated external.name',
      code: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      front:\n      back:\n        aliases: [web]\nnetworks:\n  front:\n  back:\n    external: true\n  legacy:\n    external:\n      name: old\nvolumes:\n  data:\n',
    },
    {
      name: 'an override file: services without image are fine',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    environment:\n      DEBUG: "1"\n    ports: !override\n      - "8080:80"\n',
    },
    {
      name: '!reset drops a value: whatever it holds is not judged',
      code: 'x-base: &base\n  image: nginx:1.27\n  ports: ["80:80"]\nservices:\n  web:\n    <<: *base\n    ports: !reset []\n    healthcheck: !reset null\n',
    },
    { name: 'restart: no is a string in YAML 1.2', code: 'services:\n  job:\n    image: alpine:3.20\n    restart: no\n' },
  ],
  invalid: [
    {
      name: 'unknown top-level key, with did-you-mean',
      code: 'servics:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 1, column: 1, endColumn: 8, message: 'unknown top-level key `servics` (did you mean `services`?)' }],
    },
    {
      name: 'a service written at the top level',
      code: 'services:\n  db:\n    image: postgres:16\nweb:\n  image: nginx:1.27\n',
      errors: [{ line: 4, message: 'unknown top-level key `web`' }],
    },
    {
      name: 'unknown service key, with did-you-mean',
      code: 'services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      A: "1"\n',
      errors: [{ line: 4, column: 5, endColumn: 15, message: '`services.web`: unknown key `enviroment` (did you mean `environment`?)' }],
    },
    {
      name: 'unknown nested key',
      code: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n      intervall: 30s\n',
      errors: [{ line: 6, column: 7, message: '`services.web.healthcheck`: unknown key `intervall` (did you mean `interval`?)' }],
    },
    {
      name: 'an invalid service name',
      code: 'services:\n  "my web":\n    image: nginx:1.27\n',
      errors: [{ line: 2, message: '`services`: `my web` is not a valid service name' }],
    },
    {
      name: 'bad port mappings',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "8080:80:tcp"\n      - "70000:80"\n      - "localhost:80:80"\n      - "80:80/http"\n      - "9000-9001:90-92"\n',
      errors: [
        { line: 6, column: 9, endColumn: 22, message: '`services.web.ports[1]`: `8080:80:tcp` is not a valid port mapping: the protocol follows a `/`, not a `:` (`8080:80/tcp`)' },
        { line: 7, message: '`services.web.ports[2]`: `70000:80` is not a valid port mapping: `70000` is not a host port' },
        { line: 8, message: '`localhost` is not an IP address' },
        { line: 9, message: '`http` is not a protocol (`tcp`, `udp` or `sctp`)' },
        { line: 10, message: 'the host range `9000-9001` and the container range `90-92` differ in length' },
      ],
    },
    {
      name: 'a bad expose entry',
      code: 'services:\n  web:\n    image: nginx:1.27\n    expose: ["80", "http"]\n',
      errors: [{ line: 4, column: 20, endColumn: 26, message: '`services.web.expose[1]`: `http` is not a valid port' }],
    },
    {
      name: 'wrong types',
      code: 'services:\n  web:\n    image: nginx:1.27\n    restart: 5\n    command: 5\n    environment:\n      A: [1, 2]\n',
      errors: [
        { line: 4, column: 14, endColumn: 15, message: '`services.web.restart`: must be a string, not the number `5`' },
        { line: 5, message: '`services.web.command`: must be empty, a string or a list, not the number `5`' },
        { line: 7, message: '`services.web.environment.A`: must be a string, a number, a boolean or empty, not a list' },
      ],
    },
    {
      name: 'numbers out of range and malformed names',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cpu_percent: 150\n    labels:\n      "": x\nvolumes:\n  bad name:\n',
      errors: [
        { line: 4, column: 18, message: '`services.web.cpu_percent`: must be at most 100, not `150`' },
        { line: 6, column: 7, message: '`services.web.labels`: an empty key is not a valid label name' },
        { line: 8, column: 3, message: '`volumes`: `bad name` is not a valid volume name' },
      ],
    },
    {
      name: 'an empty service',
      code: 'services:\n  web:\n',
      errors: [{ line: 2, message: '`services.web`: must be a mapping, not empty' }],
    },
    {
      name: 'bad durations',
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 30\n      timeout: 1d\n    stop_grace_period: 10 seconds\n',
      errors: [
        { line: 6, message: '`services.db.healthcheck.interval`: must be a string, not the number `30`' },
        { line: 7, column: 16, endColumn: 18, message: '`services.db.healthcheck.timeout`: must be a duration like `30s` or `1m30s`, not `1d`' },
        { line: 8, message: '`services.db.stop_grace_period`: must be a duration like `30s` or `1m30s`, not `10 seconds`' },
      ],
    },
    {
      name: 'invalid depends_on condition, and a missing one',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_ready\n      cache: {}\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n',
      errors: [
        {
          line: 6,
          column: 20,
          message: '`services.web.depends_on.db.condition`: `service_ready` is not one of `service_started`, `service_healthy`, `service_completed_successfully`',
        },
        { line: 7, column: 7, endColumn: 12, message: '`services.web.depends_on.cache`: missing required key `condition`' },
      ],
    },
    {
      name: 'one of several forms: the message of the form that fits',
      code: 'services:\n  web:\n    image: nginx:1.27\n    gpus: some\n    volumes:\n      - type: bnd\n        source: ./data\n        target: /data\n',
      errors: [
        { line: 4, message: '`services.web.gpus`: must be `all` or a list, not the string `some`' },
        { line: 6, message: '`services.web.volumes[0].type`: `bnd` is not one of `bind`, `volume`, `tmpfs`, `cluster`, `npipe`, `image` (did you mean `bind`?)' },
      ],
    },
    {
      name: 'a value through an anchor lands on the anchor, once',
      code: 'x-base: &base\n  restart: 5\n  image: app:1.0\nservices:\n  web:\n    <<: *base\n  worker:\n    <<: *base\n',
      errors: [{ line: 2, column: 12, message: '`services.web.restart`: must be a string, not the number `5` (also through this anchor in 1 more place)' }],
    },
    {
      name: 'an unknown key brought in by a merge key lands on the anchor',
      code: 'x-base: &base\n  image: app:1.0\n  restrat: always\nservices:\n  web:\n    <<: *base\n',
      errors: [{ line: 3, column: 3, message: '`services.web`: unknown key `restrat` (did you mean `restart`?)' }],
    },
    {
      name: 'duplicate port mappings',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "443:443"\n      - "80:80"\n',
      errors: [{ line: 7, message: '`services.web.ports[2]`: repeats `services.web.ports[0]` (`80:80`)' }],
    },
    {
      name: 'in an override file',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      code: 'services:\n  web:\n    ports:\n      - "80:80:tcp"\n',
      errors: [{ line: 4, message: 'is not a valid port mapping' }],
    },
  ],
});

describe('compose-schema formats', () => {
  it('parses port mappings as Compose does', () => {
    for (const ok of ['80', ':80', '80/udp', '80:80', '0.0.0.0:80:80', '127.0.0.1::80', '[::1]:80:80', '::1:80:80', '1000-1001:2000-2001', '1000-2000:80', '80:80/SCTP']) {
      expect({ ok, error: portMappingError(ok) }).toEqual({ ok, error: null });
    }
    for (const bad of ['', '80:', 'a:80', '80:b', '1.2.3:80:80', '80-70', '65536', '80:80/icmp', '1-3:1-2']) {
      expect({ bad, error: portMappingError(bad) }).not.toEqual({ bad, error: null });
    }
  });

  it('parses durations as Go does', () => {
    for (const ok of ['0', '30s', '1m30s', '1.5h', '.5s', '300ms', '10us', '1h2m3s4ms', '-1s']) expect({ ok, valid: isDuration(ok) }).toEqual({ ok, valid: true });
    for (const bad of ['', '30', '1d', 's', '1 m', '1m 30s', '1.2.3s', 'PT30S']) expect({ bad, valid: isDuration(bad) }).toEqual({ bad, valid: false });
  });
});

(existsSync(CORPUS) ? describe : describe.skip)('compose-schema on the awesome-compose corpus', () => {
  it('finds no schema error in any compose file', () => {
    const files = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).filter((f) => /^(docker-)?compose[\w.-]*\.ya?ml$/.test(f)).map((f) => path.join(CORPUS, d.name, f)));
    expect(files.length).toBeGreaterThanOrEqual(39);
    const problems = files.flatMap((f) => {
      const { file } = parseCompose(f, readFileSync(f, 'utf8'));
      return placedSchemaProblems(file).map((p) => `${path.relative(CORPUS, f)}:${p.range.line}: ${p.message}`);
    });
    expect(problems).toEqual([]);
  });
});
