import rule from '../../../rules/project/nginx-syntax-error.js';
import { testRule } from '../../helpers/rule-tester.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n';

testRule(rule, {
  valid: [
    { files: { 'compose.yaml': compose }, code: 'server {\n  listen 80;\n  location / {\n    root /usr/share/nginx/html;\n  }\n}\n' },
    { name: 'an envsubst template', path: 'nginx/default.conf.template', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/default.conf.template:/etc/nginx/templates/default.conf.template:ro\n' }, code: 'server {\n  listen ${NGINX_PORT};\n  location / {\n    proxy_pass http://${BACKEND}:8000;\n  }\n}\n' },
    { name: 'a template whose placeholder stands for whole lines', path: 'nginx/site.template', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/site.template:/etc/nginx/templates/site.conf.template:ro\n' }, code: 'server {\n  listen 80;\n  ${EXTRA_DIRECTIVES}\n}\n' },
    { name: 'not a config: an htpasswd file under /etc/nginx', path: 'nginx/.htpasswd', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/.htpasswd:/etc/nginx/.htpasswd:ro\n' }, code: 'admin:$apr1$abc$def\n' },
  ],
  invalid: [
    {
      name: 'a missing semicolon before `}`',
      files: { 'compose.yaml': compose },
      code: 'server {\n  listen 80;\n  location / {\n    return 200 "ok"\n  }\n}\n',
      errors: [{ line: 4, column: 16, endColumn: 20, message: '`return` is not terminated by `;` before `}`' }],
    },
    {
      name: 'an unclosed server block, copied by a Dockerfile',
      path: 'frontend/nginx.conf',
      files: { 'frontend/Dockerfile': 'FROM nginx:alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\n' },
      code: 'events {}\nhttp {\n  server {\n    listen 80;\n  }\n',
      errors: [{ line: 2, message: 'the `http` block opened on line 2 is never closed' }],
    },
    {
      name: 'mounted by the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: 'server {\n  listen 80\n  location / {\n    root /srv;\n  }\n}\n',
      errors: [{ line: 2, message: '`listen` is not terminated by `;`' }],
    },
    {
      name: 'mounted through a YAML anchor',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'x-nginx: &nginx\n  image: nginx:1.27\n  volumes:\n    - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\nservices:\n  web:\n    <<: *nginx\n' },
      code: 'server {\n  listen 80;\n}\n}\n',
      errors: [{ line: 4, message: 'unexpected `}`' }],
    },
  ],
});
