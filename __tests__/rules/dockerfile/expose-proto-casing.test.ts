import rule from '../../../rules/dockerfile/expose-proto-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp\n',
    { name: 'unknown protocols are expose-invalid\'s business', code: 'FROM nginx:1.27\nEXPOSE 80/HTTP\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp\n',
      errors: [
        { line: 2, column: 8, endColumn: 14, message: '(`80/tcp`)' },
        { line: 2, column: 15, message: '(`53/udp`)' },
      ],
      output: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n',
    },
    {
      name: 'through a variable: reported, not fixed',
      code: 'FROM nginx:1.27\nARG PROTO=SCTP\nexpose 3868/${PROTO}\n',
      errors: [{ line: 3, message: '`3868/sctp`' }],
    },
  ],
});
