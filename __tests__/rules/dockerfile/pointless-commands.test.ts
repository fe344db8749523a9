import rule from '../../../rules/dockerfile/pointless-commands.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client vim\n',
    { name: 'names as words', code: 'FROM debian:12\nRUN echo ssh vim top && ls /usr/bin/ssh\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN service nginx start\n',
      errors: [{ line: 2, column: 5, message: '`service` in RUN' }],
    },
    {
      name: 'continued RUN, sudo, second line',
      code: 'FROM debian:12\nRUN apt-get install -y openssh-client \\\n && sudo ssh -o StrictHostKeyChecking=no git@example.com\n',
      errors: [{ line: 3, column: 5, message: '`ssh`' }],
    },
    {
      name: 'heredoc, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\nmount -t tmpfs none /mnt\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache systemctl enable nginx\n',
      errors: [{ line: 3, column: 1, message: '`mount`' }, { line: 5, column: 52, message: '`systemctl`' }],
    },
  ],
});
