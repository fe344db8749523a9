import rule from '../../../rules/dockerfile/label-schema.js';
import { testRule } from '../../helpers/rule-tester.js';

const GOOD = [
  'LABEL org.opencontainers.image.title="shop api" \\',
  '      org.opencontainers.image.source=https://github.com/acme/shop \\',
  '      org.opencontainers.image.created=2024-05-01T12:00:00Z \\',
  '      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\',
  '      org.opencontainers.image.revision=4f2a9c1',
].join('\n');

testRule(rule, {
  valid: [
    `FROM alpine:3.20\n${GOOD}\n`,
    { name: 'labels inherited from the stage the final one builds on', code: `FROM alpine:3.20 AS base\n${GOOD}\nFROM base\nRUN true\n` },
    { name: 'values from build args are not judged', code: 'FROM alpine:3.20\nARG GIT_SHA\nARG CREATED\nLABEL org.opencontainers.image.title=app org.opencontainers.image.source=https://example.com/app \\\n  org.opencontainers.image.revision=$GIT_SHA org.opencontainers.image.created=${CREATED}\n' },
    { name: 'SPDX expressions', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=a org.opencontainers.image.source=https://x.io/a org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"\n' },
  ],
  invalid: [
    {
      name: 'required labels missing from the final stage',
      code: `FROM alpine:3.20 AS build\n${GOOD}\nFROM nginx:1.27\nLABEL org.opencontainers.image.title=web\n`,
      errors: [{ line: 7, column: 1, message: 'the final image has no `org.opencontainers.image.source` label' }],
    },
    {
      name: 'malformed values',
      code: [
        'FROM alpine:3.20',
        'LABEL org.opencontainers.image.title=app \\',
        '      org.opencontainers.image.source=git@github.com:acme/shop.git \\',
        '      org.opencontainers.image.created="May 1st" \\',
        '      org.opencontainers.image.licenses="MIT or" \\',
        '      org.opencontainers.image.revision=main \\',
        '      org.opencontainers.image.description=""',
        '',
      ].join('\n'),
      errors: [
        { line: 3, column: 39, message: 'label `org.opencontainers.image.source` is not a URL' },
        { line: 4, message: 'not an RFC 3339 date-time' },
        { line: 5, message: 'not an SPDX license expression' },
        { line: 6, message: 'not a git commit hash' },
        { line: 7, message: 'label `org.opencontainers.image.description` is empty' },
      ],
    },
    {
      name: 'a value from an ARG default is judged',
      code: 'FROM alpine:3.20\nARG URL=github.com/acme/shop\nLABEL org.opencontainers.image.title=shop org.opencontainers.image.source=$URL\n',
      errors: [{ line: 3, message: 'is not a URL' }],
    },
  ],
});
