// The terminal report: one block per file, most important first, then strengths.
import { PRIORITIES } from '../engine/types.js';
import type { ReviewResult } from '../review.js';
import { plain } from './escape.js';
import { countsLine, verdictOf } from './markdown.js';
import { redactResult } from './secrets.js';

const COLORS = { critical: '\x1b[31;1m', high: '\x1b[33;1m', medium: '\x1b[33m', low: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function renderText(review: ReviewResult, options: { color?: boolean; pathOf?: (p: string) => string } = {}): string {
  const result = redactResult(review);
  const c = (name: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[name]}${text}${COLORS.reset}` : text);
  const pathOf = options.pathOf ?? ((p: string) => p);
  const out: string[] = [];
  const byFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f]);
  for (const [path, findings] of byFile) {
    out.push(c('bold', plain(pathOf(path))));
    const sorted = [...findings].sort((a, b) => a.line - b.line || PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority));
    for (const f of sorted) {
      out.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${c(f.priority, f.priority.padEnd(8))} ${plain(f.message)}  ${c('dim', f.ruleId)}`);
      if (f.hint) out.push(`  ${''.padEnd(8)} ${''.padEnd(8)} ${c('dim', `fix: ${plain(f.hint)}`)}`);
    }
    out.push('');
  }
  if (result.strengths.length) {
    out.push(c('bold', 'Strengths'));
    for (const s of result.strengths) out.push(`  ✓ ${plain(s)}`);
    out.push('');
  }
  for (const notice of result.notices) out.push(c('dim', `note: ${plain(notice)}`));
  if (result.notices.length) out.push('');
  const verdict = verdictOf(result);
  out.push(`${c('bold', `Score ${result.score}/100 (${result.grade})`)} — ${countsLine(result.counts)} in ${result.files.length} file${result.files.length === 1 ? '' : 's'} — ${verdict.text}`);
  return out.join('\n') + '\n';
}
