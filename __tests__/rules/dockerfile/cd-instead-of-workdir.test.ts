import rule from '../../../rules/dockerfile/cd-instead-of-workdir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nRUN npm ci\n',
    { name: 'cd in a subshell', code: 'FROM node:20\nRUN (cd /app && npm ci) && echo done\n' },
    { name: 'temporary folders', code: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz\n' },
    { name: 'a scratch folder the RUN deletes', code: 'FROM debian:12\nRUN mkdir /usr/src/app && cd /usr/src/app && make install && rm -rf /usr/src/app\n' },
    { name: 'navigation inside a build script', code: 'FROM debian:12\nRUN cd src && make && cd .. && make install\n' },
    { name: 'dynamic and home targets', code: 'FROM debian:12\nRUN cd "$(mktemp -d)" && make && cd ~ && ls\n' },
    { name: 'cd inside a child shell (sh -c) is scoped like a subshell', code: "FROM debian:12\nRUN sh -c 'cd /srv && make'\n" },
    { name: 'cd as a word', code: 'FROM debian:12\nRUN echo cd /app\n' },
    { name: 'the RUN only changes its shell: run-no-effect says so', code: 'FROM debian:12\nRUN export A=1 && cd /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN cd /app && npm ci\n',
      errors: [{ line: 2, column: 5, message: 'use `WORKDIR /app`' }],
    },
    {
      name: 'a lone cd has no effect',
      code: 'FROM node:20\nRUN cd /app\nRUN npm ci\n',
      errors: [{ line: 2, column: 5, message: 'has no effect' }],
    },
    {
      name: 'continued RUN, cd on the second line',
      code: 'FROM node:20\nRUN mkdir -p /srv/app \\\n && cd /srv/app \\\n && npm init -y\n',
      errors: [{ line: 3, column: 5 }],
    },
    {
      name: 'heredoc, ONBUILD RUN, cache mount, exec form through sh -c',
      code: 'FROM node:20\nRUN <<EOF\ncd /app\nnpm ci\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.npm cd /app && npm ci\nRUN ["sh", "-c", "cd /srv && make"]\n',
      errors: [{ line: 3, column: 1 }, { line: 6, column: 50 }, { line: 7, column: 19 }],
    },
  ],
});
