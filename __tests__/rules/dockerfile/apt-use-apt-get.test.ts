import rule from '../../../rules/dockerfile/apt-use-apt-get.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl\n',
    { name: 'apt as an argument', code: 'FROM debian:12\nRUN echo apt install curl && ls /etc/apt\n' },
    { name: 'apt without a subcommand', code: 'FROM debian:12\nRUN apt --version\n' },
    { name: 'apt with a dynamic subcommand', code: 'FROM debian:12\nARG ACTION=install\nRUN apt "$ACTION" -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n',
      errors: [{ line: 2, column: 5, message: 'use `apt-get update`' }, { line: 2, column: 19, message: 'use `apt-get install`' }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'continued RUN, sudo, and the second line',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && sudo apt install -y curl\n',
      errors: [{ line: 3, column: 8 }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && sudo apt-get install -y curl\n',
    },
    {
      name: 'heredoc and ONBUILD RUN',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\napt upgrade -y\nEOF\nONBUILD RUN apt remove -y vim\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 13 }],
      output: 'FROM ubuntu:24.04\nRUN <<EOF\napt-get upgrade -y\nEOF\nONBUILD RUN apt-get remove -y vim\n',
    },
    {
      name: 'subcommands apt-get does not have: no fix, the right tool named',
      code: 'FROM ubuntu:24.04\nRUN apt list --installed && apt full-upgrade -y\n',
      errors: [{ line: 2, message: 'apt-cache policy' }, { line: 2, message: '`apt-get dist-upgrade`' }],
    },
    {
      name: 'a cache mount changes nothing',
      code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt apt install -y curl\n',
      errors: [{ line: 2, column: 46 }],
      output: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n',
    },
    {
      name: 'a path to apt: reported, not rewritten',
      code: 'FROM ubuntu:24.04\nRUN /usr/bin/apt install -y curl\n',
      errors: [{ line: 2 }],
    },
  ],
});
