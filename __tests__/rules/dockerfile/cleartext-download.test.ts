import rule from '../../../rules/dockerfile/cleartext-download.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz -o /x.tgz\n',
    { name: 'localhost', code: 'FROM debian:12\nRUN curl -f http://localhost:8080/health && wget http://127.0.0.1/x\n' },
    {
      name: 'verified with a checksum in the same RUN',
      code: 'FROM debian:12\nRUN curl -fsSLo /x.tgz http://example.com/x.tgz \\\n && echo "0123abcd  /x.tgz" | sha256sum -c - \\\n && tar xzf /x.tgz\n',
    },
    { name: 'verified with gpg', code: 'FROM debian:12\nRUN wget http://example.com/x.tgz http://example.com/x.tgz.asc && gpg --batch --verify x.tgz.asc x.tgz\n' },
    { name: 'host from a variable', code: 'FROM debian:12\nARG MIRROR\nRUN curl -fsSL "http://${MIRROR}/x.tgz" -o /x.tgz\n' },
    { name: 'an http URL as a header value is not a download', code: 'FROM debian:12\nRUN curl -H "Referer: http://example.com" https://example.com/x -o /x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL http://example.com/x.tgz -o /x.tgz\n',
      errors: [{ line: 2, column: 5, message: '`curl` downloads `http://example.com/…` over plain HTTP' }],
    },
    {
      name: 'ftp, wget, continued RUN on the second line',
      code: 'FROM debian:12\nRUN mkdir /src \\\n && wget -q ftp://ftp.example.org/pub/x.tar.gz\n',
      errors: [{ line: 3, column: 5, message: 'over FTP' }],
    },
    {
      name: 'credentials and query are not printed',
      code: 'FROM debian:12\nRUN curl -o /x http://user:secret@repo.example.com/x?token=abc\n',
      errors: [{ line: 2, message: '`http://repo.example.com/…`' }],
    },
    {
      name: 'heredoc, sudo, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\nsudo curl -o /x http://example.com/x\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache wget http://example.com/y\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 52 }],
    },
  ],
});
