// One pull-request review per run: new inline comments in a single `POST /reviews`, then our own earlier comments
// brought up to date (edited, deleted, or marked resolved when someone replied). Re-runs converge: same commit, same
// findings → no request but the listing.
import type { Finding } from '../engine/types.js';
import { codeSpan, renderMessage } from '../report/escape.js';
import { BUCKETS } from '../report/markdown.js';
import { describeError, isWriteRefused, statusOf, type GitHub } from './client.js';
import { MAX_BODY, planComments, type CommentPlan, type ExistingComment } from './comments.js';
import type { Logger } from './log.js';
import type { DiffSet } from './pr-files.js';
import { truncateMarkdown } from './truncate.js';

export const REVIEW_MARKER = '<!-- docker-review:review -->';

export interface ReviewInput {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  diff: DiffSet;
  /** The change's findings, most important first. */
  findings: Finding[];
  maxComments: number;
  /** First paragraph of the review body (score, verdict, where the full review is). */
  intro: string;
  /** Where the full list is, for truncated bodies. */
  pointer: string;
  /** Which findings get an inline comment (default all). */
  eligible?: (f: Finding) => boolean;
  log: Logger;
}

export interface ReviewOutcome {
  plan: CommentPlan;
  reviewId: number | null;
  posted: number;
  updated: number;
  removed: number;
  resolved: number;
  unchanged: number;
  /** GitHub's 422 message when it refused the comments and the review went out as a list. */
  rejected: string | null;
  /** Findings of the change without an inline comment (outside the diff, beyond the cap, or refused). */
  notPlaced: Finding[];
  /** Why some updates of earlier comments were not made, if any. */
  cleanupProblem: string | null;
}

export async function listReviewComments(gh: GitHub, params: { owner: string; repo: string; number: number }): Promise<ExistingComment[]> {
  const comments = await gh.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number,
    per_page: 100,
  });
  return comments.map((c) => ({
    id: c.id,
    path: c.path,
    line: c.line ?? null,
    start_line: c.start_line ?? null,
    side: c.side ?? null,
    body: c.body,
    user: c.user ? { login: c.user.login, type: c.user.type } : null,
    ...(typeof c.in_reply_to_id === 'number' ? { in_reply_to_id: c.in_reply_to_id } : {}),
  }));
}

export async function publishReview(gh: GitHub, input: ReviewInput): Promise<ReviewOutcome> {
  const { owner, repo, number, log } = input;
  const existing = await listReviewComments(gh, { owner, repo, number });
  const plan = planComments({ findings: input.findings, diff: input.diff, existing, maxComments: input.maxComments, headSha: input.headSha, eligible: input.eligible });
  const outcome: ReviewOutcome = {
    plan,
    reviewId: null,
    posted: 0,
    updated: 0,
    removed: 0,
    resolved: 0,
    unchanged: plan.unchanged,
    rejected: null,
    notPlaced: plan.notPlaced.map((n) => n.finding),
    cleanupProblem: null,
  };

  let author: string | null = null;
  if (plan.create.length) {
    // Findings that were there before the change are in the check run; the review lists only this change's.
    const unplacedNew = plan.notPlaced.filter((n) => n.reason !== 'not-new').map((n) => n.finding);
    const body = reviewBody(input.intro, unplacedNew, input.pointer, null);
    try {
      const { data } = await gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner,
        repo,
        pull_number: number,
        commit_id: input.headSha,
        event: 'COMMENT',
        body,
        comments: plan.create.map((w) => w.comment),
      });
      outcome.reviewId = Number(data.id);
      outcome.posted = plan.create.length;
      author = data.user?.login ?? null;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      // GitHub does not say which comment it refused: send the review again without any, listing every finding.
      outcome.rejected = describeError(error);
      log.warning(`GitHub refused the inline comments (${outcome.rejected}); posting the review with the findings listed instead`);
      outcome.notPlaced = [...plan.create.map((w) => w.finding), ...outcome.notPlaced];
      const { data } = await gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner,
        repo,
        pull_number: number,
        commit_id: input.headSha,
        event: 'COMMENT',
        body: reviewBody(input.intro, [...plan.create.map((w) => w.finding), ...unplacedNew], input.pointer, outcome.rejected),
      });
      outcome.reviewId = Number(data.id);
      author = data.user?.login ?? null;
    }
  }

  // Only the account that just posted may edit or delete (when we know it); otherwise the plan's own inference holds.
  const byId = new Map(existing.map((c) => [c.id, c]));
  const mine = (id: number) => !author || byId.get(id)?.user?.login === undefined || byId.get(id)?.user?.login === author;
  const writes: { kind: 'updated' | 'resolved' | 'removed'; run: () => Promise<unknown> }[] = [
    ...plan.update.filter((u) => mine(u.id)).map((u) => ({ kind: 'updated' as const, run: () => editComment(gh, owner, repo, u.id, u.body) })),
    ...plan.resolve.filter((r) => mine(r.id)).map((r) => ({ kind: 'resolved' as const, run: () => editComment(gh, owner, repo, r.id, r.body) })),
    ...plan.remove
      .filter((r) => mine(r.id))
      .map((r) => ({ kind: 'removed' as const, run: () => gh.request('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { owner, repo, comment_id: r.id }) })),
  ];
  for (const write of writes) {
    try {
      await write.run();
      outcome[write.kind]++;
    } catch (error) {
      // Already gone: nothing to do. Refused: the token cannot write; stop trying.
      if (statusOf(error) === 404) continue;
      outcome.cleanupProblem = describeError(error);
      if (isWriteRefused(error) && outcome.posted === 0 && outcome.reviewId === null && outcome.updated + outcome.resolved + outcome.removed === 0) throw error;
      log.warning(`could not update an earlier docker-review comment (${outcome.cleanupProblem}); the rest are left as they are`);
      if (isWriteRefused(error)) break;
    }
  }
  return outcome;
}

function editComment(gh: GitHub, owner: string, repo: string, id: number, body: string): Promise<unknown> {
  return gh.request('PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', { owner, repo, comment_id: id, body });
}

/** The review's own text: the intro, then the findings that have no inline comment. */
export function reviewBody(intro: string, notPlaced: Finding[], pointer: string, rejected: string | null): string {
  const parts = [intro];
  if (rejected) parts.push('', `GitHub refused the inline comments (${renderMessage(rejected)}), so every finding of this change is listed here:`);
  if (notPlaced.length) {
    const items = notPlaced.map(listItem);
    if (rejected) parts.push('', ...items);
    else parts.push('', `<details><summary>${notPlaced.length} more finding${notPlaced.length === 1 ? '' : 's'} of this change without an inline comment (not on a line of the diff, or over the comment limit)</summary>`, '', ...items, '', '</details>');
  }
  parts.push('', REVIEW_MARKER);
  return truncateMarkdown(parts.join('\n'), MAX_BODY, pointer);
}

export function listItem(f: Finding): string {
  const where = f.endLine > f.line ? `${f.path}:${f.line}-${f.endLine}` : `${f.path}:${f.line}`;
  return `- ${BUCKETS[f.priority].icon} **${renderMessage(f.title)}** — ${codeSpan(where)} · ${codeSpan(f.ruleId)}: ${renderMessage(f.message)}`;
}
