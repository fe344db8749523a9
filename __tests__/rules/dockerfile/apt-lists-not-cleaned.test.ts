import rule from '../../../rules/dockerfile/apt-lists-not-cleaned.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'continued RUN with the cleanup on its own line',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/* /tmp/*\n',
    },
    { name: 'rm -fr of the folder, sudo', code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl && sudo rm -fr /var/lib/apt/lists\n' },
    { name: 'find … -delete', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete\n' },
    { name: 'apt-get distclean', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n' },
    {
      name: 'cache mount on the lists',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n',
    },
    { name: 'cache mount on /var/lib/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n' },
    { name: 'tmpfs mount on the lists', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    {
      name: 'heredoc that cleans up',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'a build stage used only through COPY --from: its layers do not ship',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /app main.c\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n',
    },
    { name: 'update alone is apt-update-alone\'s finding', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n' },
    { name: 'install without update writes no lists', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, message: '`/var/lib/apt/lists`' }],
    },
    {
      name: 'continued RUN: reported on the install line',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl\n',
      errors: [{ line: 3, column: 8 }],
    },
    {
      name: 'the cleanup happens before a second update',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gnupg && rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 100 }],
    },
    {
      name: 'a cleanup in a later RUN does not shrink this layer',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'heredoc RUN, sudo and apt',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\nsudo apt update\nsudo apt install -y curl\nEOF\n',
      errors: [{ line: 4, column: 1, message: '`apt install`' }],
    },
    {
      name: 'ONBUILD RUN ships in every child image',
      code: 'FROM debian:12 AS build\nONBUILD RUN apt-get update && apt-get install -y curl\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ line: 2, column: 31 }],
    },
    {
      name: 'a cache mount somewhere else does not help',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'a stage the final stage is built FROM ships its layers',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'an unreferenced stage is another build target',
      code: 'FROM debian:12 AS dev\nRUN apt-get update && apt-get install -y git\nFROM alpine:3.20\n',
      errors: [{ line: 2 }],
    },
  ],
});
