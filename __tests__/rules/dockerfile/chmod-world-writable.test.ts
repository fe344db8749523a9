import rule from '../../../rules/dockerfile/chmod-world-writable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN chmod 755 /app && chmod 644 /app/config.yml && chmod -R 0750 /data\n',
    { name: 'sticky shared folder (like /tmp)', code: 'FROM debian:12\nRUN mkdir /shared && chmod 1777 /shared\n' },
    { name: 'symbolic modes that do not reach others', code: 'FROM debian:12\nRUN chmod +x /entrypoint.sh && chmod u+w,g+w /app && chmod +w /app/x && chmod a+rx-w /bin/tool && chmod o-w /app\n' },
    { name: 'dynamic mode', code: 'FROM debian:12\nARG MODE=755\nRUN chmod "$MODE" /app\n' },
    { name: 'chmod as a word', code: 'FROM debian:12\nRUN echo chmod 777 /app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN chmod 777 /app\n',
      errors: [{ line: 2, column: 5, message: '`chmod 777` makes `/app` writable by every user' }],
    },
    {
      name: 'recursive 0666, continued RUN on the second line',
      code: 'FROM debian:12\nRUN mkdir -p /data \\\n && chmod -R 0666 /data /logs\n',
      errors: [{ line: 3, column: 5, message: 'recursively' }],
    },
    {
      name: 'symbolic o+w, a=rwx, ugo+rw',
      code: 'FROM debian:12\nRUN chmod o+w /a && chmod a=rwx /b && chmod ugo+rw /c\n',
      errors: [{ line: 2, message: '`chmod o+w`' }, { line: 2, message: '`chmod a=rwx`' }, { line: 2, message: '`chmod ugo+rw`' }],
    },
    {
      name: 'heredoc, sudo, ONBUILD RUN, cache mount',
      code: 'FROM debian:12\nRUN <<EOF\nsudo chmod 757 /srv\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.cache chmod 777 /app\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 52 }],
    },
  ],
});
