import rule from '../../../rules/dockerfile/useradd-without-l.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -l -u 1000000 app\n',
    { name: '--no-log-init', code: 'FROM debian:12\nRUN useradd --no-log-init --uid 1000000 app\n' },
    { name: 'small UIDs', code: 'FROM debian:12\nRUN useradd -u 1000 app && useradd -u 99999 other\n' },
    { name: 'no UID', code: 'FROM debian:12\nRUN useradd -m app\n' },
    { name: 'UID from a variable', code: 'FROM debian:12\nARG UID=1000000\nRUN useradd -u "$UID" app\n' },
    { name: 'adduser has no lastlog problem', code: 'FROM alpine:3.20\nRUN adduser -D -u 1000000 app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN useradd -u 1000000 app\n',
      errors: [{ line: 2, column: 5, message: '`useradd -u 1000000` without `-l`' }],
      output: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n',
    },
    {
      name: 'continued RUN on the second line, --uid=',
      code: 'FROM debian:12\nRUN groupadd -g 100000 app \\\n && useradd --uid=100000 -g app app\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN groupadd -g 100000 app \\\n && useradd -l --uid=100000 -g app app\n',
    },
    {
      name: 'sudo, heredoc, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\nsudo useradd -u 200000 a\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache useradd -mu 300000 b\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 52 }],
      output: 'FROM debian:12\nRUN <<EOF\nsudo useradd -l -u 200000 a\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache useradd -l -mu 300000 b\n',
    },
  ],
});
