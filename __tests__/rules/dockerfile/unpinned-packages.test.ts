import rule from '../../../rules/dockerfile/unpinned-packages.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git=1:2.39.5-0+deb12u1\n',
    { name: 'apt: release pins and local debs', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports ./pkg.deb\n' },
    { name: 'packages from variables and ARGs', code: 'FROM debian:12\nARG PACKAGES="curl git"\nRUN apt-get install -y $PACKAGES "${EXTRA}" curl=${CURL_VERSION}\n' },
    { name: 'apk pins and --virtual', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev~1.2\n' },
    { name: 'pip: requirements, constraints, local paths, pins', code: 'FROM python:3.12\nRUN pip install -r requirements.txt && pip install -c constraints.txt flask && pip install . ./wheels/x.whl flask==3.0.3 "django>=5,<6"\n' },
    { name: 'pip: editable and VCS refs', code: 'FROM python:3.12\nRUN pip install -e . && pip install git+https://github.com/org/repo@v1.2.3\n' },
    { name: 'npm: ci, install from package.json, pinned', code: 'FROM node:20\nRUN npm ci && npm install && npm install -g typescript@5.6.3 @angular/cli@18.2.1 ./local-pkg\n' },
    { name: 'gem with versions', code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.22 && gem install rails -v 7.2.1\n' },
    { name: 'go install with versions, and from the module', code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2 && go install ./cmd/...\n' },
    { name: 'yum name-version', code: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 @development ./local.rpm\n' },
    { name: 'zypper with versions', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install git=2.43.0 "curl>=8"\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1\n',
      errors: [{ line: 2, column: 23, message: '`apt-get install` without versions: `curl`' }],
    },
    {
      name: 'continued RUN, sudo, packages on the next lines',
      code: 'FROM debian:12\nRUN apt-get update \\\n && sudo apt-get install -y \\\n      curl \\\n      ca-certificates\n',
      errors: [{ line: 3, column: 5, message: '`curl`, `ca-certificates`' }],
    },
    {
      name: 'apk add, heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n',
      errors: [{ line: 3, column: 1, message: '`apk add`' }],
    },
    {
      name: 'pip, python -m pip, ONBUILD RUN',
      code: 'FROM python:3.12\nONBUILD RUN pip install --upgrade pip && python3 -m pip install flask==3.0.3 gunicorn\n',
      errors: [{ line: 2, column: 13, message: '`pip`' }, { line: 2, message: '`gunicorn`' }],
    },
    {
      name: 'npm @latest and unpinned',
      code: 'FROM node:20\nRUN npm install -g npm@latest @angular/cli\n',
      errors: [{ line: 2, message: '`npm@latest`, `@angular/cli`' }],
    },
    {
      name: 'gem, go @latest, yum, zypper, cache mount',
      code: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go install golang.org/x/tools/gopls@latest\nRUN gem install rails\nRUN dnf install -y git\nRUN zypper -n in curl\n',
      errors: [
        { line: 2, message: '`go install`' }, { line: 3, message: '`gem install`' }, { line: 4, message: '`dnf install`' },
        { line: 5, message: '`zypper install`' },
      ],
    },
  ],
});
