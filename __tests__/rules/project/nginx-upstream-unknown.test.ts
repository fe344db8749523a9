import rule from '../../../rules/project/nginx-upstream-unknown.js';
import { findingsOf, testRule } from '../../helpers/rule-tester.js';

const mount = (file = './nginx.conf', target = '/etc/nginx/conf.d/default.conf') => `    volumes:\n      - ${file}:${target}:ro\n`;
const stack = (extra = '') => `services:\n  proxy:\n    image: nginx:1.27\n${mount()}  backend:\n    image: acme/api:1\n${extra}`;
const site = (target: string) => `server {\n  listen 80;\n  location /api/ {\n    proxy_pass ${target};\n  }\n}\n`;

testRule(rule, {
  valid: [
    { name: 'a service name', files: { 'compose.yaml': stack() }, code: site('http://backend:8000') },
    { name: 'a variable (runtime resolver)', files: { 'compose.yaml': stack() }, code: site('http://$upstream') },
    { name: 'localhost, an IP, a dotted host, a socket', files: { 'compose.yaml': stack() }, code: 'server {\n  location /a { proxy_pass http://localhost:3000; }\n  location /b { proxy_pass http://10.0.0.5:80; }\n  location /c { proxy_pass https://api.example.com; }\n  location /d { proxy_pass http://unix:/run/app.sock; }\n  location /e { proxy_pass http://host.docker.internal:8000; }\n}\n' },
    { name: 'an upstream block of the same file', files: { 'compose.yaml': stack() }, code: 'upstream app {\n  server backend:8000;\n}\nserver {\n  location / { proxy_pass http://app; }\n}\n' },
    { name: 'a container_name, hostname, network alias and links alias', files: { 'compose.yaml': stack('    container_name: api-container\n    hostname: api-host\n    networks:\n      default:\n        aliases: [api-alias]\n    links:\n      - "backend:legacy"\n') }, code: 'server {\n  location /a { proxy_pass http://api-container:8000; }\n  location /b { proxy_pass http://api-host:8000; }\n  location /c { proxy_pass http://api-alias:8000; }\n  location /d { proxy_pass http://legacy:8000; }\n}\n' },
    { name: 'the proxy joins an external network: other projects\' names resolve', files: { 'compose.yaml': `${stack()}    networks: [edge]\nnetworks:\n  edge:\n    external: true\n`.replace('  backend:', '    networks: [edge]\n  backend:') }, code: site('http://other-stack-api:8000') },
    { name: 'host networking', files: { 'compose.yaml': stack().replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    network_mode: host\n') }, code: site('http://somehost:8000') },
    { name: 'a folder of configs we cannot read may define the upstream', files: { 'compose.yaml': stack().replace('      - ./nginx.conf', '      - ./conf.d:/etc/nginx/upstreams:ro\n      - ./nginx.conf') }, code: site('http://app') },
    { name: 'no compose project runs it', path: 'nginx/nginx.conf', files: { 'nginx/Dockerfile': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n' }, code: site('http://bakend:8000') },
    { name: 'defined in the override file', files: { 'compose.yaml': stack(), 'compose.override.yaml': 'services:\n  worker:\n    image: acme/worker:1\n' }, code: site('http://worker:9000') },
    { name: 'a service of another compose file of the repository (combined with -f)', path: 'proxy/nginx.conf', files: { 'proxy/compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf\n', 'app/compose.yaml': 'services:\n  api:\n    image: acme/api:1\n' }, code: site('http://api:8000') },
    { name: 'fastcgi to php', files: { 'compose.yaml': stack('  php:\n    image: php:8.3-fpm\n') }, code: 'server {\n  location ~ \\.php$ {\n    fastcgi_pass php:9000;\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'a typo in the service name',
      files: { 'compose.yaml': stack() },
      code: site('http://bakend:8000'),
      errors: [{ line: 4, column: 16, endColumn: 34, message: '`proxy_pass` points at host `bakend`, but no service, alias, hostname or container name of `compose.yaml` is called that' }],
    },
    {
      name: 'an upstream server entry, in a main nginx.conf',
      path: 'nginx/nginx.conf',
      files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:alpine\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n  web1:\n    image: acme/web:1\n' },
      code: 'events {}\nhttp {\n  upstream loadbalancer {\n    server web1:5000;\n    server web2:5000;\n  }\n  server {\n    location / { proxy_pass http://loadbalancer; }\n  }\n}\n',
      errors: [{ line: 5, message: 'an `upstream` server points at host `web2`' }],
    },
    {
      name: 'uwsgi_pass and grpc_pass',
      files: { 'compose.yaml': stack() },
      code: 'server {\n  location / { uwsgi_pass flask:3031; }\n  location /rpc { grpc_pass grpc://rpc:50051; }\n}\n',
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      name: 'the mount comes from the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n  api:\n    image: acme/api:1\n', 'compose.override.yaml': 'services:\n  proxy:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: site('http://apii:8000'),
      errors: [{ line: 4, message: '`compose.yaml + compose.override.yaml`' }],
    },
    {
      name: 'the mount comes from a YAML anchor',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'x-proxy: &proxy\n  image: nginx:1.27\n  volumes:\n    - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\nservices:\n  proxy:\n    <<: *proxy\n  api:\n    image: acme/api:1\n' },
      code: site('http://backend:8000'),
      errors: [{ line: 4 }],
    },
    {
      name: 'copied into the image a service builds',
      path: 'frontend/nginx.conf',
      files: {
        'compose.yaml': 'services:\n  frontend:\n    build: ./frontend\n  api_server:\n    image: acme/api:1\n',
        'frontend/Dockerfile': 'FROM node:20-alpine AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:alpine\nCOPY --from=build /dist /usr/share/nginx/html\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n',
      },
      code: site('http://api-server:2030'),
      errors: [{ line: 4, message: 'host `api-server`' }],
    },
  ],
});

describe('nginx-upstream-unknown related locations', () => {
  it('names the mount that puts the config in the container and the likely service', async () => {
    const [finding] = await findingsOf(rule, { 'compose.yaml': stack(), 'nginx.conf': site('http://bakend:8000') }, 'nginx.conf');
    expect(finding.related).toEqual([
      { path: 'compose.yaml', line: 5, message: 'mounted into service `proxy` (compose.yaml) at `/etc/nginx/conf.d/default.conf`' },
      { path: 'compose.yaml', line: 6, message: 'service `backend`' },
    ]);
    expect(finding.hint).toContain('did you mean `backend`?');
  });
});
