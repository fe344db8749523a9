import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { allServices } from '../../src/model/compose-project.js';
import type { Project } from '../../src/model/project.js';
import { rangeOf, shellOf, stageAncestry, stageInstructions, targetStage, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';
import { buildOf } from '../compose/lib.js';
import { missingFor, probeOf, stageToolbox } from './lib-images.js';

const targetsByProject = new WeakMap<Project, Map<DockerfileFile, Set<string>>>();

/** The stages this Dockerfile's images end in: the last one, and every compose `build.target` naming one. */
function imageStages(file: DockerfileFile, project: Project): DockerfileStage[] {
  let targets = targetsByProject.get(project);
  if (!targets) {
    // One pass over every service, shared by every Dockerfile of this review.
    targets = new Map();
    for (const service of allServices(project)) {
      const build = buildOf(service, project);
      if (!build?.dockerfile || !build.target) continue;
      targets.set(build.dockerfile, (targets.get(build.dockerfile) ?? new Set()).add(build.target));
    }
    targetsByProject.set(project, targets);
  }
  const stages = new Set<DockerfileStage>();
  const last = targetStage(file);
  if (last) stages.add(last);
  for (const target of targets.get(file) ?? []) {
    const stage = targetStage(file, target);
    if (stage) stages.add(stage);
  }
  return [...stages];
}

/** The HEALTHCHECK an image built from `stage` ends up with (the stage's own last one, else the nearest ancestor's). */
function effectiveHealthcheck(stage: DockerfileStage): Instruction | null {
  for (const s of stageAncestry(stage)) {
    const checks = stageInstructions(s, 'HEALTHCHECK');
    if (checks.length) return checks[checks.length - 1];
  }
  return null;
}

/** `HEALTHCHECK CMD ["curl", "-f", "…"]`: the exec form runs without a shell. */
function isExecForm(instruction: Instruction): boolean {
  const args = instruction.getArguments().map((a) => a.getValue());
  const rest = args.slice(args.findIndex((a) => a.toUpperCase() === 'CMD') + 1).join(' ').trim();
  if (!rest.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(rest);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

export default defineRule({
  meta: {
    id: 'healthcheck-tool-missing',
    title: 'HEALTHCHECK calls a tool the image does not have',
    priority: 'high',
    category: 'reliability',
    rationale:
      'A HEALTHCHECK that runs curl in a slim or Alpine image without curl (or any shell command in a distroless image) fails every time: the container is reported unhealthy forever, and whatever waits for it with `condition: service_healthy` never starts.',
    fixable: false,
    equivalents: {},
    appliesTo: 'dockerfile',
    strength: 'HEALTHCHECKs only call tools their image has',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of imageStages(file, ctx.project)) {
      const healthcheck = effectiveHealthcheck(stage);
      if (!healthcheck) continue;
      const subcommand = healthcheck.getArguments()[0]?.getValue().toUpperCase();
      if (subcommand !== 'CMD') continue;
      const script = shellOf(file, healthcheck);
      if (!script) continue;
      const box = stageToolbox(file, stage);
      if (!box.facts) continue;
      ctx.applies();
      const exec = isExecForm(healthcheck);
      const where = stage.isFinal ? 'the final stage' : `stage \`${stage.name ?? stage.index}\``;
      const imageLabel = `the image of ${where} (\`${box.image}\`: ${box.facts.label})`;
      const probe = probeOf(script, !exec || /^(sh|bash|ash|dash)$/.test(script.commands[0]?.name ?? ''), true);
      for (const missing of missingFor(probe, box, imageLabel)) {
        ctx.report({
          range: missing.use?.range ?? rangeOf(healthcheck),
          message: missing.message,
          hint: missing.hint,
          related: box.basePlace ? [{ path: box.basePlace.in, line: box.basePlace.range.line, message: `the image's base, \`${box.image}\` (${box.facts.label})` }] : undefined,
          key: `healthcheck:${missing.kind}:${missing.name}`,
        });
      }
    }
  },
});
