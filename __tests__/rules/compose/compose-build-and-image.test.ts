import rule from '../../../rules/compose/compose-build-and-image.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    build: .\n  web:\n    image: nginx:1.27\n',
    { name: 'pull_policy says which wins', code: 'services:\n  api:\n    build: .\n    image: registry.example.com/api:1.0\n    pull_policy: build\n' },
  ],
  invalid: [
    {
      name: 'the override adds `image` to a service the base builds',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n' },
      code: 'services:\n  web:\n    image: registry.example.com/web:1.0\n',
      errors: [{ line: 3 }],
    },
    {
      code: 'services:\n  api:\n    build:\n      context: .\n    image: registry.example.com/api:1.0\n',
      errors: [{ line: 5, column: 12, message: 'service `api` has both `build` and `image` but no `pull_policy`' }],
    },
    {
      name: 'image from a merge key: on the anchor line',
      code: 'x-img: &img\n  image: acme/api:dev\nservices:\n  api:\n    <<: *img\n    build: .\n',
      errors: [{ line: 2 }],
    },
  ],
});
