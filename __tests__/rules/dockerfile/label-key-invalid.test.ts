import rule from '../../../rules/dockerfile/label-key-invalid.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" maintainer=me\n',
    { name: 'digits and dashes', code: 'FROM alpine:3.20\nLABEL com.example.build-2=1 version=1.0\n' },
    { name: 'key from a variable', code: 'FROM alpine:3.20\nARG NS=com.example\nLABEL ${NS}.team=core\n' },
    { name: 'quoted key', code: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL Maintainer="me@example.com"\n',
      errors: [{ line: 2, column: 7, endColumn: 17, message: 'Label key `Maintainer`: keys are lower case by convention' }],
    },
    {
      name: 'underscore, reserved namespace, consecutive dots, bad start and end',
      code: 'FROM alpine:3.20\nLABEL build_date=2024 com.docker.extension=1 \\\n      com..example=1 -x=1 example.=1\n',
      errors: [
        { line: 2, message: 'it contains `_`' },
        { line: 2, message: 'namespace is reserved' },
        { line: 3, message: 'no consecutive' },
        { line: 3, message: 'start with a lower-case letter' },
        { line: 3, message: 'end with a letter or a digit' },
      ],
    },
    {
      name: 'ONBUILD LABEL, legacy form',
      code: 'FROM alpine:3.20\nONBUILD LABEL Version 1.0\n',
      errors: [{ line: 2, column: 15, message: 'use `version`' }],
    },
  ],
});
