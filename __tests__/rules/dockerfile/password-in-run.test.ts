import rule from '../../../rules/dockerfile/password-in-run.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN useradd --create-home app\nUSER app\n',
    { name: 'locked password', code: 'FROM debian:12\nRUN useradd -p "*" app && usermod -p ! app && passwd -l root\n' },
    { name: 'in a build stage that does not ship', code: 'FROM debian:12 AS build\nRUN echo "root:pw" | chpasswd\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\n' },
    { name: 'passwd without input', code: 'FROM debian:12\nRUN passwd -S root\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN echo "root:Docker!" | chpasswd\n',
      errors: [{ line: 2, column: 27, message: '`chpasswd` sets a password while building the image' }],
    },
    {
      name: 'useradd -p and passwd --stdin',
      code: 'FROM centos:7\nRUN useradd -m -p "$(openssl passwd -1 secret)" dev \\\n && echo secret | passwd --stdin dev\n',
      errors: [{ line: 2, column: 5, message: '`useradd -p` sets a password hash' }, { line: 3, column: 19, message: '`passwd` reading a password' }],
    },
    {
      name: 'here-string, heredoc RUN, ONBUILD',
      code: 'FROM debian:12\nRUN <<EOF\nchpasswd <<< "app:pw"\nEOF\nONBUILD RUN usermod --password x app\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 13, message: 'through `ONBUILD`' }],
    },
  ],
});
