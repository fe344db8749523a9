// Seed 004 (SampleMind "Task 6.3 complete" report) reports no defect: it describes what was built. Its claims that the
// files can decide are checked on a fixture built as described (deployment/docker/, built from the repository root).
import { expectNoFinding, reviewSeed } from './seed-review.js';

const SEED = '004_8ccf06dee7d149b3';

describe(`seed ${SEED}`, () => {
  it('claim: all services run as non-root users', async () => {
    await expectNoFinding(SEED, 'user-root');
    await expectNoFinding(SEED, 'compose-root-forced');
  });

  it('claim: health checks on every service', async () => {
    await expectNoFinding(SEED, 'compose-healthcheck-missing');
    await expectNoFinding(SEED, 'healthcheck-missing');
  });

  it('claim: resource limits, restart policies and production logging', async () => {
    await expectNoFinding(SEED, 'compose-resources-unlimited');
    await expectNoFinding(SEED, 'compose-restart-missing');
    await expectNoFinding(SEED, 'compose-logging-unbounded');
  });

  it('claim: the images build (every COPY source and compose path exists)', async () => {
    const { findings } = await reviewSeed(SEED);
    expect(findings.filter((f) => f.priority === 'critical').map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([]);
  });
});
