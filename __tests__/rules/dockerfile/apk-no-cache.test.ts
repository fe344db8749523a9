import rule from '../../../rules/dockerfile/apk-no-cache.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'global flag before add', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl git\n' },
    { name: 'cache removed later in the RUN', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add curl\n' },
    { name: 'cache mount on /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk update && apk add curl\n' },
    { name: 'apk update alone is apt-update-alone\'s finding', code: 'FROM alpine:3.20\nRUN apk update\n' },
    { name: 'options from a variable', code: 'FROM alpine:3.20\nRUN apk $APK_OPTS add curl && apk add $APK_FLAGS git\n' },
    { name: 'other apk subcommands', code: 'FROM alpine:3.20\nRUN apk del curl && apk info\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ line: 2, column: 5, message: '`apk add` without `--no-cache`' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update stores the index too (no fix for it)',
      code: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n',
      errors: [{ line: 2, column: 5, message: '`apk update` stores the package index' }],
    },
    {
      name: 'continued RUN with --virtual, flag on the second line',
      code: 'FROM alpine:3.20\nRUN set -eux \\\n && apk add --virtual .build-deps gcc musl-dev \\\n && apk del .build-deps\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nRUN set -eux \\\n && apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && apk del .build-deps\n',
    },
    {
      name: 'heredoc, sudo and apk upgrade',
      code: 'FROM alpine:3.20\nRUN <<EOF\nsudo apk upgrade\napk add git\nEOF\n',
      errors: [{ line: 3, column: 1, message: '`apk upgrade`' }, { line: 4, column: 1, message: '`apk add`' }],
      output: 'FROM alpine:3.20\nRUN <<EOF\nsudo apk upgrade --no-cache\napk add --no-cache git\nEOF\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n',
    },
    {
      name: 'a cache mount on another folder does not count',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add --no-cache curl\n',
    },
    {
      name: 'a cleanup before the add does not count',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'a build stage: reported, saying it costs build cache only',
      code: 'FROM node:20-alpine AS build\nRUN apk add git\nFROM nginx:1.27-alpine\nCOPY --from=build /app /usr/share/nginx/html\n',
      errors: [{ line: 2, message: 'build cache space, not image size' }],
      output: 'FROM node:20-alpine AS build\nRUN apk add --no-cache git\nFROM nginx:1.27-alpine\nCOPY --from=build /app /usr/share/nginx/html\n',
    },
  ],
});
