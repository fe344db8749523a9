import rule from '../../../rules/compose/compose-tmpfs-no-size.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: app:1.0\n    tmpfs:\n      - /tmp:size=64m\n      - /run:rw,noexec,size=1m\n',
    { name: 'single value with size', code: 'services:\n  api:\n    image: app:1.0\n    tmpfs: /tmp:size=10m,mode=1770\n' },
    { name: 'long syntax with a size', code: 'services:\n  api:\n    image: app:1.0\n    volumes:\n      - type: tmpfs\n        target: /cache\n        tmpfs:\n          size: 1000000\n      - ./data:/data\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: app:1.0\n    tmpfs:\n      - /tmp\n      - /run:rw,noexec\n',
      errors: [
        { line: 5, column: 9, endColumn: 13, message: 'service `api` mounts a tmpfs at `/tmp` without a size' },
        { line: 6, message: 'at `/run`' },
      ],
    },
    {
      name: 'a single value, and long syntax: on `type`',
      code: 'services:\n  a:\n    image: a:1\n    tmpfs: /tmp\n  b:\n    image: b:1\n    volumes:\n      - type: tmpfs\n        target: /cache\n',
      errors: [
        { line: 4, column: 12, message: 'service `a` mounts a tmpfs at `/tmp`' },
        { line: 8, column: 15, message: 'service `b` mounts a tmpfs at `/cache`' },
      ],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-ro: &ro\n  read_only: true\n  tmpfs:\n    - /tmp\nservices:\n  a:\n    <<: *ro\n    image: a:1\n',
      errors: [{ line: 4, message: 'service `a`' }],
    },
    {
      name: 'the override adds one: reported in the override only',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: app:1.0\n    tmpfs: /tmp:size=8m\n' },
      code: 'services:\n  api:\n    tmpfs:\n      - /scratch\n',
      errors: [{ line: 4, message: 'at `/scratch`' }],
    },
  ],
});
