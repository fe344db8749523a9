import type { Copy, Instruction, Run } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import { expandAt } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';
import { composeServicesBuilding } from './healthcheck-missing.js';

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Names a compose `build.additional_contexts` gives this Dockerfile's build (they can be used with `--from`). */
function namedContexts(services: Record<string, unknown>[]): Set<string> {
  const names = new Set<string>();
  for (const data of services) {
    const build = data.build as { additional_contexts?: unknown } | undefined;
    const contexts = build && typeof build === 'object' ? build.additional_contexts : undefined;
    if (Array.isArray(contexts)) {
      for (const entry of contexts) if (typeof entry === 'string') names.add(entry.split('=')[0].toLowerCase());
    } else if (contexts && typeof contexts === 'object') {
      for (const name of Object.keys(contexts)) names.add(name.toLowerCase());
    }
  }
  return names;
}

export default defineRule({
  meta: {
    id: 'copy-from-invalid',
    title: '`--from` names no usable stage',
    priority: 'high',
    category: 'correctness',
    rationale:
      'A `COPY --from` (or `RUN --mount=…,from=`) that names no stage is taken as an image to pull from Docker Hub, which fails or, worse, pulls someone else\'s image; one that names its own stage is a circular dependency and the build fails.',
    fixable: false,
    equivalents: { hadolint: ['DL3022', 'DL3023'] },
    appliesTo: 'dockerfile',
    strength: '`COPY --from` references resolve to stages of the Dockerfile',
  },
  check(ctx) {
    const file = ctx.file;
    const stages = file.stages;
    let contexts: Set<string> | null = null;
    for (const stage of stages) {
      const refs: { value: string; range: Range; instruction: Instruction }[] = [];
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword === 'COPY') {
          const flag = (instruction as Copy).getFromFlag();
          const value = flag?.getValue();
          if (flag && value) refs.push({ value, range: fromLsp(flag.getValueRange() ?? flag.getRange()), instruction });
        } else if (keyword === 'RUN') {
          for (const flag of (instruction as Run).getFlags()) {
            if (flag.getName() !== 'mount') continue;
            const option = flag.getOption('from');
            const value = option?.getValue();
            if (option && value) refs.push({ value, range: fromLsp(option.getValueRange() ?? option.getRange()), instruction });
          }
        }
      }
      for (const ref of refs) {
        ctx.applies();
        const { value, unresolved } = expandAt(file, stage, ref.instruction, ref.value);
        if (unresolved || !value) continue;
        const lower = value.toLowerCase();
        const self = `\`--from=${ref.value}\` refers to its own stage: BuildKit fails with "circular dependency"; copy from an earlier stage, or copy the path from the build context`;
        if ([...value].every((c) => c >= '0' && c <= '9')) {
          const index = Number(value);
          if (index === stage.index) ctx.report({ range: ref.range, message: self });
          else if (index >= stages.length) {
            ctx.report({
              range: ref.range,
              message: `\`--from=${ref.value}\`: this Dockerfile has ${stages.length} stage${stages.length === 1 ? '' : 's'} (numbered from 0), so the build fails; name the stage (\`FROM … AS build\`) and use \`--from=build\``,
            });
          }
          continue;
        }
        // The last stage with a name wins (BuildKit resolves --from once all stages are known).
        const target = [...stages].reverse().find((s) => s.name?.toLowerCase() === lower);
        if (target === stage) {
          ctx.report({ range: ref.range, message: self });
          continue;
        }
        if (target || ['/', ':', '@', '.'].some((c) => value.includes(c))) continue;
        contexts ??= namedContexts(composeServicesBuilding(ctx.project, file.path));
        if (contexts.has(lower)) continue;
        const names = stages.flatMap((s) => (s.name ? [s.name] : []));
        const closest = names.map((n) => ({ n, d: distance(lower, n.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
        const hint = closest && closest.d <= Math.max(2, Math.floor(closest.n.length / 3)) ? ` (did you mean \`${closest.n}\`?)` : '';
        ctx.report({
          range: ref.range,
          message: `\`--from=${ref.value}\` names no stage of this Dockerfile${hint}: Docker pulls the image \`${value}:latest\` from Docker Hub instead, and fails if there is none; fix the stage name, or for an image write it with a tag (\`${value}:<version>\`)`,
        });
      }
    }
  },
});
