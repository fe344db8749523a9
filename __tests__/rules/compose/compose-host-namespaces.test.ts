import rule from '../../../rules/compose/compose-host-namespaces.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n    ipc: shareable\n    pid: "service:db"\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./seccomp.json\n      - apparmor:docker-default\n',
    { name: 'network_mode of another service', code: 'services:\n  vpn:\n    image: vpn:1.0\n  app:\n    image: app:1.0\n    network_mode: "service:vpn"\n' },
  ],
  invalid: [
    {
      name: 'the override shares the host network',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: app:1.0\n' },
      code: 'services:\n  web:\n    network_mode: host\n',
      errors: [{ line: 3 }],
    },
    {
      code: 'services:\n  agent:\n    image: agent:1.0\n    network_mode: host\n    pid: host\n    ipc: "host"\n    userns_mode: host\n    cgroup: host\n',
      errors: [
        { line: 4, column: 19, endColumn: 23, message: "service `agent` shares the host's network" },
        { line: 5, message: "the host's processes" },
        { line: 6, message: '`ipc: host`' },
        { line: 7, message: '`userns_mode: host`' },
        { line: 8, message: '`cgroup: host`' },
      ],
    },
    {
      name: 'confinement turned off, both separators',
      code: 'services:\n  app:\n    image: app:1.0\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n      - no-new-privileges:true\n',
      errors: [
        { line: 5, column: 9, message: 'service `app` disables seccomp' },
        { line: 6, message: 'AppArmor' },
        { line: 7, message: 'SELinux' },
      ],
    },
    {
      name: 'from a merge key: on the anchor line',
      code: 'x-host: &host\n  network_mode: host\n  security_opt: [seccomp=unconfined]\nservices:\n  plex:\n    <<: *host\n    image: plex:1.0\n',
      errors: [{ line: 2 }, { line: 3, column: 18 }],
    },
  ],
});
