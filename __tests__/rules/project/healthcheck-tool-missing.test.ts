import rule from '../../../rules/project/healthcheck-tool-missing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'curl in the full python image', code: 'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\n' },
    { name: 'curl installed with apt-get in the final stage', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n' },
    { name: 'curl installed with apk', code: 'FROM node:20-alpine\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n' },
    { name: 'busybox wget on alpine', code: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n' },
    { name: 'curl in nginx:alpine (the image installs it)', code: 'FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n' },
    { name: 'curl in Debian nginx', code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'an unknown base image: nothing claimed', code: 'FROM myorg/base:1.0\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'python stdlib probe in a slim python image', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"\n' },
    { name: 'packages from a variable: unknown', code: 'FROM python:3.12-slim\nARG PKGS\nRUN apt-get update && apt-get install -y $PKGS\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'an install script may add curl', code: 'FROM debian:bookworm-slim\nCOPY install.sh /tmp/\nRUN sh /tmp/install.sh\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'curl installed in a base stage the final one builds on', code: 'FROM python:3.12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'curl binary copied from another image', code: 'FROM gcr.io/distroless/base-debian12\nCOPY --from=curlimages/curl:8.8.0 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://localhost/"]\n' },
    { name: 'requests installed with pip', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\nHEALTHCHECK CMD python -c "import requests; requests.get(\'http://localhost:8000/\')"\n' },
    { name: 'packages read by xargs from a file', code: 'FROM debian:bookworm-slim\nCOPY packages.txt /tmp/\nRUN apt-get update && xargs apt-get install -y < /tmp/packages.txt\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\n' },
    { name: 'exec form in distroless needs no shell', code: 'FROM gcr.io/distroless/static-debian12\nCOPY probe /probe\nHEALTHCHECK CMD ["/probe"]\n' },
    {
      name: 'the compose target stage has curl, the last stage is not built',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: prod\n' },
      code: 'FROM python:3.12-slim AS prod\nRUN apt-get update && apt-get install -y curl\nHEALTHCHECK CMD curl -f http://localhost/\nFROM prod AS test\nRUN pip install pytest\n',
    },
  ],
  invalid: [
    {
      name: 'curl in a slim python image',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1\n',
      errors: [{ line: 3, column: 32, endColumn: 36, message: 'runs `curl`, but the image of the final stage (`python:3.12-slim`: python (Debian slim)) does not have `curl`' }],
    },
    {
      name: 'curl only in the builder stage (seed: ai_server)',
      code: [
        'FROM python:3.9.23-slim as builder',
        'RUN apt-get update && apt-get install -y gcc g++ curl && rm -rf /var/lib/apt/lists/*',
        'RUN pip install poetry',
        'FROM python:3.9.23-slim',
        'COPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages',
        'COPY --from=builder /usr/local/bin /usr/local/bin',
        'EXPOSE 9999',
        'HEALTHCHECK CMD ["curl", "-f", "http://localhost:9999/api/v1/health"]',
        'CMD ["python", "-m", "ai_server.main"]',
        '',
      ].join('\n'),
      errors: [{ line: 8 }],
    },
    {
      name: 'curl in node alpine',
      code: 'FROM node:20-alpine\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n',
      errors: [{ line: 2, message: 'does not have `curl`' }],
    },
    {
      name: 'wget in Debian slim node',
      code: 'FROM node:20-bookworm-slim\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n',
      errors: [{ line: 2, message: 'does not have `wget`' }],
    },
    {
      name: 'curl installed, then purged again',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && curl -fsSL https://example.com/x -o /x && apt-get purge -y curl\nHEALTHCHECK CMD curl -f http://localhost/\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'curl in an apk virtual group deleted later',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch curl && curl -o /x https://example.com/x && apk del .fetch\nHEALTHCHECK CMD curl -f http://localhost/\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'shell form in distroless',
      code: 'FROM gcr.io/distroless/python3-debian12\nCOPY app /app\nHEALTHCHECK CMD python3 /app/health.py\n',
      errors: [{ line: 3, message: 'has no shell' }],
    },
    {
      name: 'requests imported in a python image that installs nothing',
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nHEALTHCHECK CMD python -c "import requests; requests.get(\'http://localhost:8000/health\').raise_for_status()"\n',
      errors: [{ line: 3, message: 'imports `requests`' }],
    },
    {
      name: 'bash on alpine',
      code: 'FROM alpine:3.20\nHEALTHCHECK CMD bash -c "wget -q --spider http://localhost/"\n',
      errors: [{ line: 2, message: 'does not have `bash`' }],
    },
    {
      name: 'the HEALTHCHECK of a base stage, judged in the compose target',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n' },
      code: 'FROM node:20-slim AS base\nHEALTHCHECK CMD curl -f http://localhost:3000/\nFROM base AS api\nCMD ["node", "server.js"]\nFROM base AS tools\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2 }],
    },
  ],
});
