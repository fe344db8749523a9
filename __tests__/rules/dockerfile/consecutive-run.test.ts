import rule from '../../../rules/dockerfile/consecutive-run.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nRUN make\n',
    { name: 'a RUN with three or more commands is a deliberate step', code: 'FROM debian:12\nRUN a && b && c\nRUN d\n' },
    { name: 'different mounts', code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache pip install x\nRUN make\n' },
    { name: 'different stages', code: 'FROM debian:12 AS a\nRUN make\nFROM debian:12\nRUN make\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN mkdir /app\nRUN chown app /app\n',
      errors: [{ line: 3, column: 1, message: 'follows the RUN on line 2' }],
    },
    {
      name: 'comments between, continued RUN, heredoc',
      code: 'FROM debian:12\nRUN mkdir /app \\\n && chown app /app\n# then\nRUN <<EOF\nmake\nEOF\n',
      errors: [{ line: 5, message: 'line 2' }],
    },
    {
      name: 'same cache mount',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache pip install a\nRUN --mount=type=cache,target=/root/.cache pip install b\n',
      errors: [{ line: 3 }],
    },
  ],
});
