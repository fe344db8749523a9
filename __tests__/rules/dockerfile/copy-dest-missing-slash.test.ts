import rule from '../../../rules/dockerfile/copy-dest-missing-slash.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\n',
    { name: 'one source', code: 'FROM node:20\nCOPY package.json /app/package.json\nCOPY src /app/src\n' },
    { name: 'one wildcard source (may match one file)', code: 'FROM eclipse-temurin:21\nCOPY target/*.jar /app/app.jar\n' },
    { name: 'exec form with a slash', code: 'FROM node:20\nCOPY ["package.json", "yarn.lock", "/app/"]\n' },
    { name: 'destination from an ARG ending in /', code: 'FROM node:20\nARG DEST=/app/\nCOPY a.txt b.txt $DEST\n' },
    { name: 'destination from an unknown variable', code: 'FROM node:20\nARG DEST\nCOPY a.txt b.txt ${DEST}\n' },
    { name: 'ONBUILD COPY with a slash', code: 'FROM node:20\nONBUILD COPY package.json yarn.lock /app/\n' },
    { name: 'quoted destination with a slash', code: 'FROM node:20\nCOPY a b "/app/"\n' },
  ],
  invalid: [
    {
      name: 'two files to a directory name: fixed',
      code: 'FROM node:20\nCOPY package.json package-lock.json /app\n',
      errors: [{ line: 2, column: 37, endColumn: 41, message: '`COPY` of 2 sources to `/app`, which does not end with `/`' }],
      output: 'FROM node:20\nCOPY package.json package-lock.json /app/\n',
    },
    {
      name: '`.` works with BuildKit but not with the classic builder',
      code: 'FROM node:20\nWORKDIR /app\ncopy --chown=node:node package.json yarn.lock .\n',
      errors: [{ line: 3, message: 'BuildKit and kaniko copy into the directory, but the classic builder fails' }],
      output: 'FROM node:20\nWORKDIR /app\ncopy --chown=node:node package.json yarn.lock ./\n',
    },
    {
      name: 'continuation lines and indentation stay',
      code: 'FROM python:3.12\nCOPY requirements.txt \\\n     constraints.txt \\\n     /srv  \n',
      errors: [{ line: 4, column: 6 }],
      output: 'FROM python:3.12\nCOPY requirements.txt \\\n     constraints.txt \\\n     /srv/  \n',
    },
    {
      name: 'exec form: the slash goes inside the quotes',
      code: 'FROM node:20\nCOPY ["a.json", "b.json", "/cfg"]\n',
      errors: [{ line: 2, column: 27 }],
      output: 'FROM node:20\nCOPY ["a.json", "b.json", "/cfg/"]\n',
    },
    {
      name: 'ADD, quoted destination, --from',
      code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nADD a.tar b.tar "/opt/x"\nCOPY --from=build /a /b /out\n',
      errors: [{ line: 3, message: '`ADD` of 2 sources' }, { line: 4 }],
      output: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nADD a.tar b.tar "/opt/x/"\nCOPY --from=build /a /b /out/\n',
    },
    {
      name: 'destination from an ARG',
      code: 'FROM node:20\nARG DEST=/app\nCOPY a.txt b.txt ${DEST}\n',
      errors: [{ line: 3 }],
      output: 'FROM node:20\nARG DEST=/app\nCOPY a.txt b.txt ${DEST}/\n',
    },
    {
      name: 'ONBUILD COPY',
      code: 'FROM node:20\nONBUILD COPY package.json yarn.lock /app\n',
      errors: [{ line: 2, column: 37 }],
      output: 'FROM node:20\nONBUILD COPY package.json yarn.lock /app/\n',
    },
    {
      name: 'two heredocs to one file name',
      code: 'FROM alpine:3.20\nCOPY <<a.conf <<b.conf /etc/app\nx=1\na.conf\ny=2\nb.conf\n',
      errors: [{ line: 2, column: 24, message: '`COPY` of 2 sources to `/etc/app`' }],
      output: 'FROM alpine:3.20\nCOPY <<a.conf <<b.conf /etc/app/\nx=1\na.conf\ny=2\nb.conf\n',
    },
  ],
});
