import rule from '../../../rules/dockerfile/package-manager-cache.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n',
    { name: 'dnf with rm of the cache', code: 'FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/dnf\n' },
    { name: 'dnf install then yum clean all (same family)', code: 'FROM rockylinux:8\nRUN dnf install -y git && yum clean all\n' },
    { name: 'microdnf clean all', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y git && microdnf clean all\n' },
    { name: 'zypper clean', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in git && zypper clean --all\n' },
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in git && zypper cc -a\n' },
    { name: 'yarn cache clean', code: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'npm cache clean', code: 'FROM node:20\nRUN npm ci --omit=dev && npm cache clean --force\n' },
    { name: 'npm cache mount', code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm \\\n    npm ci\n' },
    { name: 'yarn cache mount', code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { name: 'dnf cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git\n' },
    {
      name: 'npm ci in a build stage whose output is copied',
      code: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    { name: 'yarn run is not an install', code: 'FROM node:20\nRUN yarn build && npm run test\n' },
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN yum install -y httpd\n',
      errors: [{ line: 2, column: 5, message: '`yum clean all`' }],
    },
    {
      name: 'continued RUN, install on the second line',
      code: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf install -y git\n',
      errors: [{ line: 3, column: 5, message: '`dnf clean all`' }],
    },
    {
      name: 'the clean comes before the last install',
      code: 'FROM rockylinux:9\nRUN yum install -y a && yum clean all && yum install -y b\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'zypper, sudo',
      code: 'FROM opensuse/leap:15.6\nRUN sudo zypper -n install git\n',
      errors: [{ line: 2, message: '`zypper clean --all`' }],
    },
    {
      name: 'yarn global add, bare yarn, heredoc',
      code: 'FROM node:20\nRUN yarn global add @vue/cli\nRUN <<EOF\nyarn\nEOF\n',
      errors: [{ line: 2, message: '`yarn global add`' }, { line: 4, column: 1, message: '`yarn cache clean`' }],
    },
    {
      name: 'npm ci in the final stage',
      code: 'FROM node:20-slim\nWORKDIR /app\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      errors: [{ line: 3, message: '`npm cache clean --force`' }],
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM node:20 AS base\nONBUILD RUN npm install\nFROM scratch\nCOPY --from=base / /\n',
      errors: [{ line: 2, column: 13 }],
    },
    {
      name: 'a cache mount for another manager',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/var/cache/apt npm install\n',
      errors: [{ line: 2 }],
    },
  ],
});
