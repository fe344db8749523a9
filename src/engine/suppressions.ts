// Inline suppressions: `# docker-review-disable-next-line <rule>[, <rule>…]` and `# docker-review-disable [<rule>…]`.
import { Lexer } from 'yaml';
import type { ParsedFile } from '../model/project.js';

export interface Suppressions {
  /** True when a finding of `ruleId` spanning lines `line`..`endLine` is suppressed. */
  suppresses(ruleId: string, line: number): boolean;
}

interface Comment {
  line: number;
  text: string;
}

const DIRECTIVE = /^#\s*docker-review-(disable-next-line|disable)\b(.*)$/;

/** Comments of a file, found by its own parser. */
function commentsOf(file: ParsedFile): Comment[] {
  switch (file.kind) {
    case 'dockerfile':
      return file.ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, text: c.toString().trim() }));
    case 'compose':
      return yamlComments(file.text);
    default:
      // .dockerignore, env and nginx files: a comment is a line whose first non-blank character is '#'.
      return file.lines.flatMap((text, i) => (text.trimStart().startsWith('#') ? [{ line: i + 1, text: text.trim() }] : []));
  }
}

/** YAML comments with their lines, from the `yaml` lexer (zero-width control tokens skipped). */
function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  let line = 1;
  let scanned = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('#')) {
      for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) line++;
      comments.push({ line, text: token.trim() });
    }
    offset += token.length;
  }
  return comments;
}

/** Lines a next-line directive covers: the whole next instruction in a Dockerfile, else the next non-comment line. */
function nextLineSpan(file: ParsedFile, commentLine: number): [number, number] | null {
  if (file.kind === 'dockerfile') {
    const next = file.instructions.find((i) => i.getRange().start.line + 1 > commentLine);
    if (next) return [next.getRange().start.line + 1, next.getRange().end.line + 1];
    return null;
  }
  for (let l = commentLine + 1; l <= file.lines.length; l++) {
    const t = file.lines[l - 1].trim();
    if (t && !t.startsWith('#')) return [l, l];
  }
  return null;
}

function ruleList(rest: string): string[] | 'all' {
  // Anything after " -- " is a free-text reason, as in ESLint.
  const ids = rest.split(/\s--\s/)[0].split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : 'all';
}

export function suppressionsOf(file: ParsedFile): Suppressions {
  const fileWide: (string[] | 'all')[] = [];
  const spans: { from: number; to: number; rules: string[] | 'all' }[] = [];
  for (const comment of commentsOf(file)) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = ruleList(match[2]);
    if (match[1] === 'disable') fileWide.push(rules);
    else {
      const span = nextLineSpan(file, comment.line);
      if (span) spans.push({ from: span[0], to: span[1], rules });
    }
  }
  const covers = (rules: string[] | 'all', id: string) => rules === 'all' || rules.includes(id);
  return {
    suppresses: (ruleId, line) =>
      fileWide.some((rules) => covers(rules, ruleId)) || spans.some((s) => line >= s.from && line <= s.to && covers(s.rules, ruleId)),
  };
}
