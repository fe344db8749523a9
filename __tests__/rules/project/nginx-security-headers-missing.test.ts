import rule from '../../../rules/project/nginx-security-headers-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n';
const headers = '  add_header X-Content-Type-Options "nosniff" always;\n  add_header X-Frame-Options "DENY" always;\n  add_header Referrer-Policy "strict-origin-when-cross-origin" always;\n';

testRule(rule, {
  valid: [
    { files: { 'compose.yaml': compose }, code: `server {\n  listen 80;\n${headers}  root /usr/share/nginx/html;\n}\n` },
    { name: 'CSP frame-ancestors instead of X-Frame-Options', files: { 'compose.yaml': compose }, code: 'server {\n  add_header X-Content-Type-Options nosniff;\n  add_header Content-Security-Policy "default-src \'self\'; frame-ancestors \'none\'";\n  add_header Referrer-Policy no-referrer;\n}\n' },
    { name: 'TLS with HSTS', files: { 'compose.yaml': compose }, code: `server {\n  listen 443 ssl;\n${headers}  add_header Strict-Transport-Security "max-age=31536000" always;\n}\n` },
    { name: 'a redirect-only server', files: { 'compose.yaml': compose }, code: 'server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n' },
    {
      name: 'headers at the http level of the mounted nginx.conf',
      path: 'nginx/default.conf',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n',
        'nginx/nginx.conf': `events {}\nhttp {\n${headers}  include /etc/nginx/conf.d/*.conf;\n}\n`,
      },
      code: 'server {\n  listen 80;\n}\n',
    },
    { name: 'headers from an include we cannot read', files: { 'compose.yaml': compose }, code: 'server {\n  include /etc/nginx/snippets/security.conf;\n}\n' },
    { name: 'a stream server is not HTTP', path: 'nginx/nginx.conf', files: { 'compose.yaml': 'services:\n  lb:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n' }, code: 'events {}\nstream {\n  server {\n    listen 5432;\n    proxy_pass db:5432;\n  }\n}\n' },
    { name: 'a custom nginx image whose nginx.conf we do not know', path: 'proxy/site.conf', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/nginx:1\n    volumes:\n      - ./proxy/site.conf:/etc/nginx/conf.d/site.conf:ro\n' }, code: 'server {\n  listen 80;\n}\n' },
  ],
  invalid: [
    {
      name: 'no headers at all',
      files: { 'compose.yaml': compose },
      code: 'server {\n  listen 80;\n  server_name example.com;\n  root /usr/share/nginx/html;\n}\n',
      errors: [{ line: 1, column: 1, endColumn: 7, message: 'server `example.com` sends no `X-Content-Type-Options`, `X-Frame-Options`, `Referrer-Policy` headers' }],
    },
    {
      name: 'seed: X-Frame-Options and nosniff but no Referrer-Policy, in a main nginx.conf copied by a Dockerfile',
      path: 'frontend/nginx.conf',
      files: { 'frontend/Dockerfile': 'FROM nginx:alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\n' },
      code: 'events {\n    worker_connections 1024;\n}\nhttp {\n    server {\n        listen 5173;\n        root /usr/share/nginx/html;\n        add_header X-Frame-Options DENY;\n        add_header X-Content-Type-Options nosniff;\n        add_header X-XSS-Protection "1; mode=block";\n    }\n}\n',
      errors: [{ line: 5, message: 'sends no `Referrer-Policy` header' }],
    },
    {
      name: 'TLS without HSTS',
      files: { 'compose.yaml': compose },
      code: `server {\n  listen 443 ssl;\n  http2 on;\n${headers}}\n`,
      errors: [{ line: 1, message: 'sends no `Strict-Transport-Security` header' }],
    },
    {
      name: 'mounted by the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27-alpine\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: 'server {\n  listen 8080;\n  location / { proxy_pass http://app:3000; }\n}\n',
      errors: [{ line: 1 }],
    },
    {
      name: 'mounted through a YAML anchor',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'x-mounts: &mounts\n  - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\nservices:\n  web:\n    image: nginx:1.27\n    volumes: *mounts\n' },
      code: 'server {\n  listen 80;\n}\n',
      errors: [{ line: 1 }],
    },
  ],
});
