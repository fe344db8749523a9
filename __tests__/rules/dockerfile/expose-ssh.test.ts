import rule from '../../../rules/dockerfile/expose-ssh.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nEXPOSE 3000\n',
    { name: '22/udp is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp\n' },
    { name: 'port 2222', code: 'FROM alpine:3.20\nEXPOSE 2222\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22 80\nCMD ["/usr/sbin/sshd", "-D"]\n',
      errors: [{ line: 3, column: 8, endColumn: 10, message: '`EXPOSE 22` advertises SSH' }],
    },
    { name: 'tcp, a range, and a variable', code: 'FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE 22/tcp\nEXPOSE 20-25\nEXPOSE $SSH_PORT\n', errors: [{ line: 3 }, { line: 4 }, { line: 5 }] },
  ],
});
