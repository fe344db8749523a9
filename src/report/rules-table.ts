// The README's rules table, generated from rule metadata (a test keeps the README in step).
import type { RuleMeta } from '../engine/types.js';

const PEER_NAMES: Record<string, string> = {
  hadolint: 'hadolint', buildkit: 'BuildKit', checkov: 'Checkov', trivy: 'Trivy', kics: 'KICS', dclint: 'dclint', semgrep: 'Semgrep', sonar: 'Sonar',
};

export function rulesTable(metas: (RuleMeta & { docPath?: string })[]): string {
  const rows = metas.map((m) => {
    const peers = Object.entries(m.equivalents).map(([peer, ids]) => `${PEER_NAMES[peer] ?? peer} ${ids!.join(', ')}`).join('<br>') || '—';
    const id = m.docPath ? `[\`${m.id}\`](${m.docPath})` : `\`${m.id}\``;
    return `| ${id} | ${m.appliesTo} | ${m.priority} | ${m.category} | ${m.enabledByDefault === false ? 'off' : 'on'} | ${m.fixable ? 'yes' : ''} | ${peers} |`;
  });
  return ['| rule | file | priority | category | default | fix | peers |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
