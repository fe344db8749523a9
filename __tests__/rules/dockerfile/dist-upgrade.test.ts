import rule from '../../../rules/dockerfile/dist-upgrade.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n',
    { name: 'zypper patch and update', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive patch && zypper -n up\n' },
    { name: 'in a build stage that does not ship', code: 'FROM debian:12 AS build\nRUN apt-get dist-upgrade -y\nFROM debian:12\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive dist-upgrade\n',
      errors: [{ line: 2, column: 5, message: '`zypper dist-upgrade` upgrades the image' }],
    },
    {
      name: 'zypper dup, apt-get dist-upgrade, apt full-upgrade, heredoc, ONBUILD',
      code: 'FROM debian:12\nRUN <<EOF\napt-get -y dist-upgrade\napt full-upgrade -y\nEOF\nONBUILD RUN zypper -n dup\n',
      errors: [{ line: 3, message: '`apt-get dist-upgrade`' }, { line: 4, message: '`apt full-upgrade`' }, { line: 6, column: 13 }],
    },
  ],
});
