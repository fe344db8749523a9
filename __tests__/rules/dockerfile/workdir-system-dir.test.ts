import rule from '../../../rules/dockerfile/workdir-system-dir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /usr/src/app\n',
    { name: 'under /etc and /usr/local', code: 'FROM nginx:1.27\nWORKDIR /etc/nginx/conf.d\nWORKDIR /usr/local/bin\n' },
    { name: 'root and home', code: 'FROM debian:12\nWORKDIR /\nWORKDIR /root\n' },
    { name: 'relative to an unknown base directory', code: 'FROM debian:12\nWORKDIR proc\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nWORKDIR $DIR\n' },
    { name: 'a path that only starts like one', code: 'FROM debian:12\nWORKDIR /device-manager\nWORKDIR /system\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nWORKDIR /proc/app\n',
      errors: [{ line: 2, column: 1, message: 'Docker mounts a kernel filesystem on `/proc`' }],
    },
    {
      name: 'exact system directories',
      code: 'FROM debian:12\nWORKDIR /usr/bin/\nWORKDIR /etc\n',
      errors: [{ line: 2, message: 'lands among the system\'s own files in `/usr/bin`' }, { line: 3 }],
    },
    {
      name: 'relative after an absolute one, through a stage, from a variable',
      code: 'FROM debian:12 AS base\nWORKDIR /\nFROM base\nWORKDIR dev\nARG D=/boot\nWORKDIR ${D}\n',
      errors: [{ line: 4, message: '(`/dev`)' }, { line: 6, message: '`/boot` belongs to the host' }],
    },
    {
      name: 'ONBUILD WORKDIR',
      code: 'FROM debian:12\nONBUILD WORKDIR /sys/x\n',
      errors: [{ line: 2, column: 1 }],
    },
  ],
});
