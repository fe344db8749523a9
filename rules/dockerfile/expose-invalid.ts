import { lineFixes } from '../../src/engine/fix.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Range } from '../../src/engine/types.js';
import { expandAt, stageInstructions, type DockerfileFile } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

export const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** One port spec of an EXPOSE (`80`, `8000-8010/udp`, `0.0.0.0:22`), after variable expansion. */
export interface ExposeSpec {
  /** The spec as Docker reads it. */
  text: string;
  /** The argument it comes from. */
  range: Range;
  /** True when the argument is exactly `text` as written (no quotes, no variables): it can be rewritten in place. */
  literal: boolean;
  /** What comes before the last `:` (a host IP and/or port), or null. */
  host: string | null;
  /** The port or range (`start-end`). */
  ports: string;
  proto: string | null;
  /** The port numbers, or null when `ports` is not a valid port or range. */
  start: number | null;
  end: number | null;
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

function port(text: string): number | null {
  if (!text || [...text].some((c) => c < '0' || c > '9')) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

/** Every port spec of every EXPOSE in the file, with the variables of its stage expanded (unknown ones skipped). */
export function exposeSpecs(file: DockerfileFile): ExposeSpec[] {
  const specs: ExposeSpec[] = [];
  for (const stage of file.stages) {
    for (const expose of stageInstructions(stage, 'EXPOSE')) {
      for (const argument of expose.getArguments()) {
        const raw = argument.getValue();
        const { value, unresolved } = expandAt(file, stage, expose, unquote(raw));
        if (unresolved) continue;
        const parts = value.split(/\s+/).filter(Boolean);
        for (const text of parts) {
          const slash = text.lastIndexOf('/');
          const proto = slash >= 0 ? text.slice(slash + 1) : null;
          const rest = slash >= 0 ? text.slice(0, slash) : text;
          const colon = rest.lastIndexOf(':');
          const host = colon >= 0 ? rest.slice(0, colon) : null;
          const ports = rest.slice(colon + 1);
          const dash = ports.indexOf('-');
          const start = port(dash >= 0 ? ports.slice(0, dash) : ports);
          const end = dash >= 0 ? port(ports.slice(dash + 1)) : start;
          const valid = start !== null && end !== null && start <= end;
          specs.push({
            text, range: fromLsp(argument.getRange()), literal: raw === text, host, ports, proto,
            start: valid ? start : null, end: valid ? end : null,
          });
        }
      }
    }
  }
  return specs;
}

export default defineRule({
  meta: {
    id: 'expose-invalid',
    title: 'Invalid EXPOSE',
    priority: 'medium',
    category: 'correctness',
    rationale:
      'EXPOSE documents the container ports an image listens on; an out-of-range port, an unknown protocol or a host binding there is a mistake Docker ignores or rejects, and misleads whoever publishes the ports.',
    fixable: true,
    equivalents: { hadolint: ['DL3011'], buildkit: ['ExposeInvalidFormat'] },
    appliesTo: 'dockerfile',
  },
  check(ctx) {
    const found: { range: Range; message: string; edit: { range: Range; text: string } | null }[] = [];
    const report = (range: Range, message: string, edit: { range: Range; text: string } | null = null) => found.push({ range, message, edit });
    for (const spec of exposeSpecs(ctx.file)) {
      ctx.applies();
      const container = spec.ports + (spec.proto !== null ? `/${spec.proto}` : '');
      if (spec.host !== null && spec.start !== null) {
        report(
          spec.range,
          `\`EXPOSE ${spec.text}\`: EXPOSE cannot bind a host address or port, it only declares the container port; write \`EXPOSE ${container}\` and publish it with compose \`ports:\` or \`docker run -p\``,
          spec.literal ? { range: spec.range, text: container } : null,
        );
      } else if (spec.start === null) {
        const numeric = spec.ports !== '' && [...spec.ports].every((c) => (c >= '0' && c <= '9') || c === '-');
        report(
          spec.range,
          spec.ports === ''
            ? `\`EXPOSE ${spec.text}\`: no port number; write the container port (e.g. \`EXPOSE 8080\`)`
            : numeric
            ? `\`EXPOSE ${spec.text}\`: ports must be between 1 and 65535 (a range as \`start-end\`, start first)`
            : `\`EXPOSE ${spec.text}\`: \`${spec.ports}\` is not a port number; write the number (e.g. \`EXPOSE 8080\`)`,
        );
      } else if (spec.proto !== null && !PROTOCOLS.includes(spec.proto.toLowerCase())) {
        report(spec.range, `\`EXPOSE ${spec.text}\`: unknown protocol \`${spec.proto}\`; EXPOSE takes \`tcp\` (the default), \`udp\` or \`sctp\``);
      }
    }
    const fixes = lineFixes(ctx.file.lines, found.map((f) => f.edit));
    found.forEach(({ range, message }, i) => ctx.report({ range, message, fix: fixes[i] ?? undefined }));
  },
});
