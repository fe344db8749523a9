// Seed 002 (E2I Causal Analytics: compose files in docker/, multi-stage docker/Dockerfile). Not decidable from the
// files: "create frontend/nginx.conf (referenced in README)" (only the README refers to it), "some health check
// endpoints may not exist" (what an application serves), "reduce environment variable duplication with YAML anchors"
// and "improve network isolation" (design choices, not defects), "bind mount permissions on Linux/WSL" (the host),
// "add a .dockerignore" (no COPY takes the whole context; how large the context is depends on the working tree).
import { expectFinding } from './seed-review.js';

const SEED = '002_5d3cc30a5eb98551';

describe(`seed ${SEED}`, () => {
  it('Dockerfile.feast is missing: compose service feast points at a Dockerfile that does not exist', async () => {
    await expectFinding(SEED, {
      rule: 'compose-path-missing',
      path: 'docker/docker-compose.yml',
      line: 65,
      priority: 'critical',
      message: 'service `feast` builds with Dockerfile `docker/Dockerfile.feast`, but there is no `docker/Dockerfile.feast` in the repository',
    });
  });

  it('frontend/Dockerfile is missing: compose service frontend cannot build', async () => {
    await expectFinding(SEED, {
      rule: 'compose-path-missing',
      path: 'docker/docker-compose.yml',
      line: 159,
      priority: 'critical',
      message: 'there is no `docker/frontend/Dockerfile` in the repository',
    });
  });

  it('docker/Dockerfile lines 59 and 72 copy uv.lock, which does not exist', async () => {
    await expectFinding(SEED, { rule: 'copy-source-missing', path: 'docker/Dockerfile', line: 59, priority: 'critical', message: '`uv.lock` does not exist' });
    await expectFinding(SEED, { rule: 'copy-source-missing', path: 'docker/Dockerfile', line: 72, priority: 'critical', message: '`uv.lock` does not exist' });
  });

  it('the worker container runs as root (C_FORCE_ROOT)', async () => {
    await expectFinding(SEED, { rule: 'compose-root-forced', path: 'docker/docker-compose.yml', line: 138, priority: 'high', message: 'C_FORCE_ROOT' });
  });

  it('no resource limits on the services', async () => {
    await expectFinding(SEED, { rule: 'compose-resources-unlimited', path: 'docker/docker-compose.yml', line: 123, priority: 'medium', message: 'service `worker`' });
  });

  it('worker depends_on api with service_started (race condition)', async () => {
    await expectFinding(SEED, {
      rule: 'compose-depends-on-no-condition',
      path: 'docker/docker-compose.yml',
      line: 150,
      priority: 'medium',
      message: 'service `worker` waits only for `api` to start, not to be ready: `api` has a healthcheck, use `condition: service_healthy`',
    });
  });

  it('no logging configuration (unbounded log growth)', async () => {
    await expectFinding(SEED, { rule: 'compose-logging-unbounded', path: 'docker/docker-compose.yml', line: 89, priority: 'low', message: 'service `api`' });
  });
});
