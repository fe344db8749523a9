// A small Docker project with real flaws, in the versions the scenarios commit: a clean-ish base, a pull request that
// adds flaws, and a follow-up push that fixes some of them and adds others.
import type { Changes } from './git.js';

export const BASE_FILES: Changes = {
  'README.md': '# shop\n\nA tiny shop.\n',
  'app/package.json': '{ "name": "app", "version": "1.0.0" }\n',
  'app/server.js': "require('http').createServer((_, res) => res.end('ok')).listen(3000);\n",
  'app/Dockerfile': [
    'FROM node:20.11-alpine',
    'WORKDIR /app',
    'COPY package.json ./',
    'RUN npm install --omit=dev',
    'COPY . .',
    'USER node',
    'HEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n'),
  'app/.dockerignore': 'node_modules\n.git\n',
  // A pre-existing flaw (MAINTAINER, line 2) far from the line the pull request touches.
  'worker/Dockerfile': [
    'FROM python:3.12-slim',
    'MAINTAINER ops@example.com',
    'WORKDIR /srv',
    'COPY requirements.txt ./',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY worker.py ./',
    'RUN useradd --create-home worker',
    'USER worker',
    'HEALTHCHECK CMD python -c "print(1)"',
    'ENV QUEUE=default',
    'CMD ["python", "worker.py"]',
    '',
  ].join('\n'),
  'worker/requirements.txt': 'redis==5.0.1\n',
  'worker/worker.py': 'print("working")\n',
  'compose.yaml': [
    'name: shop',
    '',
    'services:',
    '  app:',
    '    build: ./app',
    '    restart: unless-stopped',
    '  worker:',
    '    build: ./worker',
    '    restart: unless-stopped',
    '  db:',
    '    image: postgres:16.4-alpine',
    '    environment:',
    '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
    '    restart: unless-stopped',
    '',
  ].join('\n'),
};

/** The pull request: obsolete `version:`, a privileged worker, a hard-coded password, a new Dockerfile with MAINTAINER. */
export const PR_CHANGES: Changes = {
  'compose.yaml': [
    'version: "3.8"',
    'name: shop',
    '',
    'services:',
    '  app:',
    '    build: ./app',
    '    restart: unless-stopped',
    '  worker:',
    '    build: ./worker',
    '    privileged: true',
    '    restart: unless-stopped',
    '  db:',
    '    image: postgres:16.4-alpine',
    '    environment:',
    '      POSTGRES_PASSWORD: supersecret123',
    '    restart: unless-stopped',
    '',
  ].join('\n'),
  'api/Dockerfile': [
    'FROM python:3.12-slim',
    'MAINTAINER api-team@example.com',
    'WORKDIR /api',
    'COPY requirements.txt ./',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    'CMD ["python", "-m", "api"]',
    '',
  ].join('\n'),
  'api/requirements.txt': 'fastapi==0.110.0\n',
  // Touches the worker's last lines only: its MAINTAINER (line 2) is outside the hunk.
  'worker/Dockerfile': (BASE_FILES['worker/Dockerfile'] as string).replace('ENV QUEUE=default', 'ENV QUEUE=high'),
};

/** The follow-up push: `version:` and MAINTAINER fixed, the password kept, a new MAINTAINER in the app's Dockerfile. */
export const PUSH_CHANGES: Changes = {
  'compose.yaml': (PR_CHANGES['compose.yaml'] as string).replace('version: "3.8"\n', ''),
  'api/Dockerfile': (PR_CHANGES['api/Dockerfile'] as string).replace('MAINTAINER api-team@example.com\n', ''),
  'app/Dockerfile': (BASE_FILES['app/Dockerfile'] as string).replace('WORKDIR /app\n', 'MAINTAINER web@example.com\nWORKDIR /app\n'),
};
