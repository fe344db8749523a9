import rule from '../../../rules/dockerfile/copy-all-before-install.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    {
      name: 'pip with a cache mount and requirements first',
      code: 'FROM python:3.12\nWORKDIR /code\nCOPY requirements.txt /code\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip3 install -r requirements.txt\nCOPY . .\n',
    },
    { name: 'whole copy in another stage', code: 'FROM node:20 AS src\nCOPY . /src\nFROM node:20\nCOPY --from=src /src/package.json .\nRUN npm ci\n' },
    { name: 'COPY --from is not the context', code: 'FROM node:20\nCOPY --from=build . /app\nRUN npm ci\n' },
    { name: 'build commands are not installs', code: 'FROM node:20\nCOPY . .\nRUN npm run build && npm test\n' },
    { name: 'global tool installs', code: 'FROM node:20\nCOPY . .\nRUN npm install -g pnpm && yarn global add serve\n' },
    { name: 'pip install of the project itself', code: 'FROM python:3.12\nCOPY . .\nRUN pip install --no-cache-dir .\n' },
    { name: 'a partial copy is fine', code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY cmd/ ./cmd/\nRUN go build ./cmd/app\n' },
  ],
  invalid: [
    {
      name: 'npm ci after COPY . .',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      errors: [{ line: 3, column: 1, message: '`COPY . .` copies the whole build context before `npm ci` (line 4): every source change re-installs all dependencies; copy `package.json` and `package-lock.json` first' }],
    },
    {
      name: 'pip -r on a continuation line, COPY . /app',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN pip install --upgrade pip && \\\n    pip install --no-cache-dir -r requirements/prod.txt\n',
      errors: [{ line: 3, message: 'copy `requirements/prod.txt` first, run `pip install -r requirements/prod.txt`' }],
    },
    {
      name: 'python -m pip, --requirement=, lower-case instructions',
      code: 'from python:3.12\ncopy ./ ./\nrun python -m pip install --requirement=requirements.txt\n',
      errors: [{ line: 2, message: '`copy ./ ./`' }],
    },
    {
      name: 'ADD . and a bare yarn',
      code: 'FROM node:20\nADD . /srv\nRUN yarn --frozen-lockfile\n',
      errors: [{ line: 2, message: '`yarn.lock`' }],
    },
    {
      name: 'glued operators and exec form',
      code: 'FROM node:20\nCOPY . .\nRUN pnpm install&&pnpm build\nFROM golang:1.22\nCOPY . .\nRUN ["go", "mod", "download"]\n',
      errors: [{ line: 2, message: '`pnpm install`' }, { line: 5, message: '`go.mod` and `go.sum`' }],
    },
    {
      name: 'other ecosystems',
      code: 'FROM ruby:3.3\nCOPY . .\nRUN bundle install --jobs 4\nFROM composer:2\nCOPY . /app\nRUN composer install --no-dev\nFROM maven:3.9\nCOPY . .\nRUN mvn -B dependency:go-offline\nFROM rust:1.79\nCOPY . .\nRUN cargo build --release\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet restore\nFROM python:3.12\nCOPY . .\nRUN poetry install --no-root\n',
      errors: [
        { line: 2, message: '`Gemfile`' },
        { line: 5, message: '`composer.lock`' },
        { line: 8, message: '`mvn dependency:go-offline`' },
        { line: 11, message: '`cargo build`' },
        { line: 14, message: '`*.csproj`' },
        { line: 17, message: '`poetry.lock`' },
      ],
    },
    {
      name: 'heredoc RUN',
      code: 'FROM node:20\nCOPY . .\nRUN <<EOF\nset -e\nnpm ci\nEOF\n',
      errors: [{ line: 2 }],
    },
  ],
});
