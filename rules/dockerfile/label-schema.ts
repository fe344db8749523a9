import type { Label } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { expandAt, rangeOf, stageAncestry } from '../../src/parse/dockerfile.js';
import { fromLsp } from '../../src/parse/positions.js';

const OCI = 'org.opencontainers.image.';
/** Labels the final image must carry. (Becomes configurable once rules take options.) */
export const REQUIRED_LABELS = [`${OCI}title`, `${OCI}source`];

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const SPDX_ID = /^(LicenseRef-[A-Za-z0-9.-]+|DocumentRef-[A-Za-z0-9.-]+:LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/;

/** An SPDX license expression: ids joined by AND / OR / WITH, with parentheses. */
function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectId = true;
  let afterWith = false;
  for (const token of tokens) {
    if (token === '(') {
      if (!expectId) return false;
      depth++;
    } else if (token === ')') {
      if (expectId || --depth < 0) return false;
    } else if (/^(AND|OR|WITH)$/i.test(token)) {
      if (expectId) return false;
      expectId = true;
      afterWith = token.toUpperCase() === 'WITH';
      continue;
    } else {
      if (!expectId || !SPDX_ID.test(token) || /^(and|or|with)$/i.test(token)) return false;
      expectId = false;
    }
    afterWith = false;
  }
  return depth === 0 && !expectId && !afterWith;
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) && (url.host !== '' || url.protocol === 'urn:');
  } catch {
    return false;
  }
}

/** Why the value of a known OCI label is malformed, or null. */
function formatProblem(key: string, value: string): { problem: string; peer: string } | null {
  switch (key) {
    case `${OCI}created`:
      return RFC3339.test(value) ? null : { problem: 'is not an RFC 3339 date-time (e.g. `2024-05-01T12:00:00Z`)', peer: 'DL3053' };
    case `${OCI}source`:
    case `${OCI}url`:
    case `${OCI}documentation`:
      return isUrl(value) ? null : { problem: 'is not a URL (e.g. `https://github.com/org/repo`)', peer: 'DL3052' };
    case `${OCI}licenses`:
      return isSpdxExpression(value) ? null : { problem: 'is not an SPDX license expression (e.g. `MIT`, `Apache-2.0 OR MIT`)', peer: 'DL3054' };
    case `${OCI}revision`:
      return /^([0-9a-f]{7,40}|[0-9a-f]{64})$/.test(value) ? null : { problem: 'is not a git commit hash (7 to 40 lower-case hex digits)', peer: 'DL3055' };
    default:
      return null;
  }
}

export default defineRule({
  meta: {
    id: 'label-schema',
    title: 'Image labels missing or malformed',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Registries, scanners and deployment tools read the OCI image labels to link an image to its source, version and license; a missing or malformed label breaks that link.',
    fixable: false,
    equivalents: { hadolint: ['DL3049', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055'] },
    appliesTo: 'dockerfile',
    enabledByDefault: false,
    strength: 'The image carries well-formed OCI labels',
  },
  check(ctx) {
    const file = ctx.file;
    const final = file.stages[file.stages.length - 1];
    if (!final) return;
    ctx.applies();
    // Formats: every LABEL of every stage (values with variables of unknown value are not judged).
    for (const stage of file.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'LABEL') continue;
        for (const property of (instruction as Label).getProperties()) {
          const key = property.getName().replace(/^(["'])(.*)\1$/, '$2');
          if (!key.startsWith(OCI)) continue;
          const raw = property.getValue() ?? '';
          const { value, unresolved } = expandAt(file, stage, instruction, raw);
          if (unresolved) continue;
          const range = fromLsp(property.getValueRange() ?? property.getNameRange());
          if (!value.trim()) {
            ctx.report({ range: fromLsp(property.getNameRange()), message: `label \`${key}\` is empty`, key: `empty:${key}` });
            continue;
          }
          const bad = formatProblem(key, value.trim());
          if (bad) ctx.report({ range, message: `label \`${key}\` ${bad.problem}`, key: `format:${key}` });
        }
      }
    }
    // Presence: in the final stage or a stage it builds on (labels are inherited through FROM <stage>).
    const present = new Set<string>();
    for (const stage of stageAncestry(final)) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'LABEL') continue;
        for (const property of (instruction as Label).getProperties()) present.add(property.getName().replace(/^(["'])(.*)\1$/, '$2'));
      }
    }
    const missing = REQUIRED_LABELS.filter((l) => !present.has(l));
    if (missing.length) {
      const from = rangeOf(final.from);
      ctx.report({
        range: { line: from.line, column: from.column, endLine: from.line, endColumn: (file.lines[from.line - 1] ?? '').length + 1 },
        message: `the final image has no ${missing.map((l) => `\`${l}\``).join(' or ')} label`,
        hint: `Add \`LABEL ${missing.map((l) => `${l}=…`).join(' ')}\` to the final stage (a build arg such as \`ARG SOURCE_URL\` works for values known only in CI).`,
        key: `missing:${missing.join(',')}`,
        scope: 'file',
      });
    }
  },
});
