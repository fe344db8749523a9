import rule from '../../../rules/dockerfile/legacy-key-value-format.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nENV A=b C="d e"\nLABEL org.opencontainers.image.title=app\n',
    { name: 'empty value with =', code: 'FROM alpine:3.20\nENV A=\n' },
    { name: 'ONBUILD in key=value form', code: 'FROM alpine:3.20\nONBUILD ENV A=b\n' },
  ],
  invalid: [
    {
      name: 'ENV and LABEL, one word values',
      code: 'FROM alpine:3.20\nENV NODE_ENV production\nLABEL maintainer team@example.com\n',
      errors: [
        { line: 2, column: 5, endColumn: 24, message: '`ENV NODE_ENV …` uses the legacy space-separated form: write `ENV NODE_ENV=…`' },
        { line: 3, column: 7, message: '`LABEL maintainer …`' },
      ],
      output: 'FROM alpine:3.20\nENV NODE_ENV=production\nLABEL maintainer=team@example.com\n',
    },
    {
      name: 'a value with spaces is quoted',
      code: 'FROM alpine:3.20\nENV GREETING hello big world\n',
      errors: [{ line: 2, message: 'spaces included' }],
      output: 'FROM alpine:3.20\nENV GREETING="hello big world"\n',
    },
    {
      name: 'already quoted values keep their quotes',
      code: 'FROM alpine:3.20\nENV B "x y"\nENV C \'a $b\'\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM alpine:3.20\nENV B="x y"\nENV C=\'a $b\'\n',
    },
    {
      name: 'continuation lines and indentation are kept',
      code: 'FROM alpine:3.20\nENV APP_PATH /opt/app:\\\n$PATH\nLABEL \\\n    description app\n',
      errors: [{ line: 2, endLine: 3 }, { line: 5, column: 5 }],
      output: 'FROM alpine:3.20\nENV APP_PATH=/opt/app:\\\n$PATH\nLABEL \\\n    description=app\n',
    },
    {
      name: 'no fix when the indentation of a continued value is part of it',
      code: 'FROM alpine:3.20\nENV PATH /usr/local/bin:\\\n    $PATH\n',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD ENV APP_HOME /app\n',
      errors: [{ line: 2, column: 13, message: '(in `ONBUILD`)' }],
      output: 'FROM alpine:3.20\nONBUILD ENV APP_HOME=/app\n',
    },
    {
      name: 'no fix when quoting could change the value',
      code: 'FROM alpine:3.20\nENV X a "b c"\nENV E \\\n  multi\n',
      errors: [{ line: 2 }, { line: 3 }],
    },
  ],
});
