import rule from '../../../rules/dockerfile/curl-pipe-shell.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "abc123  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n',
    { name: 'curl piped into tar or gpg', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz && curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg\n' },
    { name: 'wget writing to a file', code: 'FROM debian:12\nRUN wget https://example.com/install.sh | sh\n' },
    { name: 'bash with a script file', code: 'FROM debian:12\nRUN curl -o x.sh https://example.com/x.sh && bash x.sh\n' },
    { name: 'sh -c with a static script', code: "FROM debian:12\nRUN sh -c 'curl -fsSL https://example.com/x -o /x'\n" },
    { name: 'python -c reading its program from the word', code: 'FROM python:3.12\nRUN curl -fsSL https://example.com/data.json | python3 -c "import json,sys; print(json.load(sys.stdin))"\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n',
      errors: [{ line: 2, column: 5, endColumn: 44, message: '`curl … | sh` runs a script downloaded at build time' }],
    },
    {
      name: 'wget -qO- into sudo bash -s, continued RUN',
      code: 'FROM debian:12\nRUN apt-get update \\\n && wget -qO- https://example.com/setup \\\n    | sudo -E bash -s -- --version 2\n',
      errors: [{ line: 3, column: 5, endLine: 4, message: '`wget … | bash`' }],
    },
    {
      name: 'through tee, into python -',
      code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | tee /tmp/log | python3 -\n',
      errors: [{ line: 2, message: '| python3' }],
    },
    {
      name: 'bash -c "$(curl …)", sh <(curl …), eval',
      code: 'FROM debian:12\nRUN bash -c "$(curl -fsSL https://example.com/i.sh)"\nRUN sh <(curl -fsSL https://example.com/i.sh)\nRUN eval "$(wget -O- https://example.com/env)"\n',
      errors: [{ line: 2, column: 5, message: '`bash` runs a script fetched by `curl`' }, { line: 3, message: '`sh`' }, { line: 4, message: '`eval`' }],
    },
    {
      name: 'heredoc, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSL https://example.com/i.sh | bash\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache curl https://x.example | sh\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 52 }],
    },
  ],
});
