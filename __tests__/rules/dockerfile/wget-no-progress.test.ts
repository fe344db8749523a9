import rule from '../../../rules/dockerfile/wget-no-progress.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    { name: 'quiet forms', code: 'FROM debian:12\nRUN wget -q https://e.com/a && wget -qO- https://e.com/b | tar -xz && wget -nv https://e.com/c && wget --quiet https://e.com/d\n' },
    { name: 'log to a file', code: 'FROM debian:12\nRUN wget -o /tmp/wget.log https://e.com/a && wget --append-output=/tmp/l https://e.com/b\n' },
    { name: 'busybox wget on Alpine has no dot progress', code: 'FROM alpine:3.20\nRUN wget https://example.com/a.tgz\n' },
    { name: 'Alpine-based image by tag', code: 'FROM node:20-alpine\nRUN wget https://example.com/a.tgz\n' },
    { name: 'options from a variable', code: 'FROM debian:12\nARG WGET_OPTS=-q\nRUN wget $WGET_OPTS https://example.com/a\n' },
    { name: 'wget --version', code: 'FROM debian:12\nRUN wget --version\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -O /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz\n',
      errors: [{ line: 2, column: 5, message: '`wget` without `--progress`, `-q` or `-nv`' }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga -O /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz\n',
    },
    {
      name: 'continued RUN, two wgets, one line each',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && wget https://e.com/a \\\n && wget https://e.com/b\n',
      errors: [{ line: 3, column: 5 }, { line: 4, column: 5 }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && wget --progress=dot:giga https://e.com/a \\\n && wget --progress=dot:giga https://e.com/b\n',
    },
    {
      name: 'GNU wget installed on Alpine',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://e.com/a\n',
      errors: [{ line: 2, column: 32 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget --progress=dot:giga https://e.com/a\n',
    },
    {
      name: 'heredoc and ONBUILD',
      code: 'FROM debian:12\nRUN <<EOF\nwget https://e.com/a\nEOF\nONBUILD RUN wget https://e.com/b\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 13 }],
      output: 'FROM debian:12\nRUN <<EOF\nwget --progress=dot:giga https://e.com/a\nEOF\nONBUILD RUN wget --progress=dot:giga https://e.com/b\n',
    },
  ],
});
