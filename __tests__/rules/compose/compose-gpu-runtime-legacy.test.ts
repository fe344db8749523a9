import rule from '../../../rules/compose/compose-gpu-runtime-legacy.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  trainer:\n    image: acme/trainer:1.4\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: all\n              capabilities: [gpu]\n',
    { name: 'other runtimes', code: 'services:\n  sandbox:\n    image: acme/sandbox:1.0\n    runtime: runsc\n' },
  ],
  invalid: [
    {
      code: 'services:\n  trainer:\n    image: acme/trainer:1.4\n    runtime: nvidia\n',
      errors: [{ line: 4, column: 14, endColumn: 20, message: 'service `trainer` gets its GPU through the legacy `runtime: nvidia`' }],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-gpu: &gpu\n  runtime: nvidia\nservices:\n  a:\n    <<: *gpu\n    image: a:1\n',
      errors: [{ line: 2, message: 'service `a`' }],
    },
    {
      name: 'in the GPU override (docker-compose.gpu.yml): reported there',
      path: 'docker-compose.gpu.yml',
      files: { 'docker-compose.yml': 'services:\n  backend:\n    image: acme/backend:2.0\n' },
      code: 'services:\n  backend:\n    runtime: "${GPU_RUNTIME:-nvidia}"\n',
      errors: [{ line: 3, message: 'service `backend`' }],
    },
  ],
});
