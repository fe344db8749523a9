// Fitting Markdown into GitHub's size limits without breaking it: cut at a line, close what the cut left open.

/**
 * `text` when it fits in `limit` characters; otherwise its first lines, any open code fence and <details> closed, and
 * `pointer` (where the rest is) at the end.
 */
export function truncateMarkdown(text: string, limit: number, pointer: string): string {
  if (text.length <= limit) return text;
  const tail = `\n\n---\n\n${pointer}\n`;
  // Room for the closing fence and tags added below.
  const budget = Math.max(0, limit - tail.length - 200);
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
  return out.length <= limit ? out : out.slice(0, limit);
}
