import { defineRule } from '../../src/engine/rule.js';
import type { Related } from '../../src/engine/types.js';
import type { Place } from '../../src/model/compose-project.js';
import { targetStage } from '../../src/parse/dockerfile.js';
import { parseShell } from '../../src/parse/shell.js';
import { asMap, buildOf, imageOf, interpolate, isTrue, scalarText, servicesOf, type ServiceView } from '../compose/lib.js';
import { imageToolbox, missingFor, probeOf, stageToolbox, type Probe, type Toolbox } from './lib-images.js';
import type { Project } from '../../src/model/project.js';

/** The healthcheck test of a service as a probe, with the place of the value that holds the command. */
function probeOfService(service: ServiceView): { probe: Probe; place: Place } | null {
  const hc = asMap(service.data.healthcheck);
  if (!hc || isTrue(hc.disable)) return null;
  const test = hc.test;
  const text = (v: unknown) => {
    const s = scalarText(v);
    return s === null ? null : interpolate(s, service).value;
  };
  if (Array.isArray(test)) {
    const kind = text(test[0])?.toUpperCase();
    if (kind === 'CMD-SHELL') {
      const command = text(test[1]);
      if (command === null) return null;
      return { probe: probeOf(parseShell(command), true, false), place: service.at('healthcheck', 'test', 1) };
    }
    if (kind !== 'CMD') return null;
    const argv = test.slice(1).map(text);
    if (!argv.length || argv.some((a) => a === null)) return null;
    // Exec form: argv[0] runs directly; `["CMD", "sh", "-c", "…"]` needs a shell and runs the script.
    const quoted = (argv as string[]).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = parseShell(quoted);
    const first = script.commands[0]?.name ?? '';
    return { probe: probeOf(script, /^(sh|bash|ash|dash)$/.test(first), false), place: service.at('healthcheck', 'test', 1) };
  }
  const command = text(test);
  if (command === null || command.trim() === '' || command.trim().toUpperCase() === 'NONE') return null;
  return { probe: probeOf(parseShell(command), true, false), place: service.at('healthcheck', 'test') };
}

/** The tools of the image the service runs, with a label and the place naming the base; null when not known. */
function toolboxOf(service: ServiceView, project: Project): { box: Toolbox; label: string; related: Related[] } | null {
  const build = buildOf(service, project);
  if (build) {
    if (!build.dockerfile) return null;
    const stage = targetStage(build.dockerfile, build.target);
    if (!stage) return null;
    const box = stageToolbox(build.dockerfile, stage);
    if (!box.facts) return null;
    const where = build.target ? `stage \`${build.target}\` of \`${build.dockerfile.path}\`` : `\`${build.dockerfile.path}\``;
    return {
      box,
      label: `the image built from ${where} (\`${box.image}\`: ${box.facts.label})`,
      related: box.basePlace ? [{ path: box.basePlace.in, line: box.basePlace.range.line, message: `the image's base, \`${box.image}\` (${box.facts.label})` }] : [],
    };
  }
  const image = imageOf(service);
  if (!image) return null;
  const place = service.at('image');
  const box = imageToolbox(image, place);
  if (!box.facts) return null;
  return { box, label: `the \`${image}\` image (${box.facts.label})`, related: [{ path: place.in, line: place.range.line, message: `image \`${image}\` (${box.facts.label})` }] };
}

export default defineRule({
  meta: {
    id: 'compose-healthcheck-tool-missing',
    title: 'Healthcheck calls a tool the image does not have',
    priority: 'high',
    category: 'reliability',
    rationale:
      'A `healthcheck:` that runs curl in a slim or Alpine image without curl (or a `CMD-SHELL` test in a distroless image) fails every time: the service is reported unhealthy forever, and every service that waits for it with `condition: service_healthy` never starts.',
    fixable: false,
    equivalents: {},
    appliesTo: 'compose',
    strength: 'Healthchecks only call tools their image has',
  },
  check(ctx) {
    for (const service of servicesOf(ctx)) {
      if (service.partial) continue;
      const found = probeOfService(service);
      if (!found) continue;
      const image = toolboxOf(service, ctx.project);
      if (!image) continue;
      ctx.applies();
      for (const missing of missingFor(found.probe, image.box, image.label)) {
        ctx.report({
          ...found.place,
          message: `service \`${service.name}\`: ${missing.message}`,
          hint: missing.hint,
          related: image.related.length ? image.related : undefined,
          key: `service:${service.name}:healthcheck:${missing.kind}:${missing.name}`,
        });
      }
    }
  },
});
