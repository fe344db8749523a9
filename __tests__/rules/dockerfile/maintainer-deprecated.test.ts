import rule from '../../../rules/dockerfile/maintainer-deprecated.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n',
    { name: 'ONBUILD is not MAINTAINER', code: 'FROM alpine:3.20\nONBUILD RUN echo MAINTAINER\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ line: 2, column: 1, message: 'MAINTAINER' }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    { name: 'lower case keyword', code: 'FROM alpine:3.20\nmaintainer jane\n', errors: [{ line: 2 }] },
  ],
});
