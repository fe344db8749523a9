import { replaceRanges } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Fix } from '../../src/engine/types.js';
import type { ComposeFile } from '../../src/parse/compose.js';
import { asMap, interpolate, isWrittenInPlace, scalarText, servicesOf, type Place, type ServiceView } from './lib.js';

const MAX = 5;

/** Rewrites the scalar at `path` (quotes kept) when it is written in place in the file being checked. */
function rewrite(file: ComposeFile, service: ServiceView, place: Place, text: string, ...p: (string | number)[]): Fix | undefined {
  if (place.in !== file.path || place.range.line !== place.range.endLine || !isWrittenInPlace(service, ...p)) return undefined;
  const token = file.lines[place.range.line - 1].slice(place.range.column - 1, place.range.endColumn - 1);
  const quote = token[0] === '"' || token[0] === "'" ? token[0] : '';
  return replaceRanges(file.lines, [{ range: place.range, text: `${quote}${text}${quote}` }]) ?? undefined;
}

export default defineRule({
  meta: {
    id: 'compose-restart-on-failure-unbounded',
    title: '`on-failure` restart without a retry limit of 5 or less',
    priority: 'low',
    category: 'reliability',
    rationale:
      'A container that fails at every start and is restarted `on-failure` without a limit loops forever: it hides the failure behind "restarting", and many such loops load the host. The CIS Docker Benchmark asks for at most 5 attempts.',
    fixable: true,
    equivalents: { kics: ['Restart Policy On Failure Not Set To 5'] },
    appliesTo: 'compose',
    enabledByDefault: false,
    strength: 'Services restarted on failure give up after a few attempts',
  },
  check(ctx) {
    const { file } = ctx;
    for (const service of servicesOf(ctx)) {
      const restart = scalarText(service.data.restart);
      if (restart !== null) {
        const { value, unresolved } = interpolate(restart, service);
        const m = /^on-failure(?::(\d+))?$/.exec(value.trim());
        if (unresolved || !m) continue;
        ctx.applies();
        const n = m[1] === undefined ? null : Number(m[1]);
        if (n !== null && n <= MAX) continue;
        const place = service.at('restart');
        ctx.report({
          ...place,
          message: n === null
            ? `service \`${service.name}\` restarts \`on-failure\` without a limit: a container that fails at every start is restarted forever`
            : `service \`${service.name}\` restarts \`on-failure\` up to ${n} times: more than ${MAX} attempts mostly hides a container that cannot start`,
          hint: `limit the attempts: \`restart: on-failure:${MAX}\`, and alert on the container's exit instead of retrying longer`,
          fix: rewrite(file, service, place, `on-failure:${MAX}`, 'restart'),
          key: `service:${service.name}:restart`,
        });
        continue;
      }
      const policy = asMap(asMap(service.data.deploy)?.restart_policy);
      const condition = scalarText(policy?.condition);
      if (!policy || condition === null || interpolate(condition, service).value.trim() !== 'on-failure') continue;
      ctx.applies();
      const attemptsText = scalarText(policy.max_attempts);
      const attempts = attemptsText === null ? null : interpolate(attemptsText, service);
      if (attempts?.unresolved) continue;
      const n = attempts === null ? null : Number(attempts.value);
      if (n !== null && Number.isFinite(n) && n > 0 && n <= MAX) continue;
      const place = n === null ? service.at('deploy', 'restart_policy', 'condition') : service.at('deploy', 'restart_policy', 'max_attempts');
      ctx.report({
        ...place,
        message: n === null
          ? `service \`${service.name}\` restarts \`on-failure\` (\`deploy.restart_policy\`) without \`max_attempts\`: a container that fails at every start is restarted forever`
          : `service \`${service.name}\` restarts \`on-failure\` with \`max_attempts: ${attempts!.value}\`: more than ${MAX} attempts (or 0, no limit) mostly hides a container that cannot start`,
        hint: `set \`deploy.restart_policy.max_attempts: ${MAX}\` (or less)`,
        fix: n === null ? undefined : rewrite(file, service, place, String(MAX), 'deploy', 'restart_policy', 'max_attempts'),
        key: `service:${service.name}:restart_policy`,
      });
    }
  },
});
