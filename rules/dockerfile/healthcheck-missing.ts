import { defineRule } from '../../src/engine/rule.js';
import type { Project } from '../../src/model/project.js';
import { allServices } from '../../src/model/compose-project.js';
import type { ComposeData } from '../../src/parse/compose.js';
import { rangeOf, stageAncestry, stageInstructions, targetStage } from '../../src/parse/dockerfile.js';
import { buildOf } from '../compose/lib.js';

const buildersByProject = new WeakMap<Project, Map<string, ComposeData[]>>();

/** The compose services (of any compose file in the project) that build the Dockerfile at `dockerfilePath`, `extends` applied. */
export function composeServicesBuilding(project: Project, dockerfilePath: string): ComposeData[] {
  let builders = buildersByProject.get(project);
  if (!builders) {
    // One pass over every service, shared by every Dockerfile and rule of this review.
    builders = new Map();
    for (const service of allServices(project)) {
      const built = buildOf(service, project)?.dockerfilePath;
      if (built) builders.set(built, [...(builders.get(built) ?? []), service.data]);
    }
    buildersByProject.set(project, builders);
  }
  return builders.get(dockerfilePath) ?? [];
}

/** A compose service that builds `dockerfilePath` and gives the container a healthcheck (or explicitly disables it). */
function composeHealthcheck(project: Project, dockerfilePath: string): boolean {
  return composeServicesBuilding(project, dockerfilePath).some((data) => {
    const healthcheck = data.healthcheck as { test?: unknown; disable?: unknown } | undefined | null;
    if (!healthcheck || typeof healthcheck !== 'object') return false;
    const test = Array.isArray(healthcheck.test) ? healthcheck.test[0] : healthcheck.test;
    return healthcheck.disable === true || (typeof test === 'string' && test.trim() !== '');
  });
}

export default defineRule({
  meta: {
    id: 'healthcheck-missing',
    title: 'No HEALTHCHECK',
    priority: 'low',
    category: 'reliability',
    rationale:
      'Without a healthcheck, Docker only knows whether the process exists: a hung or deadlocked app stays "running", `depends_on: service_healthy` cannot work, and orchestrators keep routing traffic to it.',
    fixable: false,
    equivalents: { checkov: ['CKV_DOCKER_2'], hadolint: ['DL3057'] },
    appliesTo: 'dockerfile',
    strength: 'Images declare a HEALTHCHECK',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final) return;
    const chain = stageAncestry(final);
    // An image FROM scratch with no command only carries artifacts (an export stage): nothing runs to be checked.
    const runs = chain.some((s) => stageInstructions(s, 'CMD').length || stageInstructions(s, 'ENTRYPOINT').length);
    if (chain[chain.length - 1].base.isScratch && !runs) return;
    ctx.applies();
    // HEALTHCHECK NONE counts: disabling the check is a decision.
    if (chain.some((s) => stageInstructions(s, 'HEALTHCHECK').length)) return;
    if (composeHealthcheck(ctx.project, file.path)) return;
    // A compose service builds this image: `compose-healthcheck-missing` judges it there, where the fix belongs.
    if (composeServicesBuilding(ctx.project, file.path).length) return;
    ctx.report({
      range: rangeOf(final.from),
      message:
        'the final image declares no `HEALTHCHECK`, and no compose service building it defines a `healthcheck:`: a hung app still counts as running; add `HEALTHCHECK CMD …` (e.g. a request to a health endpoint) or a `healthcheck:` on the compose service',
      scope: 'file',
      key: 'final-stage:no-healthcheck',
    });
  },
});
