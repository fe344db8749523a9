import rule from '../../../rules/dockerfile/empty-continuation-line.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\n\nRUN apk add --no-cache curl \\\n    git\n\nCMD ["sh"]\n',
    { name: 'comment lines inside a continuation', code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n  # tools\n  curl\n' },
    { name: 'empty lines in a heredoc body', code: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\nCOPY <<EOF /etc/motd\nhello\n\nworld\nEOF\n' },
    { name: 'trailing backslash at the end of the file', code: 'FROM alpine:3.20\nRUN echo hi \\\n' },
  ],
  invalid: [
    {
      name: 'empty lines between continued lines',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl \\\n    # tools\n\n    git\n',
      errors: [
        { line: 3, message: 'empty line inside the `RUN` started on line 2' },
        { line: 6 },
      ],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    # tools\n    git\n',
    },
    {
      name: 'a stray backslash swallows the next instruction',
      code: 'FROM alpine:3.20\nRUN echo a \\\n\nRUN echo b\n',
      errors: [{ line: 3, message: 'swallows the `RUN` on line 4 as more of its arguments: remove the trailing `\\`' }],
    },
    {
      name: 'white space only, in ENV',
      code: 'FROM alpine:3.20\nENV A=1 \\\n   \n    B=2\n',
      errors: [{ line: 3, column: 1, endColumn: 4 }],
      output: 'FROM alpine:3.20\nENV A=1 \\\n    B=2\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD RUN make \\\n\n    install\n',
      errors: [{ line: 3, message: '`ONBUILD`' }],
      output: 'FROM alpine:3.20\nONBUILD RUN make \\\n    install\n',
    },
    {
      name: 'backtick escape',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n    C:\\\n',
      errors: [{ line: 4 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\\n',
    },
  ],
});
