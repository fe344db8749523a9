import rule from '../../../rules/compose/compose-gpu-reservation.js';
import { testRule } from '../../helpers/rule-tester.js';

const gpu = (device: string) => `services:\n  trainer:\n    image: acme/trainer:1.4\n    deploy:\n      resources:\n        reservations:\n          devices:\n${device}`;

testRule(rule, {
  valid: [
    gpu('            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n'),
    { name: 'count all, any case; device_ids; extra capabilities', code: gpu('            - count: ALL\n              capabilities: [gpu, compute, utility]\n            - driver: nvidia\n              device_ids: ["0", "3"]\n              capabilities: [gpu]\n') },
    { name: 'count as a numeric string', code: gpu('            - capabilities: [gpu]\n              count: "2"\n') },
    { name: 'another driver is not judged', code: gpu('            - driver: cdi\n              device_ids: [vendor.com/device=foo]\n              capabilities: [foo]\n') },
    { name: 'count from a variable without default', code: gpu('            - capabilities: [gpu]\n              count: ${GPU_COUNT}\n') },
  ],
  invalid: [
    {
      code: gpu('            - driver: nvidia\n              count: one\n              capabilities: [compute, utility]\n'),
      errors: [
        { line: 9, column: 22, message: 'reserves `count: one` devices' },
        { line: 10, column: 15, message: 'service `trainer` reserves a device with `capabilities: [compute, utility]` but without `gpu`' },
      ],
    },
    {
      name: 'count and device_ids together',
      code: gpu('            - capabilities: [gpu]\n              count: 1\n              device_ids: ["0"]\n'),
      errors: [{ line: 9, column: 22, message: 'gives both `count` and `device_ids`' }],
    },
    {
      name: 'from an anchor: on the anchor line',
      code: 'x-gpu: &gpu\n  deploy:\n    resources:\n      reservations:\n        devices:\n          - capabilities: [nvidia]\nservices:\n  a:\n    <<: *gpu\n    image: a:1\n',
      errors: [{ line: 6, message: 'service `a` reserves a device with `capabilities: [nvidia]` but without `gpu`' }],
    },
    {
      name: 'the GPU override (compose.gpu.yaml beside the base): reported there',
      path: 'compose.gpu.yaml',
      files: { 'compose.yaml': 'services:\n  trainer:\n    image: acme/trainer:1.4\n' },
      code: gpu('            - count: 1.5\n              capabilities: [gpu]\n'),
      errors: [{ line: 8, message: '`count: 1.5`' }],
    },
  ],
});
