import rule from '../../../rules/project/nginx-add-header-dropped.js';
import { findingsOf, testRule } from '../../helpers/rule-tester.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n';
const seed = [
  'server {',
  '    listen 5173;',
  '    root /usr/share/nginx/html;',
  '    location / {',
  '        try_files $uri $uri/ /index.html;',
  '    }',
  '    location ~* \\.(js|css|png|jpg|jpeg|gif|ico|svg)$ {',
  '        expires 1y;',
  '        add_header Cache-Control "public, immutable";',
  '    }',
  '    add_header X-Frame-Options DENY;',
  '    add_header X-Content-Type-Options nosniff;',
  '}',
  '',
].join('\n');

testRule(rule, {
  valid: [
    { name: 'locations without add_header inherit', files: { 'compose.yaml': compose }, code: 'server {\n  add_header X-Frame-Options DENY;\n  location / { try_files $uri /index.html; }\n}\n' },
    { name: 'the location repeats the headers', files: { 'compose.yaml': compose }, code: 'server {\n  add_header X-Frame-Options DENY;\n  location /static/ {\n    add_header Cache-Control "public";\n    add_header X-Frame-Options DENY;\n  }\n}\n' },
    { name: 'add_header_inherit merge (nginx 1.29.3+)', files: { 'compose.yaml': compose }, code: 'server {\n  add_header_inherit merge;\n  add_header X-Frame-Options DENY;\n  location /static/ {\n    add_header Cache-Control "public";\n  }\n}\n' },
    { name: 'no security header to drop', files: { 'compose.yaml': compose }, code: 'server {\n  add_header X-Served-By nginx;\n  location /static/ { add_header Cache-Control "public"; }\n}\n' },
    { name: 'a location that only returns', files: { 'compose.yaml': compose }, code: 'server {\n  add_header X-Frame-Options DENY;\n  location /health { add_header Content-Type text/plain; return 200 "ok"; }\n}\n' },
  ],
  invalid: [
    {
      name: 'seed: the static-assets location drops the server headers',
      files: { 'compose.yaml': compose },
      code: seed,
      errors: [{ line: 9, column: 9, endColumn: 54, message: 'this `add_header` makes `location ~* \\.(js|css|png|jpg|jpeg|gif|ico|svg)$` drop `X-Frame-Options`, `X-Content-Type-Options`' }],
    },
    {
      name: 'http-level headers of the mounted nginx.conf, dropped by a location',
      path: 'nginx/default.conf',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n',
        'nginx/nginx.conf': 'events {}\nhttp {\n  add_header Referrer-Policy no-referrer;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
      },
      code: 'server {\n  location /downloads/ {\n    add_header Content-Disposition attachment;\n  }\n}\n',
      errors: [{ line: 3, message: 'drop `Referrer-Policy`' }],
    },
    {
      name: 'a nested location and an if block',
      files: { 'compose.yaml': compose },
      code: 'server {\n  add_header X-Content-Type-Options nosniff;\n  location /app/ {\n    if ($request_method = OPTIONS) {\n      add_header Access-Control-Allow-Origin *;\n    }\n  }\n}\n',
      errors: [{ line: 5, message: 'this `if` block' }],
    },
    {
      name: 'mounted by the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: 'server {\n  add_header X-Frame-Options SAMEORIGIN;\n  location /assets/ {\n    add_header Cache-Control "max-age=3600";\n  }\n}\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'mounted through a YAML anchor',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'x-mounts: &mounts\n  - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\nservices:\n  web:\n    image: nginx:1.27\n    volumes: *mounts\n' },
      code: 'server {\n  add_header X-Frame-Options SAMEORIGIN;\n  location /assets/ {\n    add_header Cache-Control "max-age=3600";\n  }\n}\n',
      errors: [{ line: 4 }],
    },
  ],
});

describe('nginx-add-header-dropped related locations', () => {
  it('points at the dropped headers, also in the main nginx.conf', async () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n',
      'nginx/nginx.conf': 'events {}\nhttp {\n  add_header Referrer-Policy no-referrer;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
      'nginx/default.conf': 'server {\n  location /downloads/ {\n    add_header Content-Disposition attachment;\n  }\n}\n',
    };
    const [finding] = await findingsOf(rule, files, 'nginx/default.conf');
    expect(finding.related).toEqual([{ path: 'nginx/nginx.conf', line: 3, message: '`add_header Referrer-Policy` on the enclosing level' }]);
  });
});
