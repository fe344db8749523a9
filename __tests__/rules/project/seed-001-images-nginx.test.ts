// Seed review 001 (vrecom): its Dockerfiles, nginx.conf and compose healthchecks, verbatim from the review, with the
// findings of the image-tools and nginx rules a senior reviewer expects on them.
import compose from '../../../rules/project/compose-healthcheck-tool-missing.js';
import addHeaderDropped from '../../../rules/project/nginx-add-header-dropped.js';
import securityHeaders from '../../../rules/project/nginx-security-headers-missing.js';
import serverTokens from '../../../rules/project/nginx-server-tokens.js';
import portNotExposed from '../../../rules/project/compose-port-not-exposed.js';
import { findingsOf } from '../../helpers/rule-tester.js';

const files: Record<string, string> = {
  'backend/ai_server/Dockerfile': "# Improved AI Server Dockerfile\nFROM python:3.9.23-slim as builder\n\nWORKDIR /app\n\n# Install system dependencies\nRUN apt-get update && apt-get install -y \\\n    gcc \\\n    g++ \\\n    curl \\\n    && rm -rf /var/lib/apt/lists/* \\\n    && apt-get clean\n\n# Install Poetry\nRUN pip install poetry\n\n# Configure Poetry\nRUN poetry config virtualenvs.create false \\\n    && poetry config cache-dir /opt/poetry-cache\n\n# Copy Poetry files\nCOPY pyproject.toml ./\n\n# Install dependencies\nRUN poetry install --only=main --no-dev\n\n# Production stage\nFROM python:3.9.23-slim\n\nWORKDIR /app\n\n# Create non-root user\nRUN groupadd -r appgroup && useradd -r -g appgroup appuser\n\n# Copy installed packages from builder\nCOPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages\nCOPY --from=builder /usr/local/bin /usr/local/bin\n\n# Copy application code\nCOPY src/ ./src/\nCOPY config/ ./config/\nCOPY models/ ./models/\nCOPY tasks/ ./tasks/\nCOPY logs/ ./logs/\n\n# Change ownership to non-root user\nRUN chown -R appuser:appgroup /app\n\nUSER appuser\n\nEXPOSE 9999\n\nCMD [\"python\", \"-m\", \"ai_server.main\"]\n",
  'frontend/project/Dockerfile': "# Improved Frontend Dockerfile\nFROM node:18-alpine AS builder\n\nWORKDIR /app\n\n# Copy package files\nCOPY package*.json ./\n\n# Install dependencies\nRUN npm ci --only=production\n\n# Copy source code\nCOPY . .\n\n# Build the application\nRUN npm run build\n\n# Production stage with Nginx\nFROM nginx:alpine\n\n# Create non-root user\nRUN addgroup -g 1001 -S nodejs \\\n    && adduser -S nextjs -u 1001\n\n# Copy built files\nCOPY --from=builder /app/dist /usr/share/nginx/html\n\n# Copy Nginx configuration\nCOPY nginx.conf /etc/nginx/nginx.conf\n\n# Change ownership\nRUN chown -R nextjs:nodejs /usr/share/nginx/html \\\n    && chown -R nextjs:nodejs /var/cache/nginx \\\n    && chown -R nextjs:nodejs /var/log/nginx \\\n    && chown -R nextjs:nodejs /etc/nginx/conf.d \\\n    && touch /var/run/nginx.pid \\\n    && chown -R nextjs:nodejs /var/run/nginx.pid\n\nUSER nextjs\n\nEXPOSE 5173\n\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
  'frontend/project/nginx.conf': "events {\n    worker_connections 1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    sendfile        on;\n    keepalive_timeout  65;\n\n    server {\n        listen 5173;\n        server_name localhost;\n        root /usr/share/nginx/html;\n        index index.html;\n\n        # Gzip compression\n        gzip on;\n        gzip_vary on;\n        gzip_types\n            text/plain\n            text/css\n            text/xml\n            text/javascript\n            application/javascript\n            application/xml+rss\n            application/json;\n\n        # Handle SPA routing\n        location / {\n            try_files $uri $uri/ /index.html;\n        }\n\n        # Cache static assets\n        location ~* \\.(js|css|png|jpg|jpeg|gif|ico|svg)$ {\n            expires 1y;\n            add_header Cache-Control \"public, immutable\";\n        }\n\n        # Security headers\n        add_header X-Frame-Options DENY;\n        add_header X-Content-Type-Options nosniff;\n        add_header X-XSS-Protection \"1; mode=block\";\n    }\n}\n",
  'docker-compose.yml': [
    "version: '3.8'",
    'services:',
    '  redis:',
    '    image: redis:7-alpine',
    '    healthcheck:',
    '      test: ["CMD", "redis-cli", "ping"]',
    '  ai_server:',
    '    build:',
    '      context: ./backend/ai_server',
    '      dockerfile: Dockerfile',
    '    container_name: vrecom_ai_server',
    '    ports:',
    '      - "9999:9999"',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost:9999/api/v1/health"]',
    '      interval: 30s',
    '  frontend:',
    '    build:',
    '      context: ./frontend/project',
    '      dockerfile: Dockerfile',
    '    ports:',
    '      - "5173:5173"',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost:5173"]',
    '    depends_on:',
    '      ai_server:',
    '        condition: service_healthy',
    '',
  ].join('\n'),
};

const lines = (fs: { line: number }[]) => fs.map((f) => f.line);

describe('seed 001', () => {
  it('ai_server healthcheck uses curl, which python:3.9.23-slim lacks (curl is only in the builder stage) → high', async () => {
    const found = await findingsOf(compose, files, 'docker-compose.yml');
    expect(lines(found)).toEqual([15]);
    expect(found[0].priority).toBe('high');
    expect(found[0].message).toContain('service `ai_server`');
    expect(found[0].related).toEqual([{ path: 'backend/ai_server/Dockerfile', line: 28, message: "the image's base, `python:3.9.23-slim` (python (Debian slim))" }]);
  });

  it('frontend healthcheck uses curl in nginx:alpine, which has it → nothing', async () => {
    const found = await findingsOf(compose, files, 'docker-compose.yml');
    expect(found.some((f) => f.message.includes('frontend'))).toBe(false);
  });

  it('the static-assets location drops X-Frame-Options and X-Content-Type-Options → low', async () => {
    const found = await findingsOf(addHeaderDropped, files, 'frontend/project/nginx.conf');
    expect(lines(found)).toEqual([38]);
    expect(found[0].message).toContain('`X-Frame-Options`, `X-Content-Type-Options`, `X-XSS-Protection`');
  });

  it('no Referrer-Policy on the server → low', async () => {
    const found = await findingsOf(securityHeaders, files, 'frontend/project/nginx.conf');
    expect(lines(found)).toEqual([12]);
    expect(found[0].message).toContain('`Referrer-Policy`');
  });

  it('server_tokens left on → low', async () => {
    expect(lines(await findingsOf(serverTokens, files, 'frontend/project/nginx.conf'))).toEqual([5]);
  });

  it('published ports match EXPOSE and nginx listen (9999, 5173) → nothing', async () => {
    expect(await findingsOf(portNotExposed, files, 'docker-compose.yml')).toEqual([]);
  });
});
