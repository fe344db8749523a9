// Seed 001 (VRecommendation: Redis, Go API server, Python AI server, Prometheus, Node frontend). Not decidable from
// the files: "sensitive data might be exposed in environment variables" (hedged, no value named), "could use a
// multi-stage build / Poetry virtualenv setting / nginx instead of serve" (choices of taste, not defects).
import { expectFinding } from './seed-review.js';

const SEED = '001_7da237ccf8efc068';

describe(`seed ${SEED}`, () => {
  it('the AI server image runs as root (no non-root user)', async () => {
    await expectFinding(SEED, { rule: 'user-root', path: 'backend/ai_server/Dockerfile', line: 1, priority: 'high' });
  });

  it('the frontend production stage runs as root', async () => {
    await expectFinding(SEED, { rule: 'user-root', path: 'frontend/project/Dockerfile', line: 8, priority: 'high' });
  });

  it('services have no health checks', async () => {
    for (const [line, name] of [[2, 'redis'], [13, 'api_server'], [29, 'ai_server'], [56, 'frontend']] as const) {
      await expectFinding(SEED, { rule: 'compose-healthcheck-missing', path: 'docker-compose.yml', line, priority: 'medium', message: `service \`${name}\`` });
    }
  });

  it('depends_on waits for start only (use condition: service_healthy)', async () => {
    await expectFinding(SEED, { rule: 'compose-depends-on-no-condition', path: 'docker-compose.yml', line: 24, priority: 'medium', message: 'service `api_server` waits only for `redis`' });
    await expectFinding(SEED, { rule: 'compose-depends-on-no-condition', path: 'docker-compose.yml', line: 66, priority: 'medium', message: 'service `frontend` waits only for `api_server`' });
  });

  it('no resource limits', async () => {
    await expectFinding(SEED, { rule: 'compose-resources-unlimited', path: 'docker-compose.yml', line: 29, priority: 'medium', message: 'service `ai_server`' });
  });

  it('no logging configuration', async () => {
    await expectFinding(SEED, { rule: 'compose-logging-unbounded', path: 'docker-compose.yml', line: 13, priority: 'low', message: 'service `api_server`' });
  });

  it('.dockerignore files are missing for the AI server and the frontend (COPY . . sends everything)', async () => {
    await expectFinding(SEED, { rule: 'copy-whole-context', path: 'backend/ai_server/Dockerfile', line: 13, priority: 'medium', message: 'no `.dockerignore` applies' });
    await expectFinding(SEED, { rule: 'copy-whole-context', path: 'frontend/project/Dockerfile', line: 5, priority: 'medium', message: 'no `.dockerignore` applies' });
  });
});
