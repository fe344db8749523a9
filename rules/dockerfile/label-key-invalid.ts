import type { Label } from 'dockerfile-ast';
import { defineRule } from '../../src/engine/rule.js';
import { fromLsp } from '../../src/parse/positions.js';
import { instructionsNamed } from './lib/instructions.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why `key` breaks Docker's label-key conventions, or null. */
function problem(key: string): string | null {
  const reserved = RESERVED.find((p) => key.toLowerCase().startsWith(p));
  if (reserved) return `the \`${reserved}*\` namespace is reserved for Docker's own use`;
  if (/[A-Z]/.test(key) && /^[A-Za-z0-9.-]+$/.test(key)) return 'keys are lower case by convention (tools look labels up by exact name)';
  const bad = [...new Set([...key].filter((c) => !/[A-Za-z0-9.-]/.test(c)))];
  const upper = /[A-Z]/.test(key) ? ' and upper-case letters' : '';
  if (bad.length) return `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `\`${c}\``)).join(', ')}${upper}: keys use lower-case letters, digits, \`.\` and \`-\` only`;
  if (!/^[a-z]/.test(key)) return 'keys start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'keys end with a letter or a digit';
  if (key.includes('..') || key.includes('--')) return 'keys have no consecutive `.` or `-`';
  return null;
}

export default defineRule({
  meta: {
    id: 'label-key-invalid',
    title: 'LABEL key outside Docker\'s naming conventions',
    priority: 'low',
    category: 'maintainability',
    rationale:
      'Docker asks for label keys in lower-case reverse-DNS form (`org.opencontainers.image.source`) and reserves `com.docker.*`, `io.docker.*` and `org.dockerproject.*`; tools that read labels match keys exactly, so `Maintainer` or `build_date` are missed.',
    fixable: false,
    equivalents: { hadolint: ['DL3048'] },
    appliesTo: 'dockerfile',
    strength: 'LABEL keys follow Docker\'s naming conventions',
  },
  check(ctx) {
    for (const item of instructionsNamed(ctx.file, 'LABEL')) {
      for (const property of (item.instruction as Label).getProperties()) {
        ctx.applies();
        const key = property.getName();
        if (!key || key.includes('$')) continue;
        const why = problem(key);
        if (!why) continue;
        const cleaned = key.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/([.-])[.-]+/g, '$1').replace(/^[^a-z]+|[^a-z0-9]+$/g, '');
        const suggestion = RESERVED.some((p) => key.toLowerCase().startsWith(p)) || !cleaned ? 'a key in your own namespace (`com.example.…`)' : `\`${cleaned}\``;
        ctx.report({
          range: fromLsp(property.getNameRange()),
          message: `Label key \`${key}\`: ${why}; use ${suggestion} (or an \`org.opencontainers.image.*\` key where one fits)`,
          key: `label:${key}`,
        });
      }
    }
  },
});
