import rule from '../../../rules/dockerfile/insecure-download.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /x && wget https://example.com/y\n',
    { name: 'curl -o with a k in the file name is not -k', code: 'FROM debian:12\nRUN curl -fsSL -o key https://example.com/key\n' },
    { name: 'verification explicitly on', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true\nRUN npm config set strict-ssl true && git config --global http.sslVerify true\n' },
    { name: 'private CA trusted properly', code: 'FROM node:20\nCOPY ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/ca.crt\n' },
    { name: 'curl -k against the container itself', code: 'FROM debian:12\nRUN curl -fk https://localhost:8443/health && wget --no-check-certificate -qO- https://127.0.0.1/x\n' },
    { name: 'apt with gpg checks', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -k https://example.com/x -o /x\n',
      errors: [{ line: 2, column: 5, message: '`curl -k/--insecure`' }],
    },
    {
      name: 'grouped -k, continued RUN, wget on the second line',
      code: 'FROM debian:12\nRUN curl -fsSLk https://a.example/x -o /x \\\n && wget --no-check-certificate https://b.example/y\n',
      errors: [{ line: 2, message: 'curl' }, { line: 3, column: 5, message: '`wget --no-check-certificate`' }],
    },
    {
      name: 'pip, apk, apt-get, yum, rpm',
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example flask\nRUN apk add --allow-untrusted x.apk\nRUN apt-get install -y --allow-unauthenticated x\nRUN yum install -y --nogpgcheck x\nRUN rpm -i --nosignature x.rpm\n',
      errors: [
        { line: 2, message: 'pip --trusted-host' }, { line: 3, message: 'apk --allow-untrusted' }, { line: 4, message: '--allow-unauthenticated' },
        { line: 5, message: 'yum' }, { line: 6, message: 'rpm' },
      ],
    },
    {
      name: 'npm/yarn strict-ssl, git sslVerify',
      code: 'FROM node:20\nRUN npm config set strict-ssl false\nRUN yarn config set strict-ssl false\nRUN git config --global http.sslVerify false\nRUN git -c http.sslVerify=false clone https://example.com/r.git\n',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5 }],
    },
    {
      name: 'apt -o and dnf --setopt',
      code: 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\nRUN dnf --setopt=sslverify=0 install -y git\n',
      errors: [{ line: 2, message: 'Verify-Peer'.toLowerCase() }, { line: 3, message: 'sslverify=0' }],
    },
    {
      name: 'ENV and ARG',
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 \\\n    PYTHONHTTPSVERIFY=0\nARG GIT_SSL_NO_VERIFY=1\nENV PIP_TRUSTED_HOST=pypi.example NPM_CONFIG_STRICT_SSL=false\n',
      errors: [
        { line: 2, column: 5, message: '`ENV NODE_TLS_REJECT_UNAUTHORIZED`' }, { line: 3, message: 'PYTHONHTTPSVERIFY' },
        { line: 4, message: 'GIT_SSL_NO_VERIFY' }, { line: 5, message: 'PIP_TRUSTED_HOST' }, { line: 5, message: 'NPM_CONFIG_STRICT_SSL' },
      ],
    },
    {
      name: 'in-RUN assignment, export, sudo, heredoc, ONBUILD RUN, cache mount',
      code: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\nRUN <<EOF\nexport GIT_SSL_NO_VERIFY=true\ngit clone https://example.com/r.git\nEOF\nONBUILD RUN --mount=type=cache,target=/root/.npm sudo curl --insecure https://x.example\n',
      errors: [{ line: 2, column: 5 }, { line: 4, column: 1 }, { line: 7, column: 50 }],
    },
    {
      name: 'repository files written with sslverify off or [trusted=yes]',
      code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.example/ ./" > /etc/apt/sources.list.d/x.list\nRUN echo "sslverify=0" >> /etc/yum.conf\n',
      errors: [{ line: 2, message: 'trusted=yes' }, { line: 3, message: 'sslverify' }],
    },
  ],
});
