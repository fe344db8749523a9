// Everything quoted from a reviewed file into Markdown passes through here: no HTML, links, images, mentions or
// issue references can be injected, and code spans cannot be broken out of.

/** Escapes plain text for GitHub Markdown (outside code). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r?\n/g, ' ')
      // Inline syntax: emphasis, code, links/images ([ ] and ! before it), tables, strikethrough, HTML and entities.
      .replace(/[\\`*_[\]|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      // Block syntax only matters at the start: headings, lists, quotes.
      .replace(/^([#+\-=>]|\d+[.)])/, (m) => `\\${m}`)
      // A zero-width joiner after @ stops mentions; after # stops issue references being linked.
      .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200d')
      .replace(/#(?=\d)/g, '#\u200d')
      .replace(/!(?=\\\[)/g, '\\!')
  );
}

/** A code span that holds any text: the fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that holds any text. */
export function codeBlock(text: string, info = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
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
  return parts.join('');
}

/** Plain text for logs and terminals: control characters removed. */
export function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '');
}
