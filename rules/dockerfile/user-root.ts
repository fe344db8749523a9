import { defineRule } from '../../src/engine/rule.js';
import type { Related, RuleReport } from '../../src/engine/types.js';
import { interpolate, scalarText } from '../../src/model/compose-build.js';
import { dockerfileLinks, effectiveUser, isRootUser, type BuildLink, type EffectiveUser } from '../../src/model/links.js';
import { rangeOf, targetStage, type DockerfileFile, type DockerfileStage } from '../../src/parse/dockerfile.js';

/** The compose `user:` of the service a build runs: 'non-root', 'root', 'unknown' (a variable), or null (not set). */
function composeUser(build: BuildLink): 'non-root' | 'root' | 'unknown' | null {
  const text = scalarText(build.service.data.user);
  if (text === null) return null;
  const { value, unresolved } = interpolate(text, build.service.env);
  if (unresolved) return 'unknown';
  return isRootUser(value) ? 'root' : 'non-root';
}

/** True when the compose file that set `build.target` is layered over a base (a dev override, usually). */
function targetFromOverlay(build: BuildLink): boolean {
  const place = build.service.at('build', 'target');
  return build.service.view.files.findIndex((f) => f.path === place.in) > 0;
}

/** The finding for a stage that runs as root (null when it does not, or cannot be told). */
function rootFinding(file: DockerfileFile, stage: DockerfileStage, user: EffectiveUser, lead: string): RuleReport | null {
  if (user.root !== true) return null;
  if (user.source === 'user' && user.instruction && user.stage) {
    const written = user.instruction.getArguments()[0]?.getValue() ?? '';
    const inherited = user.stage !== stage;
    const where = inherited
      ? `${lead} inherits \`USER ${written}\` from stage \`${user.stage.name ?? user.stage.index}\``
      : `the last \`USER\` of ${lead} is \`${written}\``;
    return {
      range: rangeOf(user.instruction),
      message: `${where}, so the container runs as root: switch to an unprivileged user (e.g. \`USER app\` or \`USER 10001\`) after the steps that need root`,
    };
  }
  const root = user.rootStage.base;
  const message = root.isScratch
    ? `${lead} is \`FROM scratch\` and never sets \`USER\`, so the binary runs as UID 0 (root): add \`USER 65532:65532\` — a numeric UID needs no /etc/passwd`
    : `${lead} never sets \`USER\`, so the container runs as root unless \`${root.ref?.raw ?? root.written}\` itself switches user (official images don't): create an unprivileged user and switch to it (\`RUN useradd --system app\` or \`adduser -S app\`, then \`USER app\`)`;
  return { range: rangeOf(stage.from), message };
}

export default defineRule({
  meta: {
    id: 'user-root',
    title: 'Container runs as root',
    priority: 'high',
    category: 'security',
    rationale:
      'A process running as root inside the container is root on the host\'s kernel: any escape or writable host mount becomes a host compromise. The final image should switch to an unprivileged user.',
    fixable: false,
    equivalents: {
      hadolint: ['DL3002'],
      checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
      trivy: ['DS-0002'],
      semgrep: ['last-user-is-root', 'missing-user'],
      sonar: ['S6471'],
    },
    appliesTo: 'dockerfile',
    strength: 'Final stages run as a non-root user',
  },
  check(ctx) {
    const file = ctx.file;
    const final = targetStage(file);
    if (!final) return;
    ctx.applies();
    const links = dockerfileLinks(ctx.project, file);
    const builds = links.builtBy.map((build) => ({ build, stage: build.target === null ? final : build.stage, user: composeUser(build) }));
    const overridden = (u: ReturnType<typeof composeUser>) => u === 'non-root' || u === 'unknown';

    // Stages compose runs through `build.target` (set in a base compose file: the production configuration), unless
    // the services running them set an unprivileged `user:`.
    const targets: { stage: DockerfileStage; name: string; report: RuleReport; related: Related }[] = [];
    for (const { build, stage, user } of builds) {
      if (!stage || stage === final || overridden(user) || targetFromOverlay(build)) continue;
      if (targets.some((t) => t.stage === stage) || builds.some((b) => b.stage === stage && overridden(b.user))) continue;
      const name = stage.name ?? String(stage.index);
      const report = rootFinding(file, stage, effectiveUser(file, stage), `stage \`${name}\``);
      if (!report) continue;
      const target = build.service.at('build', 'target');
      targets.push({
        stage,
        name,
        report: {
          ...report,
          message: `service \`${build.service.name}\` runs stage \`${name}\` (its \`build.target\`): ${report.message}`,
          hint: `add an unprivileged \`USER\` to stage \`${name}\`, or give service \`${build.service.name}\` an unprivileged \`user:\` in compose`,
          key: `stage:${name}:root`,
        },
        related: { path: target.in, line: target.range.line, message: `service \`${build.service.name}\` builds target \`${build.target}\`` },
      });
    }

    // The final stage, unless every compose service that builds it runs it as an unprivileged `user:`.
    const finalBuilds = builds.filter((b) => b.stage === final);
    if (!(finalBuilds.length && finalBuilds.every((b) => overridden(b.user)))) {
      const finalUser = effectiveUser(file, final);
      const report = rootFinding(file, final, finalUser, 'the final stage');
      if (report) {
        // Target stages that run as root too are the same finding: named in it, not reported again.
        const also = targets.length ? ` (so ${targets.length === 1 ? 'does' : 'do'} ${targets.map((t) => `stage \`${t.name}\``).join(', ')}, which compose runs as \`build.target\`)` : '';
        const related = targets.map((t) => t.related);
        ctx.report({
          ...report,
          message: `${report.message}${also}`,
          related: related.length ? related : undefined,
          ...(finalUser.source === 'base' ? { scope: 'file' as const, key: 'final-stage:no-user' } : {}),
        });
        return;
      }
    }
    for (const t of targets) ctx.report({ ...t.report, related: [t.related] });
  },
});
