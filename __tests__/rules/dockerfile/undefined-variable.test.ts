import rule from '../../../rules/dockerfile/undefined-variable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared ARG without a value', code: 'FROM alpine:3.20 AS base\nARG foo\nCOPY $foo .\n' },
    { name: 'the official base image sets it', code: 'FROM python:3.12-slim AS base\nARG VERSION=$PYTHON_VERSION\nLABEL py=${PYTHON_VERSION}\n' },
    { name: 'an unknown base image may set it', code: 'FROM mycorp/base:1.4\nCOPY $APP_SRC /app\n' },
    { name: 'single quotes and escapes', code: "FROM scratch\nENV A='$literal'\nLABEL b=\\$escaped\n" },
    { name: 'shell forms are the shell\'s business', code: 'FROM scratch\nRUN echo $HOME\nCMD echo $X\nHEALTHCHECK CMD test -n "$Y"\n' },
    { name: 'ONBUILD triggers expand in the child build', code: 'FROM alpine:3.20\nONBUILD COPY $SRC /app\nONBUILD ENV X=$Y\n' },
    { name: '${X:?} fails the build on purpose', code: 'FROM scratch\nWORKDIR ${APP_DIR:?set APP_DIR}\n' },
    { name: 'stages inherit from the stage they build on', code: 'FROM alpine:3.20 AS base\nARG APP=/app\nENV HOME_DIR=/home/app\nFROM base\nWORKDIR $APP\nUSER ${HOME_DIR}\n' },
    { name: 'a global ARG re-declared in the stage', code: 'ARG V=1\nFROM alpine:3.20\nARG V\nLABEL v=$V\n' },
    { name: 'a variable set in the same ENV is env-reference-same-instruction\'s', code: 'FROM scratch\nENV A=1 B=$A\n' },
    { name: 'heredoc bodies are not expanded here', code: 'FROM scratch\nCOPY <<EOF /x\n$FOO\nEOF\n' },
    { name: 'FROM is undefined-arg-in-from\'s', code: 'FROM alpine:$TAG\n' },
    { name: 'PATH is always set', code: 'FROM scratch\nENV PATH=/app:$PATH\n' },
    { name: 'platform ARG declared in the stage', code: 'FROM golang:1.22\nARG TARGETARCH\nCOPY bin/app-$TARGETARCH /app\n' },
    { name: 'HOME from an unknown base image may be set by it', code: 'FROM jupyter/base-notebook:2024-05-01\nWORKDIR $HOME/work\n' },
    { name: 'ARG defaults see earlier ARGs', code: 'FROM scratch\nARG BASE=/opt\nARG APP=$BASE/app\nWORKDIR $APP\n' },
  ],
  invalid: [
    {
      name: 'scratch: nothing else can define it',
      code: 'FROM scratch\nCOPY $SRC $DEST\n',
      errors: [
        { line: 2, column: 6, endColumn: 10, message: '`$SRC` is not defined here, so it expands to an empty string' },
        { line: 2, column: 11, endColumn: 16, message: 'the stage builds on `scratch`' },
      ],
    },
    {
      name: 'global ARG not re-declared',
      code: 'ARG VERSION=1.0\nFROM alpine:3.20\nLABEL version=$VERSION\n',
      errors: [{ line: 3, column: 15, message: 'only visible to `FROM` lines' }],
    },
    {
      name: 'platform ARG not declared in the stage',
      code: 'FROM golang:1.22\nCOPY bin/app-$TARGETARCH /app\n',
      errors: [{ line: 2, column: 14, endColumn: 25, message: 'predefined only in the global scope' }],
    },
    {
      name: 'platform ARG with a default: the default always wins',
      code: 'FROM alpine:3.20\nCOPY bin/${TARGETARCH:-amd64}/app /app\n',
      errors: [{ line: 2, column: 10, endColumn: 30, message: '`${TARGETARCH:-…}` always takes its default' }],
    },
    {
      name: 'typo: did you mean',
      code: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ line: 2, column: 10, message: 'did you mean `$PATH`?' }],
    },
    {
      name: 'typo in an ARG default',
      code: 'FROM alpine:3.20\nARG BASE_DIR=/opt\nARG APP_DIR=$BASE_DIRR/app\n',
      errors: [{ line: 3, column: 13, message: 'did you mean `$BASE_DIR`?' }],
    },
    {
      name: 'used before it is declared',
      code: 'FROM alpine:3.20\nWORKDIR $APP_HOME\nENV APP_HOME=/app\n',
      errors: [{ line: 2, message: 'declared on line 3, after this use' }],
    },
    {
      name: 'declared in another stage only',
      code: 'FROM node:20 AS build\nENV OUT=/out\nFROM nginx:1.27\nCOPY --from=build $OUT /usr/share/nginx/html\n',
      errors: [{ line: 4, column: 19, message: 'only declared in stage `build` (line 2)' }],
    },
    {
      name: 'proxy args are not expanded outside RUN',
      code: 'FROM alpine:3.20\nLABEL proxy=$HTTP_PROXY\n',
      errors: [{ line: 2, message: 'reach the environment of `RUN` only' }],
    },
    {
      name: 'continued ENV with a comment line inside',
      code: 'FROM scratch\nENV A=1 \\\n  # $IGNORED in a comment\n  B=$MISSING\n',
      errors: [{ line: 4, column: 5, endColumn: 13 }],
    },
    {
      name: 'RUN --mount options and COPY --chown are expanded',
      code: 'FROM scratch\nRUN --mount=type=cache,target=/cache/$TARGETARCH ["/bin/true"]\nCOPY --chown=$APP_UID:0 a /a\n',
      errors: [
        { line: 2, message: '`$TARGETARCH`' },
        { line: 3, column: 14, message: '`$APP_UID`' },
      ],
    },
    {
      name: 'shell variables are not image ENV',
      code: 'FROM debian:12-slim\nWORKDIR $HOME/app\nCOPY . ${HOME}/app\n',
      errors: [
        { line: 2, column: 9, endColumn: 14, message: 'neither the Dockerfile nor the `debian` image sets it with ENV' },
        { line: 3 },
      ],
    },
    {
      name: 'one finding per name and instruction',
      code: 'FROM scratch\nLABEL a=$X b=$X\n',
      errors: [{ line: 2, column: 9 }],
    },
  ],
});
