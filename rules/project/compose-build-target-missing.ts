import { defineRule } from '../../src/engine/rule.js';
import { serviceLinks } from '../../src/model/links.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { servicesOf } from '../compose/lib.js';
import { closest } from './lib.js';

export default defineRule({
  meta: {
    id: 'compose-build-target-missing',
    title: '`build.target` names no stage of the Dockerfile',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'Compose builds the stage `build.target` names; when the Dockerfile has no stage of that name (renamed, misspelt, or the Dockerfile changed), `docker compose build` fails with "target stage … could not be found".',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every `build.target` names a stage of its Dockerfile',
  },
  check(ctx) {
    const { project } = ctx;
    for (const service of servicesOf(ctx)) {
      const build = serviceLinks(project, service).build;
      if (!build || !build.dockerfile || build.target === null) continue;
      // A target that depends on a variable without value cannot be judged.
      if (build.info.target !== null && build.info.target.includes('$') && build.target === build.info.target) continue;
      ctx.applies();
      if (build.stage) continue;
      const file = build.dockerfile;
      const names = file.stages.flatMap((s) => (s.name ? [s.name] : []));
      const guess = closest(build.target, names);
      const listed = names.length ? `its stages are ${names.map((n) => `\`${n}\``).join(', ')}` : 'it names none of its stages';
      ctx.report({
        ...service.at('build', 'target'),
        message: `service \`${service.name}\` builds target \`${build.target}\`, but \`${file.path}\` has no stage of that name (${listed}): \`docker compose build\` fails ("target stage could not be found")`,
        hint: guess ? `did you mean \`target: ${guess}\`?` : 'name an existing stage (`FROM … AS <name>`), or drop `target` to build the last stage',
        related: file.stages.length
          ? file.stages.map((st) => ({ path: file.path, line: rangeOf(st.from).line, message: st.name ? `stage \`${st.name}\` of \`${file.path}\`` : `an unnamed stage of \`${file.path}\`` }))
          : undefined,
        key: `service:${service.name}:build.target`,
      });
    }
  },
});
