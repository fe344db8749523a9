// Inline review comments as data: where a finding may be placed in the diff, its body (with a suggestion and a hidden
// fingerprint), validation against the patch, and the plan that turns the existing comments into the wanted ones.
import { PRIORITIES, type Finding } from '../engine/types.js';
import { codeBlock, codeSpan, longestBacktickRun, renderMessage } from '../report/escape.js';
import { BUCKETS } from '../report/markdown.js';
import { hunkOf, type DiffFile, type DiffSet } from './pr-files.js';

/** GitHub's limit on a comment or review body. */
export const MAX_BODY = 65_536;

const MARKER_RE = /<!-- docker-review:fp=([0-9a-zA-Z_-]{1,128})( resolved)? -->/;

export function marker(fingerprint: string, resolved = false): string {
  return `<!-- docker-review:fp=${fingerprint}${resolved ? ' resolved' : ''} -->`;
}

/**
 * The hidden fingerprint of one of our comments. The LAST marker counts: ours always ends the body, and text quoted
 * from a reviewed file (a code span, a suggestion) could hold a look-alike earlier on.
 */
export function parseMarker(body: string | null | undefined): { fingerprint: string; resolved: boolean } | null {
  if (!body) return null;
  let m: RegExpExecArray | null = null;
  for (const match of body.matchAll(new RegExp(MARKER_RE.source, 'g'))) m = match as RegExpExecArray;
  return m ? { fingerprint: m[1], resolved: Boolean(m[2]) } : null;
}

export interface Placement {
  path: string;
  /** Last line of the commented range (RIGHT side). */
  line: number;
  /** First line, only when it is before `line` (GitHub refuses start_line == line). */
  startLine: number | null;
  /** The comment covers exactly the fix's lines: a suggestion can replace them. */
  suggestion: boolean;
}

/**
 * Where a finding can be commented: lines of one hunk on the new side. A fixable finding goes on its fix's lines when
 * they all lie in one hunk (so the suggestion replaces exactly them); otherwise on its own range, or the first of its
 * lines the diff shows. Null when none of its lines is in the diff.
 */
export function placeFinding(f: Finding, file: DiffFile | undefined): Placement | null {
  if (!file || !file.hasPatch || file.status === 'removed') return null;
  if (f.fix && f.fix.endLine >= f.fix.line) {
    const hunk = hunkOf(file, f.fix.line);
    if (hunk && f.fix.endLine <= hunk.end) return range(file.path, f.fix.line, f.fix.endLine, true);
  }
  const end = Math.max(f.line, f.endLine);
  const hunk = hunkOf(file, f.line);
  if (hunk && end <= hunk.end) return range(file.path, f.line, end, false);
  const lines = Array.from({ length: end - f.line + 1 }, (_, i) => f.line + i).filter((l) => hunkOf(file, l));
  const line = lines.find((l) => file.added.has(l)) ?? lines[0];
  return line === undefined ? null : range(file.path, line, line, false);
}

function range(path: string, start: number, end: number, suggestion: boolean): Placement {
  return { path, line: end, startLine: start < end ? start : null, suggestion };
}

/** A ```suggestion block; the fence is longer than any backtick run in the code. An empty block deletes the lines. */
export function suggestionBlock(replacement: string): string {
  const longest = longestBacktickRun(replacement);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return replacement === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${replacement}\n${fence}`;
}

const LABEL: Record<Finding['priority'], string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** The comment text: priority, title, message, how to fix (a suggestion when placeable), related places, marker. */
export function commentBody(f: Finding, placement: Placement): string {
  const build = (withFix: boolean, messageLimit: number): string => {
    const parts = [`${BUCKETS[f.priority].icon} **${LABEL[f.priority]}: ${renderMessage(f.title)}** · ${codeSpan(f.ruleId)}`, '', cut(renderMessage(f.message), messageLimit)];
    if (f.hint) parts.push('', `**Fix:** ${cut(renderMessage(f.hint), messageLimit)}`);
    if (f.fix && withFix) {
      if (placement.suggestion) parts.push('', suggestionBlock(f.fix.replacement));
      else {
        const span = f.fix.endLine > f.fix.line ? `lines ${f.fix.line}–${f.fix.endLine}` : `line ${f.fix.line}`;
        parts.push('', f.fix.replacement === '' ? `**Fix:** delete ${span}.` : `**Fix:** replace ${span} with:\n\n${codeBlock(f.fix.replacement)}`);
      }
    } else if (f.fix) {
      parts.push('', '_The mechanical fix is too long to show here; it is in the check run and the job summary._');
    }
    for (const r of f.related.slice(0, 20)) parts.push('', `↳ ${codeSpan(`${r.path}:${r.line}`)} ${cut(renderMessage(r.message), 2000)}`);
    parts.push('', marker(f.fingerprint));
    return parts.join('\n');
  };
  let body = build(true, Infinity);
  if (body.length > MAX_BODY) body = build(false, Infinity);
  if (body.length > MAX_BODY) body = build(false, 20_000);
  return body;
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit).replace(/\\+$/, '')}…`;
}

