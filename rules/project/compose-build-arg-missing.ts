import { defineRule } from '../../src/engine/rule.js';
import { declaredArgs, serviceLinks } from '../../src/model/links.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { expandVariables } from '../../src/parse/image.js';
import { interpolate, servicesOf } from '../compose/lib.js';
import { invalidReference } from '../dockerfile/lib/reference.js';
import { stagesNeeded } from './lib.js';

/** Platform ARGs BuildKit always sets (representative values: they never make a reference invalid). */
const PLATFORM: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
};

export default defineRule({
  meta: {
    id: 'compose-build-arg-missing',
    title: 'Compose builds without an ARG the Dockerfile needs',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'A global `ARG` without a default that a `FROM` uses (`FROM ${BASE_IMAGE}`) must be passed as a build arg; when the compose service that builds the Dockerfile does not pass it, the reference is empty or invalid and `docker compose build` fails before the first step.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Compose passes every build arg its Dockerfiles need',
  },
  check(ctx) {
    const { project } = ctx;
    for (const service of servicesOf(ctx)) {
      const build = serviceLinks(project, service).build;
      const file = build?.dockerfile;
      if (!build || !file || !build.stage) continue;
      const declared = declaredArgs(file);
      const required = [...declared].filter(([, d]) => d.global && !d.hasDefault).map(([name]) => name);
      if (!required.length) continue;
      ctx.applies();
      const passed = new Map<string, string | null>();
      for (const arg of build.args) {
        if (arg.value === null) {
          passed.set(arg.name, null); // from the environment: unknown
          continue;
        }
        const v = interpolate(arg.value, service);
        passed.set(arg.name, v.unresolved ? null : v.value);
      }
      const defaults = new Map<string, string>();
      for (const [name, value] of file.globalArgs) if (value !== null) defaults.set(name, value);
      for (const stage of stagesNeeded(file, build.stage)) {
        const written = stage.from.getImage() ?? '';
        if (!written.includes('$')) continue;
        let unknown = false;
        const missing: string[] = [];
        const { value } = expandVariables(written, (name) => {
          if (passed.has(name)) {
            const v = passed.get(name)!;
            if (v === null) unknown = true;
            return v ?? 'x';
          }
          if (name in PLATFORM) return PLATFORM[name];
          if (required.includes(name)) {
            missing.push(name);
            return '';
          }
          if (defaults.has(name)) return defaults.get(name)!;
          unknown = true;
          return 'x';
        });
        if (unknown || !missing.length) continue;
        const lower = value.trim().toLowerCase();
        if (lower === 'scratch' || file.stages.some((s) => s.name?.toLowerCase() === lower)) continue;
        const why = invalidReference(value.trim());
        if (!why) continue;
        const names = [...new Set(missing)];
        ctx.report({
          ...service.at('build', 'args'),
          message: `service \`${service.name}\` builds \`${file.path}\` without the build arg${names.length > 1 ? 's' : ''} ${names.map((n) => `\`${n}\``).join(', ')}: \`FROM ${written}\` becomes \`${value.trim()}\`, which is not an image reference (${why}), so \`docker compose build\` fails`,
          hint: `pass it: \`build: { args: { ${names[0]}: … } }\`, or give \`ARG ${names[0]}\` a default in the Dockerfile`,
          related: [
            { path: file.path, line: rangeOf(stage.from).line, message: `\`FROM ${written}\` needs ${names.map((n) => `\`${n}\``).join(', ')}` },
            ...names.map((n) => ({ path: file.path, line: rangeOf(declared.get(n)!.instruction).line, message: `\`ARG ${n}\` has no default` })),
          ],
          key: `service:${service.name}:build.args:missing:${names.join(',')}`,
        });
      }
    }
  },
});
