// Everything quoted from a reviewed file into Markdown passes through here: no HTML, links, images, mentions or
// issue references can be injected, and code spans cannot be broken out of.

/** Every line break Markdown knows (a lone CR is one too): quoted text stays on the line it was put on. */
const LINE_BREAK = /\r\n|\r|\n/g;

/** Escapes plain text for GitHub Markdown (outside code). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(LINE_BREAK, ' ')
      // Inline syntax: emphasis, code, links/images ([ ] and ! before it), tables, strikethrough, HTML and entities.
      .replace(/[\\`*_[\]|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      // Block syntax only matters at the start: headings, lists, quotes.
      .replace(/^([#+\-=>]|\d+[.)])/, (m) => `\\${m}`)
      // A zero-width joiner after @ stops mentions; after # stops issue references being linked.
      .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200d')
      .replace(/#(?=\d)/g, '#\u200d')
      .replace(/\b(GH)-(?=\d)/gi, '$1\u200d-')
      // Bare URLs are linked by GitHub (`https://host.tld…`, `www.host…`): a zero-width space keeps them text.
      .replace(/\b([a-z][a-z0-9+.-]*):\/\/(?=[^\s/]*\.)/gi, '$1:\u200b//')
      .replace(/\b(www)\./gi, '$1\u200b.')
      .replace(/!(?=\\\[)/g, '\\!')
  );
}

/** Length of the longest run of backticks in `text` (a loop, not `Math.max(...runs)`: a huge file has huge lists). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) if (run[0].length > longest) longest = run[0].length;
  return longest;
}

/** A code span that holds any text: the fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(LINE_BREAK, ' ');
  // `` would be two literal backticks that a later run could pair with: an empty value is a span of one space.
  if (flat === '') return '` `';
  const longest = longestBacktickRun(flat);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span inside a table cell: GitHub splits cells at `|` even inside code, unless it is escaped. */
export function tableCode(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}

/** A fenced code block that holds any text. */
export function codeBlock(text: string, info = ''): string {
  const longest = Math.max(2, longestBacktickRun(text));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * Renders a finding message — text with `code` spans, as rules write them — to safe Markdown: text parts escaped,
 * code parts re-fenced so their content cannot close them early.
 */
export function renderMessage(message: string): string {
  const parts: string[] = [];
  let rest = message;
  for (;;) {
    const open = rest.indexOf('`');
    if (open < 0) break;
    const close = rest.indexOf('`', open + 1);
    if (close < 0) break;
    parts.push(escapeMarkdown(rest.slice(0, open)), codeSpan(rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
  parts.push(escapeMarkdown(rest));
  // Two code spans side by side would merge their fences into one longer backtick run (`` + `x` = ```x`), which
  // closes nothing and leaves the second span's text as raw Markdown: a zero-width space keeps the runs apart.
  let out = '';
  for (const part of parts) out += out.endsWith('`') && part.startsWith('`') ? `\u200b${part}` : part;
  return out;
}

/** Plain text for logs and terminals: control characters removed. */
export function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '');
}