/** A comment of the review request (`POST /pulls/{n}/reviews`, `comments[]`). */
export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export function toReviewComment(p: Placement, body: string): ReviewComment {
  return p.startLine !== null
    ? { path: p.path, start_line: p.startLine, start_side: 'RIGHT', line: p.line, side: 'RIGHT', body }
    : { path: p.path, line: p.line, side: 'RIGHT', body };
}

/** Why GitHub would refuse this comment (422 for the whole review), or null when it lies inside the diff. */
export function validateComment(c: ReviewComment, diff: DiffSet): string | null {
  const file = diff.get(c.path);
  if (!file) return `${c.path} is not part of the diff`;
  if (!file.hasPatch) return `${c.path} has no patch (binary or too large)`;
  if (file.status === 'removed') return `${c.path} was removed`;
  if (c.side !== 'RIGHT') return 'only new-side (RIGHT) comments are made';
  if (!Number.isInteger(c.line) || c.line < 1) return `line ${c.line} is not a line number`;
  const hunk = hunkOf(file, c.line);
  if (!hunk) return `${c.path}:${c.line} is outside the diff's hunks`;
  if (c.start_line !== undefined) {
    if (!Number.isInteger(c.start_line) || c.start_line >= c.line) return `start_line ${c.start_line} must be before line ${c.line}`;
    if (c.start_line < hunk.start) return `${c.path}:${c.start_line}-${c.line} spans more than one hunk`;
    if (c.start_side !== 'RIGHT') return 'start_side must be RIGHT';
  }
  if (!c.body || c.body.length > MAX_BODY) return `the body is empty or longer than ${MAX_BODY} characters`;
  return null;
}

/** A review comment as `GET /pulls/{n}/comments` lists it (the fields used here). */
export interface ExistingComment {
  id: number;
  path: string;
  /** null when the comment is outdated (its line is no longer in the diff). */
  line?: number | null;
  start_line?: number | null;
  side?: string | null;
  body: string;
  user?: { login: string; type?: string } | null;
  in_reply_to_id?: number;
}

export interface WantedComment {
  finding: Finding;
  placement: Placement;
  comment: ReviewComment;
}

export type NotPlacedReason = 'not-new' | 'outside-diff' | 'cap';

export interface CommentPlan {
  create: WantedComment[];
  update: { id: number; body: string; finding: Finding }[];
  /** Our comments whose finding is gone and that nobody answered: deleted. */
  remove: { id: number; fingerprint: string }[];
  /** Our comments whose finding is gone but that have replies: the body is edited to say so. */
  resolve: { id: number; body: string; fingerprint: string }[];
  unchanged: number;
  /** In scope but not commented inline: already there before the change, no line of it in the diff, or over the cap. */
  notPlaced: { finding: Finding; reason: NotPlacedReason }[];
}

export interface PlanInput {
  /** The change's findings, most important first. */
  findings: Finding[];
  diff: DiffSet;
  existing: ExistingComment[];
  maxComments: number;
  /** The head commit, for "resolved in …". */
  headSha: string;
  /** Login of the account this run comments as, when known: only its comments are ever edited or deleted. */
  author?: string | null;
  /** Which findings deserve an inline comment (e.g. only those the change introduces); default all. */
  eligible?: (f: Finding) => boolean;
}

