// Seed 000 (ClarityMentor: GPU backend, nginx frontend, Redis). Not decidable from the files: "WebSocket URL fallback"
// (frontend/src/hooks/useWebSocketConnection.ts is application code, whose runtime URL no Docker file determines).
import { expectFinding, expectNoFinding } from './seed-review.js';

const SEED = '000_82a6e6def3b77aeb';

describe(`seed ${SEED}`, () => {
  it('docker-compose.dev.yml is broken: the frontend service has no build context (neither build nor image after merging)', async () => {
    await expectFinding(SEED, {
      rule: 'compose-service-no-image',
      path: 'docker-compose.dev.yml',
      line: 10,
      priority: 'critical',
      message: 'service `frontend` has neither `image` nor `build` in `docker-compose.yml + docker-compose.dev.yml`',
    });
  });

  it('docker-compose.cpu.yml has the obsolete `version: \'3.8\'` line', async () => {
    await expectFinding(SEED, { rule: 'compose-version-obsolete', path: 'docker-compose.cpu.yml', line: 1, priority: 'low' });
  });

  it('strength: health checks on all services of the base file', async () => {
    await expectNoFinding(SEED, 'compose-healthcheck-missing', 'docker-compose.yml');
  });
});
