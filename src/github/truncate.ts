// Fitting Markdown into GitHub's size limits without breaking it: cut at a line, close what the cut left open.

/** How a limit is counted: UTF-16 characters (GitHub's API fields) or UTF-8 bytes (the job summary file). */
export type Measure = 'chars' | 'bytes';

const sizeOf = (text: string, measure: Measure) => (measure === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length);

/** The longest prefix of `text` (in characters) whose size is at most `limit`. */
function fittingPrefix(text: string, limit: number, measure: Measure): number {
  if (measure === 'chars') return Math.min(text.length, limit);
  let lo = 0;
  let hi = Math.min(text.length, limit);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(text.slice(0, mid), 'utf8') <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * `text` when it fits in `limit` (characters, or bytes with `measure: 'bytes'`); otherwise its first lines, any open
 * code fence and <details> closed, and `pointer` (where the rest is) at the end.
 */
export function truncateMarkdown(text: string, limit: number, pointer: string, measure: Measure = 'chars'): string {
  if (sizeOf(text, measure) <= limit) return text;
  const tail = `\n\n---\n\n${pointer}\n`;
  // Room for the closing fence and tags added below.
  const budget = fittingPrefix(text, Math.max(0, limit - sizeOf(tail, measure) - 200), measure);
  let cut = text.lastIndexOf('\n', budget);
  if (cut < 0) cut = 0;
  const kept = text.slice(0, cut).split('\n');
  let fence: string | null = null;
  let openDetails = 0;
  for (const line of kept) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (fence === null) fence = m[1];
      else if (m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (fence !== null) continue;
    openDetails += (line.match(/<details>/g) ?? []).length + (line.match(/<details /g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  const closing = [...(fence !== null ? [fence] : []), ...Array.from({ length: Math.max(0, openDetails) }, () => '</details>')];
  const out = [...kept, ...closing].join('\n') + tail;
  return sizeOf(out, measure) <= limit ? out : out.slice(0, fittingPrefix(out, limit, measure));
}
