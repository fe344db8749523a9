import rule from '../../../rules/dockerfile/copy-from-root-filesystem.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    { name: 'flattening into an empty scratch stage', code: 'FROM debian:12 AS rootfs\nRUN apt-get update\nFROM scratch\nCOPY --from=rootfs / /\nCMD ["bash"]\n' },
    { name: 'root of a stage into a directory', code: 'FROM alpine:3.20 AS assets\nFROM nginx:1.27\nCOPY --from=assets / /srv/assets/\n' },
    { name: 'a directory into /', code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out/ /\n' },
    { name: 'the build context, not a stage', code: 'FROM alpine:3.20\nCOPY / /\n' },
    { name: 'an image made to be copied whole', code: 'FROM python:3.12\nCOPY --from=gloursdocker/docker / /\n' },
    { name: 'a stage built FROM scratch', code: 'FROM scratch AS tools\nCOPY bin/ /usr/local/bin/\nFROM debian:12\nCOPY --from=tools / /\n' },
    { name: 'ONBUILD: the name is a stage of the child build', code: 'FROM alpine:3.20\nONBUILD COPY --from=builder / /\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build / /\n',
      errors: [{ line: 4, column: 19, endColumn: 20, message: '`COPY --from=build / /` copies the whole filesystem of `build`' }],
    },
    {
      name: 'scratch that already has files, /. spelling, stage by index',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache git\nFROM scratch\nCOPY app /app\nCOPY --from=0 /. /\n',
      errors: [{ line: 5, message: '`COPY --from=0 /. /`' }],
    },
  ],
});
