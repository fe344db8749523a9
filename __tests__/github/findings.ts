// Findings for publisher tests: only what GitHub-side code reads.
import type { Finding } from '../../src/engine/types.js';

export function finding(over: Partial<Finding> & { path: string; line: number }): Finding {
  return {
    ruleId: 'user-root',
    title: 'Runs as root',
    priority: 'high',
    category: 'security',
    endLine: over.line,
    column: 1,
    endColumn: 10,
    message: 'The final stage runs as `root`.',
    hint: null,
    equivalents: {},
    fingerprint: `fp-${over.path.replace(/\W/g, '_')}-${over.line}-${over.ruleId ?? 'user-root'}`,
    fix: null,
    related: [],
    scope: 'line',
    ...over,
  };
}
