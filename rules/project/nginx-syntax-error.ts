import { defineRule } from '../../src/engine/rule.js';
import { checkedNginxFile, isConfigPath, isTemplate, nginxConfig, placementsRelated, runtimesOfNginxFile } from './lib-nginx.js';

export default defineRule({
  meta: {
    id: 'nginx-syntax-error',
    title: 'nginx config that nginx cannot parse',
    priority: 'critical',
    category: 'correctness',
    rationale:
      'nginx refuses to start on a syntax error (a missing `;`, an unclosed `{`, a stray `}`): the container exits at once and every request to the stack fails.',
    fixable: false,
    equivalents: {},
    appliesTo: 'nginx',
    strength: 'nginx configs parse',
  },
  check(ctx) {
    const file = checkedNginxFile(ctx);
    if (!isConfigPath(file.path)) return;
    ctx.applies();
    const config = nginxConfig(file);
    // nginx stops at the first error; later ones are often its echo.
    const first = config.problems.find((p) => !p.limit);
    if (!first) return;
    // A template may hold placeholders envsubst replaces by whole blocks: only plain syntax errors away from them count.
    if (isTemplate(file) && /\$\{/.test(file.lines[first.range.line - 1] ?? '')) return;
    const related = placementsRelated(runtimesOfNginxFile(ctx.project, file));
    ctx.report({
      range: first.range,
      message: `${first.message}: \`nginx -t\` rejects this file and the container does not start`,
      hint: 'fix the syntax (every simple directive ends with `;`, every `{` has its `}`), then check it with `nginx -t` in the container (`docker compose run --rm <service> nginx -t`)',
      related: related.length ? related : undefined,
      key: 'nginx:syntax',
    });
  },
});
