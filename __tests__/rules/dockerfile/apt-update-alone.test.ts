import rule from '../../../rules/dockerfile/apt-update-alone.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'update then upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n' },
    { name: 'apk update and add', code: 'FROM alpine:3.20\nRUN apk update && apk add git\n' },
    { name: 'dnf makecache and install', code: 'FROM fedora:40\nRUN dnf makecache && dnf install -y git\n' },
    { name: 'zypper refresh and install', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n in git\n' },
    { name: 'the RUN runs a script that may install', code: 'FROM debian:12\nCOPY install.sh /\nRUN apt-get update && /install.sh\n' },
    { name: 'bash with a script file', code: 'FROM debian:12\nRUN apt-get update && bash ./deps.sh\n' },
    { name: 'a downloaded setup script run by bash', code: 'FROM debian:12\nRUN apt-get update && curl -fsSL https://deb.nodesource.com/setup_20.x | bash\n' },
    { name: 'a python script', code: 'FROM debian:12\nRUN apt-get update && python3 /opt/install_deps.py\n' },
    {
      name: 'continued RUN with install through xargs',
      code: 'FROM debian:12\nRUN apt-get update \\\n && xargs -a packages.txt apt-get install -y\n',
    },
    { name: 'heredoc that installs', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n' },
    { name: 'a later `apt-get install` in another manager does not matter here', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, message: '`apt-get update` runs in a RUN that installs nothing' }],
    },
    {
      name: 'sudo apt update with other commands',
      code: 'FROM ubuntu:24.04\nRUN mkdir -p /app && sudo apt update\n',
      errors: [{ line: 2, column: 22, message: '`apt update`' }],
    },
    {
      name: 'continued RUN, update on the second line',
      code: 'FROM debian:12\nRUN echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/backports.list \\\n    && apt-get update\n',
      errors: [{ line: 3, column: 8 }],
    },
    {
      name: 'apk update alone',
      code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add --no-cache curl\n',
      errors: [{ line: 2, message: '`apk update`' }],
    },
    {
      name: 'yum makecache alone, zypper refresh alone',
      code: 'FROM rockylinux:9\nRUN yum makecache\nRUN zypper ref\n',
      errors: [{ line: 2, message: '`yum makecache`' }, { line: 3, message: '`zypper ref`' }],
    },
    {
      name: 'ONBUILD RUN and a cache mount',
      code: 'FROM debian:12\nONBUILD RUN --mount=type=cache,target=/var/lib/apt apt-get update\n',
      errors: [{ line: 2, column: 52 }],
    },
    {
      name: 'python -c and bash -c with a static script do not hide installs',
      code: "FROM debian:12\nRUN apt-get update && python3 -c 'print(1)' && bash -c 'echo ok'\n",
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'heredoc that only updates',
      code: 'FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\nEOF\n',
      errors: [{ line: 4, column: 1 }],
    },
  ],
});
