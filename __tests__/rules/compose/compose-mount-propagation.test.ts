import rule from '../../../rules/compose/compose-mount-propagation.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: app:1.0\n    volumes:\n      - ./data:/data\n      - /srv/conf:/etc/app:ro\n      - /mnt/x:/x:rprivate\n      - logs:/var/log/app\n',
    {
      name: 'long syntax with private propagation, volumes and tmpfs',
      code: 'services:\n  app:\n    image: app:1.0\n    volumes:\n      - type: bind\n        source: /mnt/data\n        target: /data\n        bind:\n          propagation: rprivate\n      - type: volume\n        source: cache\n        target: /cache\n',
    },
  ],
  invalid: [
    {
      name: 'short syntax modes',
      code: 'services:\n  agent:\n    image: acme/agent:2.1\n    volumes:\n      - /mnt/data:/data:rshared\n      - "/:/rootfs:ro,rslave"\n      - /srv:/srv:z,shared\n',
      errors: [
        { line: 5, column: 9, message: 'service `agent` mounts `/mnt/data` with `rshared` propagation' },
        { line: 6, message: '`/` with `rslave` propagation: mounts made on the host' },
        { line: 7, message: '`shared` propagation' },
      ],
    },
    {
      name: 'long syntax: on the propagation value',
      code: 'services:\n  csi:\n    image: acme/csi:1.0\n    volumes:\n      - type: bind\n        source: /var/lib/kubelet\n        target: /var/lib/kubelet\n        bind:\n          propagation: Bidirectional\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: slave\n',
      errors: [{ line: 14, column: 24, message: '`/mnt` with `slave` propagation' }],
    },
    {
      name: 'from an anchor merged with `<<`: on the anchor line',
      code: 'x-mounts: &mounts\n  volumes:\n    - /mnt/shared:/shared:rshared\nservices:\n  a:\n    <<: *mounts\n    image: a:1\n',
      errors: [{ line: 3, message: 'service `a`' }],
    },
    {
      name: 'the override adds the mount: reported in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    volumes:\n      - ./data:/data\n' },
      code: 'services:\n  app:\n    volumes:\n      - /mnt/media:/media:rslave\n',
      errors: [{ line: 4, message: '`/mnt/media` with `rslave`' }],
    },
    {
      name: 'the base is checked: the override\'s mount is not reported there',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - /mnt/media:/media:rslave\n' },
      code: 'services:\n  app:\n    image: app:1.0\n    volumes:\n      - /srv:/srv:shared\n',
      errors: [{ line: 5, message: '`/srv` with `shared`' }],
    },
  ],
});
