import rule from '../../../rules/dockerfile/wget-curl-both.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo /a https://example.com/a && curl -fsSLo /b https://example.com/b\n',
    {
      name: 'the other tool only in a build stage',
      code: 'FROM debian:12 AS fetch\nRUN wget https://example.com/x.tgz\nFROM debian:12\nCOPY --from=fetch /x.tgz /\nRUN curl -fsSLo /y https://example.com/y\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSLo /a https://example.com/a\nRUN wget https://example.com/b\n',
      errors: [{ line: 3, column: 5, message: '`wget` is used here and `curl` on line 2' }],
    },
    {
      name: 'heredoc, sudo, continued RUN on the second line',
      code: 'FROM debian:12\nRUN <<EOF\nsudo wget -q https://example.com/a\nEOF\nRUN true \\\n && curl -fsSLo /b https://example.com/b\n',
      errors: [{ line: 6, column: 5, message: '`curl` is used here and `wget` on line 3' }],
    },
    {
      name: 'ONBUILD RUN with a cache mount',
      code: 'FROM debian:12\nRUN wget https://example.com/a\nONBUILD RUN --mount=type=cache,target=/root/.cache curl https://example.com/b\n',
      errors: [{ line: 3, column: 52 }],
    },
  ],
});
