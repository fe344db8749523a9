import rule from '../../../rules/dockerfile/apt-get-missing-yes.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: '--yes and --assume-yes', code: 'FROM debian:12\nRUN apt-get install --yes curl && apt-get --assume-yes remove vim\n' },
    { name: '-y inside a group', code: 'FROM debian:12\nRUN apt-get install -qy curl\n' },
    { name: '-qq implies -y', code: 'FROM debian:12\nRUN apt-get -qq install curl && apt-get install -q=2 git\n' },
    { name: '-o APT::Get::Assume-Yes=true', code: 'FROM debian:12\nRUN apt-get install -o APT::Get::Assume-Yes=true curl\n' },
    {
      name: 'Assume-Yes configured by an earlier RUN',
      code: 'FROM debian:12\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n',
    },
    { name: 'answers piped from yes', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'subcommands that never ask', code: 'FROM debian:12\nRUN apt-get update && apt-get clean && apt-get source hello\n' },
    { name: 'yum and dnf with -y / --assumeyes', code: 'FROM rockylinux:9\nRUN yum install -y httpd && dnf --assumeyes install git && dnf -y group install "Development Tools"\n' },
    { name: 'microdnf never asks', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install git\n' },
    { name: 'zypper global -n / --non-interactive', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install git && zypper --non-interactive in curl\n' },
    { name: 'zypper install -y', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y git && zypper in --no-confirm curl\n' },
    { name: 'options from a variable', code: 'FROM debian:12\nRUN apt-get $APT_OPTS install curl && yum install $YUM_FLAGS git\n' },
    { name: 'apk never asks', code: 'FROM alpine:3.20\nRUN apk add curl\n' },
    { name: 'apt-get in a word, not a command', code: 'FROM debian:12\nRUN echo "apt-get install curl"\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n',
      errors: [{ line: 2, column: 23, message: '`apt-get install` without `-y`' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
    {
      name: 'continued RUN, install on the second line',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n      curl\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl\n',
    },
    {
      name: 'sudo apt-get, apt, remove',
      code: 'FROM ubuntu:24.04\nRUN sudo apt-get install curl && apt purge vim\n',
      errors: [{ line: 2, message: 'apt-get install' }, { line: 2, message: '`apt purge`' }],
      output: 'FROM ubuntu:24.04\nRUN sudo apt-get install -y curl && apt purge -y vim\n',
    },
    {
      name: '-q alone does not imply -y',
      code: 'FROM debian:12\nRUN apt-get -q install curl\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nRUN apt-get -q install -y curl\n',
    },
    {
      name: 'heredoc RUN',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n',
      errors: [{ line: 4, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    },
    {
      name: 'ONBUILD RUN with a cache mount',
      code: 'FROM debian:12\nONBUILD RUN --mount=type=cache,target=/var/cache/apt apt-get install curl\n',
      errors: [{ line: 2, column: 54 }],
      output: 'FROM debian:12\nONBUILD RUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n',
    },
    {
      name: 'yum, dnf and tdnf',
      code: 'FROM rockylinux:9\nRUN yum install httpd && dnf upgrade && tdnf install git\n',
      errors: [{ line: 2, message: '`yum install`' }, { line: 2, message: '`dnf upgrade`' }, { line: 2, message: '`tdnf install`' }],
      output: 'FROM rockylinux:9\nRUN yum install -y httpd && dnf upgrade -y && tdnf install -y git\n',
    },
    {
      name: 'dnf group install: -y goes after dnf',
      code: 'FROM fedora:40\nRUN dnf group install "Development Tools"\n',
      errors: [{ line: 2 }],
      output: 'FROM fedora:40\nRUN dnf -y group install "Development Tools"\n',
    },
    {
      name: 'zypper: -n after the subcommand is --name, not non-interactive',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -n git\n',
      errors: [{ line: 2, message: '`zypper install`' }],
    },
    {
      name: 'the Assume-Yes config comes later',
      code: 'FROM debian:12\nRUN apt-get install curl\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\n',
      errors: [{ line: 2 }],
    },
  ],
});
