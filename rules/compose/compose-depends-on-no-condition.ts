import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule } from '../../src/engine/rule.js';
import type { Fix } from '../../src/engine/types.js';
import { keyRange, locate, type ComposeFile } from '../../src/parse/compose.js';
import type { Project } from '../../src/model/project.js';
import { dependenciesOf, healthOf, isOneShot, servicePath, servicesOf, type Dependency, type ServiceView } from './lib.js';

type Readiness = 'healthy' | 'no-healthcheck' | 'job' | 'unknown';

function readinessOf(service: ServiceView, project: Project, name: string): Readiness {
  const found = service.view.service(name);
  if (!found) return 'unknown';
  if (isOneShot(found)) return 'job';
  return healthOf(found, project).state === 'set' ? 'healthy' : 'no-healthcheck';
}

/**
 * Rewrites a list `depends_on` (block or flow, names only, no comments, written in the service itself) as a map with
 * `condition: service_healthy`. Only called when every target has a healthcheck.
 */
function toMapFix(file: ComposeFile, service: ServiceView, deps: Dependency[]): Fix | undefined {
  // Only a list this file wrote whole: entries merged from another file or an anchor are left alone.
  if (deps.some((d) => d.in !== file.path)) return undefined;
  const p = servicePath(service, 'depends_on');
  const { found, located } = locate(file, p);
  const seq = located.node;
  const key = keyRange(file, p);
  if (!found || !key || !isSeq(seq) || seq.anchor || seq.tag || seq.comment || seq.commentBefore) return undefined;
  // Only a list written in the service itself: rewriting an anchor's list would change every service that merges it.
  const own = locate(file, servicePath(service)).located.node;
  if (!isMap(own) || !own.items.includes(located.pair as never)) return undefined;
  const items = seq.items;
  if (!items.length || items.length !== deps.length) return undefined;
  if (!items.every((item) => isScalar(item) && !item.anchor && !item.tag && !item.comment && !item.commentBefore)) return undefined;
  const keyLine = file.lines[key.line - 1];
  const indent = /^(\s*)/.exec(keyLine)![1];
  const unit = ' '.repeat(Math.max(0, indent.length - (service.keyRange.column - 1)));
  if (!unit || /\t/.test(indent)) return undefined;
  const names = deps.map((d) => file.lines[d.range.line - 1].slice(d.range.column - 1, d.range.endColumn - 1));
  let endLine: number;
  if (seq.flow) {
    if (!/^\s*depends_on:\s*\[[^\]#]*\]\s*$/.test(keyLine) || deps.some((d) => d.range.line !== key.line)) return undefined;
    endLine = key.line;
  } else {
    if (!/^\s*depends_on:\s*$/.test(keyLine)) return undefined;
    const ok = deps.every((d, i) => d.range.line === key.line + 1 + i && /^\s*-\s+\S+\s*$/.test(file.lines[d.range.line - 1]));
    if (!ok) return undefined;
    endLine = key.line + deps.length;
  }
  const lines = [`${indent}depends_on:`];
  for (const name of names) lines.push(`${indent}${unit}${name}:`, `${indent}${unit}${unit}condition: service_healthy`);
  return { line: key.line, endLine, replacement: lines.join('\n') };
}

export default defineRule({
  meta: {
    id: 'compose-depends-on-no-condition',
    title: '`depends_on` waits for start, not readiness',
    priority: 'medium',
    category: 'reliability',
    rationale:
      'Without `condition: service_healthy`, Compose starts a service as soon as its dependency\'s container has started, usually before the database or API inside it accepts connections: the first requests fail or the service crashes at boot.',
    fixable: true,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Services wait for their dependencies to be healthy',
  },
  check(ctx) {
    const { file, project } = ctx;
    for (const service of servicesOf(ctx)) {
      const deps = dependenciesOf(service);
      if (!deps.length) continue;
      ctx.applies();
      const readiness = new Map(deps.map((d) => [d.target, readinessOf(service, project, d.target)]));
      const list = deps.every((d) => d.syntax === 'list');
      const fix = list && deps.every((d) => readiness.get(d.target) === 'healthy') ? toMapFix(file, service, deps) : undefined;
      for (const dep of deps) {
        if (dep.condition !== null && dep.condition !== 'service_started') continue;
        const state = readiness.get(dep.target)!;
        const waits = `service \`${service.name}\` waits only for \`${dep.target}\` to start, not to be ready`;
        const message =
          state === 'healthy'
            ? `${waits}: \`${dep.target}\` has a healthcheck, use \`condition: service_healthy\``
            : state === 'job'
              ? `${waits}: \`${dep.target}\` is a one-shot job, use \`condition: service_completed_successfully\``
              : state === 'no-healthcheck'
                ? `${waits}: add a healthcheck to \`${dep.target}\` and use \`condition: service_healthy\``
                : `${waits}: use \`condition: service_healthy\` (with a healthcheck on \`${dep.target}\`)`;
        ctx.report({
          range: dep.range,
          in: dep.in,
          message,
          hint: `write it in map syntax: \`depends_on: { ${dep.target}: { condition: ${state === 'job' ? 'service_completed_successfully' : 'service_healthy'} } }\``,
          fix,
          key: `service:${service.name}:depends_on:${dep.target}`,
        });
      }
    }
  },
});
