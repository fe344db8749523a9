import rule from '../../../rules/compose/compose-volume-quoted.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: a:1\n    volumes:\n      - ./data:/data\n      - type: bind\n        source: "./conf"\n        target: /conf\n',
    { name: 'quotes that are needed', code: 'services:\n  api:\n    image: a:1\n    volumes:\n      - "./my dir: x:/data"\n      - "*star:/x"\n      - "./a #b:/c"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: a:1\n    volumes:\n      - "./data:/data"\n      - \'${DATA_DIR:-./d}:/d:ro\'\n',
      errors: [
        { line: 5, column: 9, endColumn: 23, message: 'volume `./data:/data` is quoted' },
        { line: 6, message: 'volume `${DATA_DIR:-./d}:/d:ro` is quoted' },
      ],
      output: 'services:\n  api:\n    image: a:1\n    volumes:\n      - ./data:/data\n      - ${DATA_DIR:-./d}:/d:ro\n',
    },
    {
      name: 'flow list: reported, not rewritten',
      code: 'services:\n  api:\n    image: a:1\n    volumes: ["./data:/data"]\n',
      errors: [{ line: 4, column: 15 }],
    },
    {
      name: 'from an anchor used by two services: once, on the anchor line, not rewritten',
      code: 'x-vol: &vol\n  volumes:\n    - "./shared:/shared"\nservices:\n  a:\n    <<: *vol\n    image: a:1\n  b:\n    <<: *vol\n    image: b:1\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'in the override: reported and fixed there',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n' },
      code: 'services:\n  api:\n    volumes:\n      - "./src:/app/src"\n',
      errors: [{ line: 4 }],
      output: 'services:\n  api:\n    volumes:\n      - ./src:/app/src\n',
    },
  ],
});
