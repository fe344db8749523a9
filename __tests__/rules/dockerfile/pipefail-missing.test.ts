import rule from '../../../rules/dockerfile/pipefail-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n',
    { name: 'grouped -euo pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n' },
    { name: 'alpine ash', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x.tgz | tar xz\n' },
    { name: 'SHELL inherited from the stage it is built FROM', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com/x | tar xz\n' },
    { name: 'set -o pipefail earlier in the RUN', code: 'FROM alpine:3.20\nRUN set -euo pipefail && wget -qO- https://example.com/x.tgz | tar xz\n' },
    { name: 'bash -o pipefail -c', code: "FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/x | tar xz'\n" },
    { name: 'producers that cannot fail', code: 'FROM debian:12\nRUN echo "deb https://x.example stable main" | tee /etc/apt/sources.list.d/x.list && printf "a\\n" | sort\n' },
    { name: 'PowerShell SHELL', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'Windows base image (cmd)', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir | findstr x\n' },
    { name: 'no pipe', code: 'FROM debian:12\nRUN curl -fsSLo /x https://example.com/x || true\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n',
      errors: [{ line: 2, column: 5, message: 'runs under `/bin/sh -c` without pipefail' }],
    },
    {
      name: 'continued RUN: reported on the pipe, not the RUN',
      code: 'FROM debian:12\nRUN apt-get update \\\n && wget -qO- https://example.com/key \\\n    | gpg --dearmor -o /usr/share/keyrings/x.gpg\n',
      errors: [{ line: 3, column: 5, endLine: 4 }],
    },
    {
      name: 'SHELL without pipefail',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN cat /etc/os-release | grep VERSION\n',
      errors: [{ line: 3, message: '`/bin/bash -c`' }],
    },
    {
      name: 'SHELL set after the RUN does not count; two pipes in one RUN',
      code: 'FROM debian:12\nRUN ls | wc -l && ps aux | grep x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
      errors: [{ line: 2, message: 'and 1 more pipe' }],
    },
    {
      name: 'alpine: hint names ash; heredoc; sudo',
      code: 'FROM alpine:3.20\nRUN <<EOF\nsudo wget -qO- https://example.com/x.tgz | tar xz\nEOF\n',
      errors: [{ line: 3, column: 1 }],
    },
    {
      name: 'ONBUILD RUN with a cache mount',
      code: 'FROM debian:12\nONBUILD RUN --mount=type=cache,target=/root/.cache curl -fsSL https://x.example | sh\n',
      errors: [{ line: 2, column: 52 }],
    },
    {
      name: 'sh -c without pipefail, even under a pipefail SHELL',
      code: "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN sh -c 'curl -fsSL https://example.com/x | tar xz'\n",
      errors: [{ line: 3, column: 12 }],
    },
  ],
});
