import rule from '../../../rules/dockerfile/copy-then-extract-archive.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nADD app.tar.gz /opt/\n',
    { name: 'a zip (ADD does not unpack it)', code: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n' },
    { name: 'copied but not extracted', code: 'FROM debian:12\nCOPY backup.tar /srv/\n' },
    { name: 'extracted from a bind mount', code: 'FROM debian:12\nRUN --mount=type=bind,source=app.tgz,target=/tmp/app.tgz tar -xzf /tmp/app.tgz -C /opt\n' },
    { name: 'in a build stage that does not ship', code: 'FROM debian:12 AS build\nCOPY src.tar.gz /tmp/\nRUN tar -xzf /tmp/src.tar.gz\nFROM debian:12\nCOPY --from=build /out /out\n' },
    { name: 'another archive is extracted', code: 'FROM debian:12\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz\n' },
    { name: 'COPY --from', code: 'FROM debian:12 AS dl\nFROM debian:12\nCOPY --from=dl /x.tar /tmp/\nRUN tar -xf /tmp/x.tar\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      errors: [{ line: 2, column: 6, endColumn: 16, message: '`app.tar.gz` is copied here and unpacked by `tar` on line 3' }],
    },
    {
      name: 'old-style tar, renamed on copy, in a later stage',
      code: 'FROM debian:12 AS base\nCOPY dist/release-1.2.tgz /tmp/release.tgz\nFROM base\nRUN tar xzf /tmp/release.tgz -C /srv\n',
      errors: [{ line: 2, message: 'use `ADD dist/release-1.2.tgz <dir>/`' }],
    },
    {
      name: 'long options, members selected: only the bind mount is offered',
      code: 'FROM debian:12\nCOPY ["tools.tar.xz", "/tmp/"]\nRUN tar --extract --file=/tmp/tools.tar.xz -C /usr/local bin/tool\n',
      errors: [{ line: 2, message: 'twice even if the RUN deletes it; read it from a bind mount' }],
    },
    {
      name: 'extracted in a heredoc RUN',
      code: 'FROM debian:12\nWORKDIR /opt\nCOPY vendor.tar.xz .\nRUN <<EOF\nset -e\ntar -xJf vendor.tar.xz\nrm vendor.tar.xz\nEOF\n',
      errors: [{ line: 3, column: 6, message: 'unpacked by `tar` on line 6' }],
    },
  ],
});
