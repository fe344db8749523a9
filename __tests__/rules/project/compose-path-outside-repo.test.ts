import rule from '../../../rules/project/compose-path-outside-repo.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'paths inside the repository, host paths mounted, secrets kept outside',
      files: { 'docker/api/Dockerfile': 'FROM alpine:3.20\n' },
      path: 'docker/compose.yaml',
      code: 'services:\n  api:\n    build: ./api\n    volumes:\n      - ../src:/app/src\n      - /var/log/app:/logs\n      - ~/.cache/pip:/root/.cache/pip\n    secrets: [token]\nsecrets:\n  token:\n    file: ../../secrets/token.txt\n',
    },
    { name: 'a remote build context', code: 'services:\n  api:\n    build: https://github.com/org/api.git#main\n' },
  ],
  invalid: [
    {
      name: 'a build context that climbs out of the repository (its Dockerfile is not reported again)',
      code: 'services:\n  api:\n    build:\n      context: ../../shared/api\n      dockerfile: Dockerfile\n',
      errors: [{ line: 4, message: 'the build context `../../shared/api` climbs out of the repository' }],
    },
    {
      name: 'absolute build context, env file and Dockerfile',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\n' },
      code: 'services:\n  a:\n    build: /srv/app\n  b:\n    image: app:1\n    env_file: /etc/app/app.env\n  c:\n    build:\n      context: ./web\n      dockerfile: /opt/Dockerfile\n',
      errors: [
        { line: 3, message: 'is an absolute host path' },
        { line: 6, message: 'the env file `/etc/app/app.env`' },
        { line: 10, message: 'the Dockerfile `/opt/Dockerfile`' },
      ],
    },
    {
      name: 'a relative bind mount that leaves the repository',
      code: 'services:\n  api:\n    image: app:1\n    volumes:\n      - ../data:/data\n',
      errors: [{ line: 5, message: 'the bind mount source `../data` climbs out of the repository' }],
    },
    {
      name: 'set in an override file',
      files: { 'compose.yaml': 'services:\n  api:\n    image: app:1\n' },
      path: 'compose.override.yaml',
      code: 'services:\n  api:\n    env_file: ../shared.env\n',
      errors: [{ line: 3 }],
    },
  ],
});
