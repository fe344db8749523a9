import rule from '../../../rules/dockerfile/add-instead-of-copy.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY requirements.txt /app/\n',
    { name: 'URL', code: 'FROM alpine:3.20\nADD https://example.com/tool.sh /usr/local/bin/tool\n' },
    { name: 'URL with checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a1e42f1ed0 https://example.com/a.bin /a\n' },
    { name: 'git repository', code: 'FROM alpine:3.20\nADD --keep-git-dir=true git@github.com:moby/buildkit.git#v0.13.1 /src\n' },
    { name: 'local tarball is unpacked', code: 'FROM debian:12\nADD rootfs.tar.gz /\nADD vendor.tgz /opt/\nadd layer.tar.xz /\n' },
    { name: 'ARG default names an archive', code: 'FROM debian:12\nARG DIST=dist/app.tar.bz2\nADD ${DIST} /opt/app/\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nARG ARTIFACT\nADD $ARTIFACT /opt/\n' },
    { name: 'JSON form with a URL', code: 'FROM debian:12\nADD ["https://example.com/a b.txt", "/x/"]\n' },
    { name: 'ADD from a heredoc', code: 'FROM debian:12\nADD <<EOF /etc/motd\nhello\nEOF\n' },
  ],
  invalid: [
    {
      name: 'plain file',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nADD requirements.txt .\nRUN pip install -r requirements.txt\n',
      errors: [{ line: 3, column: 1, message: '`ADD` of local `requirements.txt`: use `COPY`' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    },
    {
      name: 'flags and spacing stay byte-identical; lower case stays lower case',
      code: 'FROM node:20\nadd   --chown=node:node --chmod=644 package.json package-lock.json  ./\n',
      errors: [{ line: 2, message: '`package.json`, `package-lock.json`' }],
      output: 'FROM node:20\ncopy   --chown=node:node --chmod=644 package.json package-lock.json  ./\n',
    },
    {
      name: 'continuation lines are kept',
      code: 'FROM node:20\nADD --chown=node \\\n    src/ \\\n    /app/src/\n',
      errors: [{ line: 2, endLine: 4 }],
      output: 'FROM node:20\nCOPY --chown=node \\\n    src/ \\\n    /app/src/\n',
    },
    {
      name: 'ONBUILD ADD and the whole-context ADD',
      code: 'FROM node:20 AS base\nONBUILD ADD . /app\n\nFROM base\nADD . /srv\n',
      errors: [{ line: 2, column: 9 }, { line: 5 }],
      output: 'FROM node:20 AS base\nONBUILD COPY . /app\n\nFROM base\nCOPY . /srv\n',
    },
    {
      name: 'ARG expanding to a plain file; JSON form',
      code: 'FROM eclipse-temurin:21-jre\nARG JAR_FILE=target/app.jar\nADD ${JAR_FILE} app.jar\nADD ["config dir/", "/etc/app/"]\n',
      errors: [{ line: 3, message: '`${JAR_FILE}`' }, { line: 4 }],
      output: 'FROM eclipse-temurin:21-jre\nARG JAR_FILE=target/app.jar\nCOPY ${JAR_FILE} app.jar\nCOPY ["config dir/", "/etc/app/"]\n',
    },
  ],
});
