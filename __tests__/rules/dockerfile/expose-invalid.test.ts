import rule from '../../../rules/dockerfile/expose-invalid.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000-9010 3868/sctp\n',
    { name: 'upper-case protocol is expose-proto-casing\'s business', code: 'FROM nginx:1.27\nEXPOSE 80/TCP\n' },
    { name: 'port from an ARG default', code: 'FROM node:20\nARG PORT=3000\nEXPOSE ${PORT}\n' },
    { name: 'ENV with several ports', code: 'FROM node:20\nENV PORTS="3000 9229"\nEXPOSE $PORTS\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG PORT\nEXPOSE $PORT\n' },
    { name: 'quoted port', code: 'FROM node:20\nexpose "8080"\n' },
  ],
  invalid: [
    {
      name: 'host:container',
      code: 'FROM node:20\nEXPOSE 8080:80 443\n',
      errors: [{ line: 2, column: 8, endColumn: 15, message: 'write `EXPOSE 80`' }],
      output: 'FROM node:20\nEXPOSE 80 443\n',
    },
    {
      name: 'two host mappings on one line: one fix for both',
      code: 'FROM node:20\nEXPOSE 0.0.0.0:80 8443:443/tcp\n',
      errors: [{ line: 2, column: 8 }, { line: 2, column: 19 }],
      output: 'FROM node:20\nEXPOSE 80 443/tcp\n',
    },
    {
      name: 'IP binding, with protocol, on a continuation line',
      code: 'FROM alpine:3.20\nEXPOSE 80 \\\n  127.0.0.1:5353:53/udp\n',
      errors: [{ line: 3, column: 3, message: '`EXPOSE 53/udp`' }],
      output: 'FROM alpine:3.20\nEXPOSE 80 \\\n  53/udp\n',
    },
    {
      name: 'out of range, zero, reversed range, not a number',
      code: 'FROM alpine:3.20\nEXPOSE 70000 0 9010-9000 http\n',
      errors: [
        { line: 2, column: 8, message: 'between 1 and 65535' },
        { line: 2, column: 14, message: 'between 1 and 65535' },
        { line: 2, column: 16, message: 'start first' },
        { line: 2, column: 26, message: '`http` is not a port number' },
      ],
    },
    {
      name: 'no port at all',
      code: 'FROM alpine:3.20\nEXPOSE /tcp :\n',
      errors: [{ line: 2, column: 8, message: 'no port number' }, { line: 2, column: 13, message: 'no port number' }],
    },
    { name: 'unknown protocol', code: 'FROM alpine:3.20\nEXPOSE 80/http\n', errors: [{ line: 2, message: 'unknown protocol `http`' }] },
    { name: 'bad value through an ARG (no fix)', code: 'FROM alpine:3.20\nARG MAP=8080:80\nEXPOSE $MAP\n', errors: [{ line: 3, message: '`EXPOSE 8080:80`' }] },
  ],
});
