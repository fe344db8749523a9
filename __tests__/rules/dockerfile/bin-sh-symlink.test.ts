import rule from '../../../rules/dockerfile/bin-sh-symlink.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo ok\n',
    { name: '/bin/sh as the target of another link', code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/shell\n' },
    { name: 'other links', code: 'FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python\n' },
    { name: 'target directory form', code: 'FROM debian:12\nRUN ln -s -t /usr/local/bin /bin/sh\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n',
      errors: [{ line: 2, column: 19, message: '`ln` makes `/bin/sh` point to `/bin/bash`' }],
    },
    {
      name: 'forced, /usr/bin/sh, heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nln -sf bash /usr/bin/sh\nEOF\n',
      errors: [{ line: 3, column: 1 }],
    },
    {
      name: 'ONBUILD RUN, in sh -c',
      code: 'FROM debian:12\nONBUILD RUN sh -c "ln -snf /bin/bash /bin/sh"\n',
      errors: [{ line: 2, column: 20 }],
    },
  ],
});
