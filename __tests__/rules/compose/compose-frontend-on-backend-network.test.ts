import rule from '../../../rules/compose/compose-frontend-on-backend-network.js';
import { testRule } from '../../helpers/rule-tester.js';

const stack = (proxyNetworks: string, extra = '') =>
  `services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80"]\n    networks:\n${proxyNetworks}    depends_on: [api]\n  api:\n    image: acme/api:2.3.1\n    networks: [frontend, backend]\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n  db:\n    image: postgres:16\n    networks: [backend]\n${extra}networks:\n  frontend:\n  backend:\n`;

testRule(rule, {
  valid: [
    stack('      - frontend\n'),
    {
      name: 'one network for everything: no segmentation to judge',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80"]\n  api:\n    image: acme/api:2.3.1\n  db:\n    image: postgres:16\n',
    },
    {
      name: 'only one network declared beside the implicit default',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80"]\n  db:\n    image: postgres:16\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    networks: [default, monitoring]\nnetworks:\n  monitoring:\n',
    },
    {
      name: 'an API that publishes its port and uses the database; an admin UI',
      code: 'services:\n  api:\n    build: .\n    ports: ["8000:8000"]\n    networks: [backend, public]\n    depends_on: [db]\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports: ["5050:80"]\n    networks: [backend]\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  backend:\n  public:\n',
    },
    {
      name: 'the proxy forwards to the database (stream proxy in its mounted config)',
      files: { 'nginx.conf': 'stream { server { listen 5432; proxy_pass db:5432; } }\n' },
      code: stack('      - frontend\n      - backend\n').replace('    depends_on: [api]\n', '    depends_on: [api]\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n'),
    },
    {
      name: 'an env file the review cannot read may name the database',
      code: 'services:\n  frontend:\n    build: ./frontend\n    ports: ["3000:3000"]\n    env_file: ./frontend/.env.local\n    networks: [app, data]\n  db:\n    image: mongo:7\n    networks: [data]\nnetworks:\n  app:\n  data:\n',
    },
    {
      name: 'a frontend named so but not published (behind the proxy)',
      code: 'services:\n  frontend:\n    build: ./frontend\n    networks: [app, data]\n  cache:\n    image: redis:7\n    networks: [data]\nnetworks:\n  app:\n  data:\n',
    },
  ],
  invalid: [
    {
      code: stack('      - frontend\n      - backend\n'),
      errors: [{ line: 7, column: 9, endColumn: 16, message: 'service `proxy`, a `nginx` proxy, is attached to the network `backend` of `db` (postgres), which it never talks to' }],
    },
    {
      name: 'a published frontend on the database\'s network (map syntax), on the implicit default network',
      code: 'services:\n  frontend:\n    build: ./frontend\n    ports: ["3001:80"]\n    networks:\n      app:\n      data:\n        aliases: [web]\n  cache:\n    image: redis:7\n    networks: [data]\n  traefik:\n    image: traefik:v3.1\n    ports: ["443:443"]\n  search:\n    image: opensearchproject/opensearch:2.15.0\nnetworks:\n  app:\n  data:\n',
      errors: [
        { line: 7, column: 7, message: 'service `frontend`, a frontend that publishes a port, is attached to the network `data` of `cache` (redis)' },
        { line: 12, column: 3, message: 'service `traefik`, a `traefik` proxy, is attached to the network `default` of `search` (opensearch)' },
      ],
    },
    {
      name: 'networks from an anchor: on the anchor line',
      code: 'x-nets: &nets\n  networks: [frontend, backend]\nservices:\n  proxy:\n    <<: *nets\n    image: caddy:2.8\n  db:\n    image: mariadb:11\n    networks: [backend]\n  api:\n    image: acme/api:1\n    networks: [frontend]\nnetworks:\n  frontend:\n  backend:\n',
      errors: [{ line: 2, column: 24, message: 'service `proxy`, a `caddy` proxy, is attached to the network `backend` of `db` (mariadb)' }],
    },
    {
      name: 'the override attaches the proxy to the backend: reported in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': stack('      - frontend\n') },
      code: 'services:\n  proxy:\n    networks:\n      - backend\n',
      errors: [{ line: 4, message: 'service `proxy`' }],
    },
  ],
});
