import rule from '../../../rules/compose/compose-docker-socket.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - data:/var/lib/data\nvolumes:\n  data:\n',
    { name: 'a named volume called like the socket', code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - docker.sock:/data\n' },
    { name: 'a socket proxy holds the socket on purpose', code: 'services:\n  proxy:\n    image: tecnativa/docker-socket-proxy:0.2\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n' },
    { name: 'a subfolder of /run', code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /run/app:/run/app\n' },
  ],
  invalid: [
    {
      name: 'the override mounts the socket',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: portainer/portainer-ce:2.21\n' },
      code: 'services:\n  web:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      errors: [{ line: 5, column: 9, endColumn: 50, message: 'service `traefik` mounts the Docker socket `/var/run/docker.sock`' }],
    },
    {
      name: 'read-only does not help',
      code: 'services:\n  agent:\n    image: agent:1.0\n    volumes:\n      - "/run/docker.sock:/var/run/docker.sock:ro"\n',
      errors: [{ line: 5, message: 'read-only does not help' }],
    },
    {
      name: 'long syntax',
      code: 'services:\n  ci:\n    image: runner:1.0\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n',
      errors: [{ line: 5, message: '`/var/run/docker.sock`' }],
    },
    {
      name: 'the whole /var/run folder',
      code: 'services:\n  mon:\n    image: mon:1.0\n    volumes:\n      - /var/run/:/host/var/run\n',
      errors: [{ line: 5, message: '`/var/run`, which holds the Docker socket' }],
    },
    {
      name: 'behind a variable with a default, or a variable without one onto the socket path',
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n  b:\n    image: b:1\n    volumes:\n      - $DOCKER_SOCK_PATH:/var/run/docker.sock\n  c:\n    image: c:1\n    volumes:\n      - $XDG_RUNTIME_DIR/docker.sock:/var/run/docker.sock\n',
      errors: [{ line: 5 }, { line: 9 }, { line: 13 }],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-docker: &docker\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  runner:\n    <<: *docker\n    image: runner:1.0\n',
      errors: [{ line: 3, message: 'service `runner`' }],
    },
  ],
});
