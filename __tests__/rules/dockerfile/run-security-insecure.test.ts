import rule from '../../../rules/dockerfile/run-security-insecure.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update\n',
    { name: 'sandbox kept explicitly', code: 'FROM debian:12\nRUN --security=sandbox make\n' },
  ],
  invalid: [
    {
      code: '# syntax=docker/dockerfile:1-labs\nFROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt\n',
      errors: [{ line: 3, column: 5, endColumn: 24, message: '`--security=insecure` runs this step without the build sandbox' }],
    },
    {
      name: 'with other flags, ONBUILD',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache \\\n    --security=insecure make\nONBUILD RUN --security=insecure make\n',
      errors: [{ line: 3, column: 5 }, { line: 4, message: 'through `ONBUILD`' }],
    },
  ],
});
