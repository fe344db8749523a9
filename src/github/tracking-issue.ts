// The manual audit's optional tracking issue: one open issue, found again by a hidden marker, holding the latest review.
import type { GitHub } from './client.js';
import { truncateMarkdown } from './truncate.js';

export const ISSUE_MARKER = '<!-- docker-review:tracking-issue -->';
const MAX_ISSUE_BODY = 65_536;
/** Open issues scanned for the marker (100 per page). */
const MAX_PAGES = 10;

export interface TrackingIssueInput {
  owner: string;
  repo: string;
  title: string;
  /** Markdown review; cut to fit with `pointer` when too long. */
  body: string;
  pointer: string;
}

export async function findTrackingIssue(gh: GitHub, owner: string, repo: string): Promise<number | null> {
  let pages = 0;
  for await (const page of gh.paginate.iterator('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'open', per_page: 100 })) {
    // The issues list includes pull requests; those have a `pull_request` key.
    const issue = page.data.find((i) => !i.pull_request && i.body?.includes(ISSUE_MARKER));
    if (issue) return issue.number;
    if (++pages >= MAX_PAGES) break;
  }
  return null;
}

export async function upsertTrackingIssue(gh: GitHub, input: TrackingIssueInput): Promise<{ number: number; url: string; created: boolean }> {
  const { owner, repo } = input;
  const body = truncateMarkdown(`${input.body}\n\n${ISSUE_MARKER}\n`, MAX_ISSUE_BODY - ISSUE_MARKER.length - 2, input.pointer);
  const withMarker = body.includes(ISSUE_MARKER) ? body : `${body}\n${ISSUE_MARKER}\n`;
  const existing = await findTrackingIssue(gh, owner, repo);
  if (existing !== null) {
    const { data } = await gh.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: existing, title: input.title, body: withMarker });
    return { number: data.number, url: data.html_url, created: false };
  }
  const { data } = await gh.request('POST /repos/{owner}/{repo}/issues', { owner, repo, title: input.title, body: withMarker });
  return { number: data.number, url: data.html_url, created: true };
}
