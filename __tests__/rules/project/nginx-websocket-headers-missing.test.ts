import rule from '../../../rules/project/nginx-websocket-headers-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  backend:\n    image: acme/api:1\n';

testRule(rule, {
  valid: [
    {
      name: 'all three directives',
      files: { 'compose.yaml': compose },
      code: 'server {\n  location /ws {\n    proxy_pass http://backend:2323;\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n  }\n}\n',
    },
    {
      name: 'the map idiom with $connection_upgrade',
      path: 'nginx/nginx.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n' },
      code: 'events {}\nhttp {\n  map $http_upgrade $connection_upgrade { default upgrade; "" close; }\n  proxy_http_version 1.1;\n  server {\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection $connection_upgrade;\n    location /socket.io/ {\n      proxy_pass http://backend:3000;\n    }\n  }\n}\n',
    },
    { name: 'an ordinary API location', files: { 'compose.yaml': compose }, code: 'server {\n  location /api/ {\n    proxy_pass http://backend:8000;\n    proxy_http_version 1.1;\n  }\n}\n' },
    { name: 'a websocket-looking path that does not proxy', files: { 'compose.yaml': compose }, code: 'server {\n  location /ws {\n    return 404;\n  }\n}\n' },
    { name: 'a `wsgi` path is not ws', files: { 'compose.yaml': compose }, code: 'server {\n  location /wsgi {\n    proxy_pass http://backend:8000;\n  }\n}\n' },
    { name: 'headers from an include we cannot read', files: { 'compose.yaml': compose }, code: 'server {\n  location /ws {\n    include /etc/nginx/snippets/websocket.conf;\n    proxy_pass http://backend:8000;\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'a /ws location with nothing (seed: nginx proxies /ws)',
      files: { 'compose.yaml': compose },
      code: 'server {\n  listen 80;\n  location /ws {\n    proxy_pass http://backend:2323;\n  }\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 11, message: '`location /ws` proxies WebSocket traffic (its path is a WebSocket endpoint) but lacks `proxy_http_version 1.1;`, `proxy_set_header Upgrade $http_upgrade;`, `proxy_set_header Connection "upgrade";`' }],
    },
    {
      name: 'HTTP/1.1 and Upgrade but no Connection',
      files: { 'compose.yaml': compose },
      code: 'server {\n  location /live/ {\n    proxy_pass http://backend:8000;\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n  }\n}\n',
      errors: [{ line: 2, message: 'lacks `proxy_set_header Connection "upgrade";`' }],
    },
    {
      name: 'a comment says WebSocket',
      files: { 'compose.yaml': compose },
      code: 'server {\n  # WebSocket for live updates\n  location /events {\n    proxy_pass http://backend:8000;\n    proxy_http_version 1.1;\n  }\n}\n',
      errors: [{ line: 3, message: 'its comments say WebSocket' }],
    },
    {
      name: 'a location-level proxy_set_header hides the server-level Upgrade',
      files: { 'compose.yaml': compose },
      code: 'server {\n  proxy_http_version 1.1;\n  proxy_set_header Upgrade $http_upgrade;\n  proxy_set_header Connection "upgrade";\n  location /socket.io/ {\n    proxy_pass http://backend:3000;\n    proxy_set_header Host $host;\n  }\n}\n',
      errors: [{ line: 5, message: 'lacks `proxy_set_header Upgrade $http_upgrade;`, `proxy_set_header Connection "upgrade";`' }],
    },
    {
      name: 'mounted by the override file',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\n' },
      code: 'server {\n  location ~ ^/ws/ {\n    proxy_pass http://backend:8000;\n  }\n}\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'mounted through a YAML anchor',
      path: 'nginx/site.conf',
      files: { 'compose.yaml': 'x-mounts: &mounts\n  - ./nginx/site.conf:/etc/nginx/conf.d/site.conf\nservices:\n  web:\n    image: nginx:1.27\n    volumes: *mounts\n' },
      code: 'server {\n  location /cable {\n    proxy_pass http://backend:3000;\n    proxy_http_version 1.1;\n  }\n}\n',
      errors: [{ line: 2 }],
    },
  ],
});
