import rule from '../../../rules/compose/compose-environment-duplicated.js';
import { testRule } from '../../helpers/rule-tester.js';

const dup = 'services:\n  api:\n    image: acme/api:2.3.1\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n      REDIS_URL: redis://redis:6379/0\n      S3_BUCKET: acme-uploads\n      ROLE: api\n  worker:\n    image: acme/api:2.3.1\n    environment:\n      - DATABASE_URL=postgres://app@db:5432/app\n      - REDIS_URL=redis://redis:6379/0\n      - S3_BUCKET=acme-uploads\n      - ROLE=worker\n';

testRule(rule, {
  valid: [
    {
      name: 'shared through an anchor',
      code: 'x-env: &env\n  DATABASE_URL: postgres://app@db:5432/app\n  REDIS_URL: redis://redis:6379/0\n  S3_BUCKET: acme-uploads\nservices:\n  api:\n    image: a:1\n    environment:\n      <<: *env\n      ROLE: api\n  worker:\n    image: a:1\n    environment:\n      <<: *env\n      ROLE: worker\n',
    },
    { name: 'only two shared entries', code: 'services:\n  a:\n    image: a:1\n    environment:\n      TZ: UTC\n      LANG: C.UTF-8\n  b:\n    image: b:1\n    environment:\n      TZ: UTC\n      LANG: C.UTF-8\n' },
    { name: 'same names, different values', code: 'services:\n  a:\n    image: a:1\n    environment: [A=1, B=1, C=1]\n  b:\n    image: b:1\n    environment: [A=2, B=2, C=2]\n' },
    {
      name: 'whole environment merged from an anchor with `<<` at the service level',
      code: 'x-common: &common\n  environment:\n    A: "1"\n    B: "2"\n    C: "3"\nservices:\n  a:\n    <<: *common\n    image: a:1\n  b:\n    <<: *common\n    image: b:1\n',
    },
  ],
  invalid: [
    {
      name: 'map and list syntax, reported once on the first service\'s first entry',
      code: dup,
      errors: [{ line: 5, column: 21, endLine: 7, message: 'services `api` and `worker` repeat the same 3 `environment` entries (`DATABASE_URL`, `REDIS_URL`, `S3_BUCKET`)' }],
    },
    {
      name: 'two blocks shared by different services',
      code: 'services:\n  a:\n    image: a:1\n    environment: [A=1, B=1, C=1, X=1, Y=1, Z=1]\n  b:\n    image: b:1\n    environment: [A=1, B=1, C=1]\n  c:\n    image: c:1\n    environment: [X=1, Y=1, Z=1]\n',
      errors: [
        { line: 4, column: 19, message: 'services `a` and `b` repeat the same 3 `environment` entries (`A`, `B`, `C`)' },
        { line: 4, column: 34, message: 'services `a` and `c` repeat the same 3 `environment` entries (`X`, `Y`, `Z`)' },
      ],
    },
    {
      name: 'an anchor merged into two services and written out again in a third',
      code: 'x-env: &env\n  A: "1"\n  B: "2"\n  C: "3"\nservices:\n  a:\n    image: a:1\n    environment:\n      <<: *env\n  b:\n    image: b:1\n    environment:\n      <<: *env\n  c:\n    image: c:1\n    environment:\n      A: "1"\n      B: "2"\n      C: "3"\n',
      errors: [{ line: 2, message: 'services `a`, `b` and `c` repeat the same 3 `environment` entries' }],
    },
    {
      name: 'the override writes them in a second service: reported once, on the base',
      path: 'compose.yaml',
      files: { 'compose.override.yaml': 'services:\n  worker:\n    environment:\n      A: "1"\n      B: "2"\n      C: "3"\n' },
      code: 'services:\n  api:\n    image: a:1\n    environment:\n      A: "1"\n      B: "2"\n      C: "3"\n  worker:\n    image: a:1\n',
      errors: [{ line: 5, message: 'services `api` and `worker`' }],
    },
    {
      name: '… and not in the override',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    environment:\n      A: "1"\n      B: "2"\n      C: "3"\n  worker:\n    image: a:1\n' },
      code: 'services:\n  worker:\n    environment:\n      A: "1"\n      B: "2"\n      C: "3"\n  extra:\n    image: x:1\n    environment:\n      Q: "1"\n      R: "1"\n      S: "1"\n  extra2:\n    image: x:1\n    environment:\n      Q: "1"\n      R: "1"\n      S: "1"\n',
      errors: [{ line: 10, message: 'services `extra` and `extra2`' }],
    },
  ],
});
