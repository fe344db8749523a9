import rule from '../../../rules/project/nginx-server-tokens.js';
import { testRule } from '../../helpers/rule-tester.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n';
const withMain = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n';

testRule(rule, {
  valid: [
    { files: { 'compose.yaml': compose }, code: 'server {\n  listen 80;\n  server_tokens off;\n}\n' },
    { name: 'off at the http level', path: 'nginx/nginx.conf', files: { 'compose.yaml': withMain, 'nginx/default.conf': 'server {\n  listen 80;\n}\n' }, code: 'events {}\nhttp {\n  server_tokens off;\n  include /etc/nginx/conf.d/*.conf;\n}\n' },
    { name: 'every server of the conf.d files turns it off', path: 'nginx/nginx.conf', files: { 'compose.yaml': withMain, 'nginx/default.conf': 'server {\n  listen 80;\n  server_tokens off;\n}\n' }, code: 'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n}\n' },
    { name: 'a conf.d file under a project nginx.conf is judged there', path: 'nginx/default.conf', files: { 'compose.yaml': withMain, 'nginx/nginx.conf': 'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n}\n' }, code: 'server {\n  listen 80;\n}\n' },
    { name: 'a custom nginx image', path: 'proxy/site.conf', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/nginx:1\n    volumes:\n      - ./proxy/site.conf:/etc/nginx/conf.d/site.conf:ro\n' }, code: 'server {\n  listen 80;\n}\n' },
  ],
  invalid: [
    {
      name: 'a conf.d file on the image\'s default nginx.conf',
      files: { 'compose.yaml': compose },
      code: 'server {\n  listen 80;\n  server_name app.example.com;\n}\n',
      errors: [{ line: 1, column: 1, endColumn: 7, message: 'server `app.example.com` runs with `server_tokens` on' }],
    },
    {
      name: 'a main nginx.conf without it',
      path: 'nginx/nginx.conf',
      files: { 'compose.yaml': withMain, 'nginx/default.conf': 'server {\n  listen 80;\n}\n' },
      code: 'events {}\nhttp {\n  sendfile on;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
      errors: [{ line: 2, column: 1, endColumn: 5, message: '`server_tokens` is not `off` in the `http` block' }],
    },
    {
      name: 'mounted by the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: 'server {\n  listen 80;\n  server_tokens on;\n}\n',
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
