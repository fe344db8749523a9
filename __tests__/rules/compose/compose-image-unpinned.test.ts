import rule from '../../../rules/compose/compose-image-unpinned.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the tag comes from the project .env',
      files: { '.env': 'PG_TAG=16.4\n' },
      code: 'services:\n  db:\n    image: postgres:${PG_TAG}\n',
    },
    {
      name: 'the default override pins the image the base leaves open (judged together, as docker compose up runs them)',
      files: { 'compose.override.yaml': 'services:\n  db:\n    image: postgres:16.4\n' },
      code: 'services:\n  db:\n    image: postgres\n',
    },
    'services:\n  web:\n    image: nginx:1.27.2-alpine\n  db:\n    image: postgres@sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5\n',
    { name: 'a build names its image', code: 'services:\n  api:\n    build: .\n    image: registry.example.com/api\n' },
    { name: 'a variable without default', code: 'services:\n  api:\n    image: ${API_IMAGE}\n  web:\n    image: nginx:${NGINX_VERSION:?set it}\n' },
    { name: 'a registry with a port and a tag', code: 'services:\n  api:\n    image: localhost:5000/team/api:2.3.1\n' },
  ],
  invalid: [
    {
      name: 'the project .env sets the tag to latest',
      files: { '.env': '# pinned?\nPG_TAG=latest\n' },
      code: 'services:\n  db:\n    image: postgres:${PG_TAG:-16}\n',
      errors: [{ line: 3, message: 'moving tag `postgres:latest`' }],
    },
    {
      name: 'an override file sets the unpinned image: reported in the override, on its line',
      path: 'compose.prod.yaml',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n' },
      code: 'services:\n  db:\n    restart: always\n    image: postgres:latest\n',
      errors: [{ line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx\n',
      errors: [{ line: 3, column: 12, endColumn: 17, message: 'service `web` uses `nginx` without a tag, i.e. `nginx:latest`' }],
    },
    {
      name: 'moving tags, with a registry port',
      code: 'services:\n  a:\n    image: postgres:latest\n  b:\n    image: "ghcr.io/acme/tool:Nightly"\n  c:\n    image: localhost:5000/api\n  d:\n    image: node:lts\n',
      errors: [
        { line: 3, message: 'the moving tag `postgres:latest`' },
        { line: 5, message: '`ghcr.io/acme/tool:Nightly`' },
        { line: 7, message: '`localhost:5000/api` without a tag' },
        { line: 9, message: '`node:lts`' },
      ],
    },
    {
      name: 'from a merge key: on the anchor line; a default of a variable',
      code: 'x-base: &base\n  image: redis\nservices:\n  cache:\n    <<: *base\n  web:\n    image: ${WEB_IMAGE:-nginx:latest}\n',
      errors: [{ line: 2, message: 'service `cache`' }, { line: 7, message: '`nginx:latest`' }],
    },
  ],
});
