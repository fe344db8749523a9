// SARIF 2.1.0 as GitHub code scanning accepts it: rules with help, results with locations and partialFingerprints.
import type { Finding, Priority, RuleMeta } from '../engine/types.js';
import type { ReviewResult } from '../review.js';
import { redactResult } from './secrets.js';

export const TOOL_NAME = 'docker-review';
export const TOOL_URI = 'https://github.com/docker-review/docker-review';

const LEVEL: Record<Priority, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub maps security-severity to Critical (≥9), High (≥7), Medium (≥4), Low. */
const SECURITY_SEVERITY: Record<Priority, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

function peersText(meta: RuleMeta): string {
  const peers = Object.entries(meta.equivalents).map(([peer, ids]) => `${peer} ${ids!.join(', ')}`);
  return peers.length ? `Equivalent peer checks: ${peers.join('; ')}.` : '';
}

export function renderSarif(review: ReviewResult, options: { version: string; pathOf?: (p: string) => string }): string {
  const result = redactResult(review);
  const pathOf = options.pathOf ?? ((p: string) => p);
  const rules = result.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            semanticVersion: options.version,
            rules: rules.map((meta) => ({
              id: meta.id,
              name: meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: meta.title },
              fullDescription: { text: meta.rationale },
              help: {
                text: `${meta.rationale} ${peersText(meta)}`.trim(),
                markdown: `**${meta.title}** (${meta.priority}, ${meta.category})\n\n${meta.rationale}\n\n${peersText(meta)}`.trim(),
              },
              defaultConfiguration: { level: LEVEL[meta.priority] },
              properties: {
                tags: [meta.category, ...(meta.category === 'security' ? ['security'] : [])].filter((t, i, a) => a.indexOf(t) === i),
                precision: 'high',
                priority: meta.priority,
                ...(meta.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[meta.priority] } : {}),
              },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: result.findings.map((f) => sarifResult(f, index, pathOf)),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function sarifResult(f: Finding, index: Map<string, number>, pathOf: (p: string) => string) {
  return {
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.priority],
    message: { text: f.hint ? `${f.message} Fix: ${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(pathOf(f.path)), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1) },
        },
      },
    ],
    ...(f.related.length
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: encodeURI(pathOf(r.path)), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line } },
          })),
        }
      : {}),
    partialFingerprints: { 'dockerReview/v1': f.fingerprint },
    properties: { priority: f.priority, category: f.category },
  };
}
