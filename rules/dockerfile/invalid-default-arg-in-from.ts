import type { Arg } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandVariables } from '../../src/parse/image.js';
import { fromLsp } from '../../src/parse/positions.js';
import { invalidReference } from './lib/reference.js';

/** Representative values of the platform ARGs whose value never makes a reference invalid. */
const PLATFORM_VALUES: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64',
};
/** Platform ARGs that are empty on some platforms and not others: a FROM using them is not judged. */
const PLATFORM_DEPENDENT = new Set(['TARGETVARIANT', 'BUILDVARIANT', 'TARGETOSVERSION', 'BUILDOSVERSION', 'TARGETSTAGE']);

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    title: 'FROM is invalid with the default ARG values',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'When a build runs without `--build-arg` (a plain `docker build`, an IDE, a CI job that forgot it), `FROM alpine:${TAG}` with `ARG TAG` and no default becomes `alpine:`, and the build fails before it starts.',
    fixable: false,
    equivalents: { buildkit: ['InvalidDefaultArgInFrom'] },
    appliesTo: 'dockerfile',
    strength: 'Every `FROM` is a valid image reference with the default build args',
  },
  check(ctx) {
    const file = ctx.file;
    // The global ARGs with their defaults only, each expanded with the ones before it (as BuildKit does).
    const defaults = new Map<string, string>(Object.entries(PLATFORM_VALUES));
    const unset = new Set<string>();
    for (const instruction of file.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') break;
      if (keyword !== 'ARG') continue;
      const property = (instruction as Arg).getProperty();
      if (!property) continue;
      const name = property.getName();
      const raw = property.getValue();
      if (raw === null) {
        if (!defaults.has(name)) unset.add(name);
        continue;
      }
      const value = expandVariables(raw, (n) => defaults.get(n)).value;
      defaults.set(name, value);
      unset.delete(name);
      if (value === '') unset.add(name);
    }
    const stageNames = new Set<string>();
    for (const stage of file.stages) {
      const written = stage.from.getImage() ?? '';
      const imageRange = stage.from.getImageRange();
      if (written.includes('$') && imageRange) {
        ctx.applies();
        const used: string[] = [];
        const { value } = expandVariables(written, (n) => {
          used.push(n);
          return defaults.get(n);
        });
        const dependent = used.some((n) => PLATFORM_DEPENDENT.has(n) && !defaults.has(n));
        // A name no global ARG declares is undefined-arg-in-from's finding.
        const undeclared = used.some((n) => !defaults.has(n) && !unset.has(n) && !PLATFORM_DEPENDENT.has(n));
        const lower = value.trim().toLowerCase();
        const why = dependent || undeclared || lower === 'scratch' || stageNames.has(lower) ? null : invalidReference(value.trim());
        if (why) {
          const empties = [...new Set(used.filter((n) => unset.has(n) || defaults.get(n) === ''))];
          const culprits = empties.length ? `: ${empties.map((n) => `\`${n}\``).join(', ')} ${empties.length > 1 ? 'have' : 'has'} no default` : '';
          ctx.report({
            range: fromLsp(imageRange),
            message: `with the default build args, \`${written}\` becomes \`${value.trim()}\`, which is not a valid image reference (${why})${culprits}`,
            hint: empties.length
              ? `Give ${empties.map((n) => `\`ARG ${n}=…\``).join(', ')} a working default, or write the optional part as \`\${NAME:+:\${NAME}}\`.`
              : undefined,
            key: `stage:${stage.index}`,
          });
        }
      }
      if (stage.name) stageNames.add(stage.name.toLowerCase());
    }
  },
});
