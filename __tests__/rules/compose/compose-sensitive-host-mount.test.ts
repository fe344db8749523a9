import rule from '../../../rules/compose/compose-sensitive-host-mount.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n',
    { name: 'a named volume and a project folder', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./home:/home/app\nvolumes:\n  pgdata:\n' },
    { name: 'the socket is another rule', code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    { name: 'a path behind a variable without default', code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - ${HOST_DIR}:/data\n' },
  ],
  invalid: [
    {
      name: "the override mounts the host's /etc",
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: app:1.0\n' },
      code: 'services:\n  web:\n    volumes:\n      - /etc:/host-etc:ro\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.2\n    volumes:\n      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n      - /:/rootfs:ro\n',
      errors: [
        { line: 5, column: 9, message: "service `node-exporter` mounts the host's `/proc` read-only" },
        { line: 6, message: '`/sys`' },
        { line: 7, message: '`/`' },
      ],
    },
    {
      name: 'writable /etc, trailing slash, long syntax',
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - /etc/:/host/etc\n      - type: bind\n        source: /var/lib/docker\n        target: /var/lib/docker\n',
      errors: [
        { line: 5, message: "mounts the host's `/etc`: the container can read and change" },
        { line: 6, message: '`/var/lib/docker`' },
      ],
    },
    {
      name: 'credentials in home folders',
      code: 'services:\n  deployer:\n    image: deployer:1.0\n    volumes:\n      - ~/.ssh:/root/.ssh:ro\n      - /root/.aws:/root/.aws\n      - /home/ci/.docker/:/root/.docker\n',
      errors: [{ line: 5, message: '`~/.ssh`' }, { line: 6 }, { line: 7, message: '`/home/ci/.docker`' }],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-host: &host\n  volumes:\n    - /dev:/dev\nservices:\n  a:\n    <<: *host\n    image: a:1\n',
      errors: [{ line: 3, message: '`/dev`' }],
    },
  ],
});