export function planComments(input: PlanInput): CommentPlan {
  const { diff, existing, headSha } = input;
  const repliedTo = new Set(existing.map((c) => c.in_reply_to_id).filter((id): id is number => typeof id === 'number'));
  const author = input.author ?? inferAuthor(existing);
  const ours = existing.filter((c) => !c.in_reply_to_id && parseMarker(c.body) && (author === ANY_AUTHOR || c.user?.login === author));
  const byFingerprint = new Map<string, ExistingComment[]>();
  for (const c of ours) {
    const fp = parseMarker(c.body)!.fingerprint;
    byFingerprint.set(fp, [...(byFingerprint.get(fp) ?? []), c]);
  }

  const plan: CommentPlan = { create: [], update: [], remove: [], resolve: [], unchanged: 0, notPlaced: [] };
  const wanted: (WantedComment & { current: ExistingComment | undefined })[] = [];
  for (const finding of input.findings) {
    if (input.eligible && !input.eligible(finding)) {
      plan.notPlaced.push({ finding, reason: 'not-new' });
      continue;
    }
    const placement = placeFinding(finding, diff.get(finding.path));
    const comment = placement && toReviewComment(placement, commentBody(finding, placement));
    if (!placement || !comment || validateComment(comment, diff)) {
      plan.notPlaced.push({ finding, reason: 'outside-diff' });
      continue;
    }
    // Two runs at once (two quick pushes) may both have posted it: keep the thread someone answered, else the oldest;
    // the other copies are deleted below, so the next run converges on one comment per finding.
    const candidates = (byFingerprint.get(finding.fingerprint) ?? []).filter((c) => samePlace(c, comment)).sort((a, b) => a.id - b.id);
    const current = candidates.find((c) => repliedTo.has(c.id)) ?? candidates[0];
    wanted.push({ finding, placement, comment, current });
  }
  // Most important first; among equals, comments already in place first, so a re-run keeps what it posted.
  const rank = (w: (typeof wanted)[number]) => PRIORITIES.indexOf(w.finding.priority) * 2 + (w.current ? 0 : 1);
  const ordered = wanted.map((w, i) => ({ w, i })).sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i).map(({ w }) => w);
  const kept = new Set<number>();
  const keptFingerprints = new Set<string>();
  for (const [i, w] of ordered.entries()) {
    if (i >= input.maxComments) {
      plan.notPlaced.push({ finding: w.finding, reason: 'cap' });
      continue;
    }
    if (!w.current) {
      plan.create.push({ finding: w.finding, placement: w.placement, comment: w.comment });
      continue;
    }
    kept.add(w.current.id);
    keptFingerprints.add(w.finding.fingerprint);
    if (normalize(w.current.body) === normalize(w.comment.body)) plan.unchanged++;
    else plan.update.push({ id: w.current.id, body: w.comment.body, finding: w.finding });
  }
  for (const c of ours) {
    if (kept.has(c.id)) continue;
    const { fingerprint, resolved } = parseMarker(c.body)!;
    if (repliedTo.has(c.id)) {
      const status = keptFingerprints.has(fingerprint) ? 'duplicate' : input.findings.some((f) => f.fingerprint === fingerprint) ? 'moved' : 'resolved';
      if (!resolved) plan.resolve.push({ id: c.id, fingerprint, body: resolvedBody(c.body, fingerprint, headSha, status) });
    } else {
      plan.remove.push({ id: c.id, fingerprint });
    }
  }
  return plan;
}

/** Same file, same lines, new side: the existing comment shows exactly what the wanted one would. */
function samePlace(c: ExistingComment, wanted: ReviewComment): boolean {
  return c.path === wanted.path && c.line === wanted.line && (c.start_line ?? null) === (wanted.start_line ?? null) && (c.side ?? 'RIGHT') === 'RIGHT';
}

function normalize(body: string): string {
  return body.replace(/\r\n/g, '\n').trim();
}

/** inferAuthor's answer when the marked comments carry no author at all. */
export const ANY_AUTHOR = Symbol('any author');

/**
 * Whose marked comments are ours when the author is not known yet: the only author of marked comments; when people
 * pasted our marker too, the bot among them; when that is still ambiguous, nobody (null) — never touch others' comments.
 */
export function inferAuthor(existing: ExistingComment[]): string | null | typeof ANY_AUTHOR {
  const marked = existing.filter((c) => !c.in_reply_to_id && parseMarker(c.body) && c.user?.login);
  const logins = [...new Set(marked.map((c) => c.user!.login))];
  if (logins.length === 0) return ANY_AUTHOR;
  if (logins.length === 1) return logins[0];
  if (logins.includes('github-actions[bot]')) return 'github-actions[bot]';
  const bots = [...new Set(marked.filter((c) => c.user!.type === 'Bot').map((c) => c.user!.login))];
  return bots.length === 1 ? bots[0] : null;
}

/**
 * The body of a comment whose finding is gone, moved, or commented twice (two runs at once), but that has replies:
 * kept, marked, short. `true`/`false` stand for moved/resolved.
 */
export function resolvedBody(oldBody: string, fingerprint: string, headSha: string, how: boolean | 'moved' | 'resolved' | 'duplicate'): string {
  const title = oldBody.split('\n').find((l) => l.trim() && !MARKER_RE.test(l)) ?? '';
  const kind = how === true ? 'moved' : how === false ? 'resolved' : how;
  const sha = headSha.slice(0, 7);
  const status =
    kind === 'moved'
      ? `⤵️ **Moved** in ${sha}: this finding is now reported on another line.`
      : kind === 'duplicate'
        ? `🔁 **Duplicate** (as of ${sha}): this finding is commented in another thread on the same line; two reviews ran at once.`
        : `✅ **Resolved** in ${sha}: this finding is no longer reported.`;
  return `${status}\n\n~~${title.replace(/~/g, '\\~').slice(0, 2000)}~~\n\n${marker(fingerprint, true)}`;
}
