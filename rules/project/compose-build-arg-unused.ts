import { defineRule } from '../../src/engine/rule.js';
import { declaredArgs, serviceLinks } from '../../src/model/links.js';
import { rangeOf } from '../../src/parse/dockerfile.js';
import { servicesOf } from '../compose/lib.js';
import { closest } from './lib.js';

/** Build args BuildKit and the builder understand without an ARG. */
const PREDEFINED = new Set([
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME',
  'BUILDKIT_CACHE_MOUNT_NS', 'SOURCE_DATE_EPOCH',
]);

export default defineRule({
  meta: {
    id: 'compose-build-arg-unused',
    title: '`build.args` entry no ARG declares',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'A build arg is only visible to a Dockerfile that declares it with `ARG`; one nothing declares is ignored (Docker warns "build-args were not consumed"), usually a renamed ARG or a value someone believes is set.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Every build arg compose passes is declared by its Dockerfile',
  },
  check(ctx) {
    const { project } = ctx;
    for (const service of servicesOf(ctx)) {
      const build = serviceLinks(project, service).build;
      if (!build || !build.dockerfile || !build.args.length) continue;
      ctx.applies();
      const declared = declaredArgs(build.dockerfile);
      for (const arg of build.args) {
        if (declared.has(arg.name) || PREDEFINED.has(arg.name)) continue;
        const guess = closest(arg.name, declared.keys());
        ctx.report({
          ...arg.place,
          message: `service \`${service.name}\` passes build arg \`${arg.name}\`, but \`${build.dockerfile.path}\` declares no \`ARG ${arg.name}\`: the value is ignored`,
          hint: guess ? `did you mean \`${guess}\`?` : `declare it in the Dockerfile (\`ARG ${arg.name}\`) where it is used, or remove it`,
          related: [
            guess
              ? { path: build.dockerfile.path, line: rangeOf(declared.get(guess)!.instruction).line, message: `\`ARG ${guess}\` is declared here` }
              : { path: build.dockerfile.path, line: build.dockerfile.stages[0] ? rangeOf(build.dockerfile.stages[0].from).line : 1, message: `\`${build.dockerfile.path}\` declares no \`ARG ${arg.name}\`` },
          ],
          key: `service:${service.name}:build.args:${arg.name}`,
        });
      }
    }
  },
});
