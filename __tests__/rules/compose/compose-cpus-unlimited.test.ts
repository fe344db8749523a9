import rule from '../../../rules/compose/compose-cpus-unlimited.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: app:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n  web:\n    image: nginx:1.27\n    mem_limit: 128m\n    cpus: 0.5\n',
    { name: 'no limit at all: compose-resources-unlimited reports it', code: 'services:\n  api:\n    image: app:1.0\n' },
    { name: 'pinned cores', code: 'services:\n  api:\n    image: app:1.0\n    mem_limit: 1g\n    cpuset: "0,1"\n' },
    {
      name: 'the CPU limit comes from an anchor',
      code: 'x-cpu: &cpu\n  cpus: 2\nservices:\n  api:\n    <<: *cpu\n    image: app:1.0\n    mem_limit: 1g\n',
    },
    {
      name: 'the base is checked, the override adds the CPU limit',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  api:\n    cpus: 1\n' },
      code: 'services:\n  api:\n    image: app:1.0\n    mem_limit: 1g\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: app:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n        reservations:\n          cpus: "0.5"\n',
      errors: [{ line: 2, column: 3, endColumn: 6, message: 'service `api` limits its memory but not its CPU' }],
    },
    {
      name: 'memory limit from an anchor: on the service',
      code: 'x-mem: &mem\n  mem_limit: 256m\nservices:\n  worker:\n    <<: *mem\n    image: worker:1.0\n',
      errors: [{ line: 4, message: 'service `worker`' }],
    },
    {
      name: 'the override adds the memory limit: reported on the base service',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  api:\n    mem_limit: 1g\n' },
      code: 'services:\n  api:\n    image: app:1.0\n',
      errors: [{ line: 2, message: 'service `api`' }],
    },
  ],
});
