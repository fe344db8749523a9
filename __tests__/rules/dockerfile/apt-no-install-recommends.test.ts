import rule from '../../../rules/dockerfile/apt-no-install-recommends.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'flag before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: '-o APT::Install-Recommends=false', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: '--option=APT::Install-Recommends=0', code: 'FROM debian:12\nRUN apt-get install -y --option=APT::Install-Recommends=0 curl\n' },
    {
      name: 'apt.conf.d written by an earlier RUN of the stage',
      code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/90norecommends\nRUN apt-get install -y curl\n',
    },
    {
      name: 'apt.conf.d written by the stage it is built FROM',
      code: 'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/90norecommends\nFROM base\nRUN apt-get install -y curl\n',
    },
    { name: 'other apt-get subcommands', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl && apt-get clean\n' },
    { name: 'the word install as an argument of something else', code: 'FROM debian:12\nRUN echo apt-get install curl\n' },
    { name: 'options from a variable', code: 'FROM debian:12\nARG APT_OPTS="-y --no-install-recommends"\nRUN apt-get $APT_OPTS install curl && apt-get install ${INSTALL_FLAGS} git\n' },
    { name: 'no RUN', code: 'FROM debian:12\nCMD ["bash"]\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, message: '`apt-get install` without `--no-install-recommends`' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'continued RUN: the install is on the second line',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl git \\\n    && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 3, column: 8 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n       curl git \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'sudo apt-get and apt',
      code: 'FROM ubuntu:24.04\nRUN sudo apt-get install -y curl; apt install -y git\n',
      errors: [{ line: 2, message: 'apt-get install' }, { line: 2, message: '`apt install`' }],
      output: 'FROM ubuntu:24.04\nRUN sudo apt-get install --no-install-recommends -y curl; apt install --no-install-recommends -y git\n',
    },
    {
      name: 'heredoc RUN',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 5, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'RUN --mount=type=cache',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get install -y curl\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'inside sh -c',
      code: "FROM debian:12\nRUN sh -c 'apt-get install -y curl'\n",
      errors: [{ line: 2, column: 12 }],
      output: "FROM debian:12\nRUN sh -c 'apt-get install --no-install-recommends -y curl'\n",
    },
    {
      name: 'exec form: no fix (the flag would have to be a JSON string)',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'the config is written after the install',
      code: 'FROM debian:12\nRUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/90norecommends\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'packages from a variable are not options',
      code: 'FROM debian:12\nARG PACKAGES="curl git"\nRUN apt-get install -y $PACKAGES gcc-${TARGETARCH}\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:12\nARG PACKAGES="curl git"\nRUN apt-get install --no-install-recommends -y $PACKAGES gcc-${TARGETARCH}\n',
    },
    {
      name: 'Install-Recommends=true does not count',
      code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n',
      errors: [{ line: 2 }],
    },
  ],
});
