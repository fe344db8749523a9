import rule from '../../../rules/dockerfile/sudo-in-run.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n',
    { name: 'sudo as data', code: 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n' },
    { name: 'gosu and su-exec drop privileges', code: 'FROM debian:12\nRUN gosu nobody true && su-exec nobody true\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get install -y curl\n',
      errors: [{ line: 3, column: 5, message: '`sudo apt-get install -y …`' }],
    },
    {
      name: 'continued RUN with options, second line',
      code: 'FROM ubuntu:24.04\nRUN mkdir -p /app \\\n && sudo -u app -E make install\n',
      errors: [{ line: 3, column: 5 }],
    },
    {
      name: 'heredoc, sh -c, bare sudo, ONBUILD RUN, cache mount',
      code: "FROM ubuntu:24.04\nRUN <<EOF\nsudo -i\nEOF\nRUN sh -c 'sudo rm -rf /tmp/x'\nONBUILD RUN --mount=type=cache,target=/root/.cache sudo make\n",
      errors: [{ line: 3, column: 1, message: '`sudo`' }, { line: 5, column: 12 }, { line: 6, column: 52 }],
    },
  ],
});
