// The state of the one repository the fake GitHub serves: commits, branches, one pull request, its review comments
// and reviews, check runs, issues. Behaviour GitHub documents lives here; HTTP lives in server.ts.
import { blobSha, isBinary, toBuffer, treeOf, type FileContent, type Snapshot, type TreeEntry } from './git-objects.js';
import { diffHunk, githubPatch, mapLine, patchLines, positionOf } from './patch.js';

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Who writes with the Actions GITHUB_TOKEN. */
export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export function userNamed(login: string): User {
  if (login === ACTIONS_BOT.login) return ACTIONS_BOT;
  let id = 1000;
  for (const c of login) id = (id * 31 + c.charCodeAt(0)) % 10_000_000;
  return { login, id, type: 'User' };
}

/** Thrown by the model for answers other than success; the server turns it into a response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

export const unprocessable = (...errors: string[]) => new ApiError(422, 'Unprocessable Entity', errors);
export const notFound = () => new ApiError(404, 'Not Found');

export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  files: Snapshot;
  tree: { sha: string; entries: TreeEntry[] };
}

export interface PullFile {
  sha: string;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

export interface PullRequest {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  user: User;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  /** The head repository is a fork (its token is read-only on `pull_request`). */
  fork: boolean;
  /** Every head the PR has had, oldest first. */
  heads: string[];
  /** refs/pull/N/merge, when the test made one. */
  mergeSha: string | null;
}

export interface ReviewComment {
  id: number;
  pull_request_review_id: number | null;
  path: string;
  line: number | null;
  original_line: number;
  start_line: number | null;
  original_start_line: number | null;
  side: 'LEFT' | 'RIGHT';
  start_side: 'LEFT' | 'RIGHT' | null;
  position: number | null;
  original_position: number;
  commit_id: string;
  original_commit_id: string;
  diff_hunk: string;
  body: string;
  user: User;
  in_reply_to_id?: number;
  subject_type: 'line' | 'file';
  created_at: string;
  updated_at: string;
}

export interface Review {
  id: number;
  user: User;
  body: string;
  state: 'COMMENTED' | 'CHANGES_REQUESTED' | 'PENDING' | 'DISMISSED';
  commit_id: string;
  submitted_at: string | null;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Annotation[];
  /** How many annotations each create/update request carried. */
  annotationBatches: number[];
}

export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: User;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Set on the issue that is the pull request (GitHub lists pull requests among issues). */
  isPullRequest: boolean;
}

export interface IssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

export const BODY_LIMIT = 65_536;
export const CHECK_TEXT_LIMIT = 65_535;
export const ANNOTATIONS_PER_REQUEST = 50;
export const PULL_FILES_CAP = 3_000;
export const COMPARE_FILES_CAP = 300;

export interface RepoOptions {
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** A patch with more lines than this is omitted, as GitHub does for very large diffs. */
  maxPatchLines?: number;
}

/** Deterministic clock: every call moves one second on from 2026-01-01. */
class Clock {
  private t = Date.UTC(2026, 0, 1);
  now(): string {
    this.t += 1000;
    return new Date(this.t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

export class RepoState {
  readonly owner: string;
  readonly repo: string;
  readonly repoId = 424242;
  readonly defaultBranch: string;
  readonly maxPatchLines: number;
  readonly commits = new Map<string, Commit>();
  readonly branches = new Map<string, string>();
  /** Paths whose patch GitHub omits (binary or huge) even if the content would allow one. */
  readonly noPatch = new Set<string>();
  pull: PullRequest | null = null;
  readonly reviewComments: ReviewComment[] = [];
  readonly reviews: Review[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly issues: Issue[] = [];
  readonly issueComments: IssueComment[] = [];
  private readonly clock = new Clock();
  private readonly ids = { comment: 1_000_000, review: 2_000_000, check: 3_000_000, issue: 4_000_000, issueComment: 5_000_000 };
  private readonly fileCache = new Map<string, PullFile[]>();

  constructor(options: RepoOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.maxPatchLines = options.maxPatchLines ?? 20_000;
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  now(): string {
    return this.clock.now();
  }

  // ---- git -------------------------------------------------------------------------------------------------------

  addCommit(sha: string, files: Record<string, FileContent> | Snapshot, parents: string[] = [], message = 'commit'): Commit {
    const snapshot: Map<string, Buffer> =
      files instanceof Map ? new Map(files) : new Map(Object.entries(files).map(([p, c]) => [p, toBuffer(c)]));
    const commit: Commit = { sha, parents, message, files: snapshot, tree: treeOf(snapshot) };
    this.commits.set(sha, commit);
    return commit;
  }

  setBranch(name: string, sha: string): void {
    this.commit(sha);
    this.branches.set(name, sha);
  }

  commit(sha: string): Commit {
    const c = this.commits.get(sha);
    if (!c) throw new Error(`fake-github: unknown commit ${sha}`);
    return c;
  }

  /** A sha (full or abbreviated), branch, `refs/heads/x`, `heads/x` or `refs/pull/N/head|merge`; null if unknown. */
  resolveRef(ref: string): Commit | null {
    if (this.commits.has(ref)) return this.commits.get(ref)!;
    const branch = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
    if (this.branches.has(branch)) return this.commits.get(this.branches.get(branch)!) ?? null;
    const pr = /^refs\/pull\/(\d+)\/(head|merge)$/.exec(ref);
    if (pr && this.pull && Number(pr[1]) === this.pull.number) {
      const sha = pr[2] === 'head' ? this.pull.head.sha : this.pull.mergeSha;
      return sha ? (this.commits.get(sha) ?? null) : null;
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const matches = [...this.commits.keys()].filter((s) => s.startsWith(ref));
      if (matches.length === 1) return this.commits.get(matches[0])!;
    }
    return null;
  }

  /** Tree by commit sha, ref or tree sha (root or subtree). */
  resolveTree(treeish: string): { sha: string; entries: TreeEntry[] } | null {
    const commit = this.resolveRef(treeish);
    if (commit) return commit.tree;
    for (const c of this.commits.values()) {
      if (c.tree.sha === treeish) return c.tree;
      const sub = c.tree.entries.find((e) => e.type === 'tree' && e.sha === treeish);
      if (sub) {
        const prefix = `${sub.path}/`;
        return {
          sha: sub.sha,
          entries: c.tree.entries.filter((e) => e.path.startsWith(prefix)).map((e) => ({ ...e, path: e.path.slice(prefix.length) })),
        };
      }
    }
    return null;
  }

  blob(sha: string): Buffer | null {
    for (const c of this.commits.values()) for (const content of c.files.values()) if (blobSha(content) === sha) return content;
    return null;
  }

  ancestors(sha: string): string[] {
    const seen: string[] = [];
    const queue = [sha];
    while (queue.length) {
      const s = queue.shift()!;
      if (seen.includes(s) || !this.commits.has(s)) continue;
      seen.push(s);
      queue.push(...this.commits.get(s)!.parents);
    }
    return seen;
  }

  mergeBase(a: string, b: string): string | null {
    const ofA = new Set(this.ancestors(a));
    return this.ancestors(b).find((s) => ofA.has(s)) ?? null;
  }

  /** The files that differ between two commits, as GitHub lists them (exact renames detected; patches computed). */
  diffFiles(baseSha: string, headSha: string): PullFile[] {
    const key = `${baseSha}..${headSha}`;
    const cached = this.fileCache.get(key);
    if (cached) return cached;
    const base = this.commit(baseSha).files;
    const head = this.commit(headSha).files;
    const files: PullFile[] = [];
    const removed = [...base.keys()].filter((p) => !head.has(p));
    const added = [...head.keys()].filter((p) => !base.has(p));
    const renamedFrom = new Map<string, string>();
    for (const to of added) {
      const sha = blobSha(head.get(to)!);
      const from = removed.find((r) => !renamedFrom.has(r) && ![...renamedFrom.values()].includes(r) && blobSha(base.get(r)!) === sha);
      if (from) renamedFrom.set(to, from);
    }
    const renamedAway = new Set(renamedFrom.values());
    for (const path of new Set([...base.keys(), ...head.keys()])) {
      if (renamedAway.has(path)) continue;
      const before = renamedFrom.has(path) ? base.get(renamedFrom.get(path)!) : base.get(path);
      const after = head.get(path);
      if (before && after && before.equals(after) && !renamedFrom.has(path)) continue;
      const status: PullFile['status'] = renamedFrom.has(path) ? 'renamed' : !before ? 'added' : !after ? 'removed' : 'modified';
      const file: PullFile = { sha: blobSha(after ?? before!), filename: path, status, additions: 0, deletions: 0, changes: 0 };
      if (status === 'renamed') file.previous_filename = renamedFrom.get(path);
      const binary = (before && isBinary(before)) || (after && isBinary(after));
      if (!binary) {
        const patch = githubPatch(before?.toString('utf8') ?? '', after?.toString('utf8') ?? '');
        const lines = patchLines(patch);
        file.additions = lines.additions;
        file.deletions = lines.deletions;
        file.changes = lines.additions + lines.deletions;
        const huge = patch.split('\n').length > this.maxPatchLines;
        if (patch && !huge && !this.noPatch.has(path)) file.patch = patch;
      }
      files.push(file);
    }
    files.sort((a, b) => Buffer.compare(Buffer.from(a.filename), Buffer.from(b.filename)));
    this.fileCache.set(key, files);
    return files;
  }

  // ---- the pull request ------------------------------------------------------------------------------------------

  openPullRequest(pr: { number: number; title?: string; base: { ref: string; sha: string }; head: { ref: string; sha: string }; fork?: boolean; mergeSha?: string }): PullRequest {
    this.commit(pr.base.sha);
    this.commit(pr.head.sha);
    this.pull = {
      number: pr.number,
      title: pr.title ?? 'Update the Docker setup',
      body: '',
      state: 'open',
      draft: false,
      user: userNamed('contributor'),
      base: pr.base,
      head: pr.head,
      fork: pr.fork ?? false,
      heads: [pr.head.sha],
      mergeSha: pr.mergeSha ?? null,
    };
    this.issues.push({
      number: pr.number,
      id: this.ids.issue++,
      title: this.pull.title,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      user: this.pull.user,
      created_at: this.now(),
      updated_at: this.now(),
      closed_at: null,
      isPullRequest: true,
    });
    return this.pull;
  }

  requirePull(number: number): PullRequest {
    if (!this.pull || this.pull.number !== number) throw notFound();
    return this.pull;
  }

  /** Where the pull request's diff starts: the merge base of base and head (GitHub's three-dot diff). */
  diffBase(commitId: string): string {
    const pr = this.pull!;
    return this.mergeBase(pr.base.sha, commitId) ?? pr.base.sha;
  }

  pullFiles(): PullFile[] {
    const pr = this.pull!;
    return this.diffFiles(this.diffBase(pr.head.sha), pr.head.sha).slice(0, PULL_FILES_CAP);
  }

  /**
   * New commits on the PR branch: the head moves and existing comments are re-anchored as GitHub does — a comment
   * whose line is unchanged and still in the diff follows it, any other becomes outdated (`line: null`).
   */
  pushPullRequestHead(headSha: string, mergeSha?: string): void {
    const pr = this.pull!;
    this.commit(headSha);
    pr.head = { ...pr.head, sha: headSha };
    pr.heads.push(headSha);
    pr.mergeSha = mergeSha ?? null;
    this.branches.set(pr.head.ref, headSha);
    const files = new Map(this.pullFiles().map((f) => [f.filename, f]));
    for (const c of this.reviewComments) {
      if (c.line === null || c.subject_type === 'file') continue;
      const file = files.get(c.path);
      const lines = patchLines(file?.patch);
      const oldText = this.commits.get(c.commit_id)?.files.get(c.path)?.toString('utf8');
      const newText = this.commit(headSha).files.get(c.path)?.toString('utf8');
      const follow = (line: number | null, side: 'LEFT' | 'RIGHT' | null): number | null => {
        if (line === null) return null;
        if (side === 'LEFT') return lines.left.has(line) ? line : null;
        if (oldText === undefined || newText === undefined) return null;
        const moved = mapLine(oldText, newText, line);
        return moved !== null && lines.right.has(moved) ? moved : null;
      };
      const line = follow(c.line, c.side);
      const start = c.start_line === null ? null : follow(c.start_line, c.start_side);
      if (line === null || (c.start_line !== null && start === null)) {
        c.line = null;
        c.start_line = null;
        c.position = null;
      } else {
        c.line = line;
        c.start_line = start;
        c.commit_id = headSha;
        c.position = positionOf(lines, c.side, line);
      }
    }
  }

  // ---- review comments -------------------------------------------------------------------------------------------

  /** Checks one comment's anchor against the diff of `commitId`; the error GitHub would give, or null. */
  private checkAnchor(commitId: string, c: CommentInput): string | null {
    const file = this.diffFiles(this.diffBase(commitId), commitId).find((f) => f.filename === c.path);
    if (!file) return 'Path could not be resolved';
    if (c.subject_type === 'file') return null;
    const lines = patchLines(file.patch);
    if (c.line === undefined) {
      if (c.position === undefined) return 'Pull request review thread line must be part of the diff';
      return lines.positions.has(c.position) ? null : 'Pull request review thread position is invalid';
    }
    const side = c.side ?? 'RIGHT';
    if (side !== 'LEFT' && side !== 'RIGHT') return `Pull request review thread side must be LEFT or RIGHT, not ${side}`;
    const map = side === 'RIGHT' ? lines.right : lines.left;
    if (!map.has(c.line)) return 'Pull request review thread line must be part of the diff';
    if (c.start_line !== undefined) {
      const startSide = c.start_side ?? side;
      if (startSide !== 'LEFT' && startSide !== 'RIGHT') return `Pull request review thread start_side must be LEFT or RIGHT`;
      if (c.start_line === c.line && startSide === side) return 'Pull request review thread start_line must be less than line';
      if (startSide === side && c.start_line > c.line) return 'Pull request review thread start_line must precede line';
      const startMap = startSide === 'RIGHT' ? lines.right : lines.left;
      if (!startMap.has(c.start_line)) return 'Pull request review thread start line must be part of the diff';
      if (startMap.get(c.start_line) !== map.get(c.line)) return 'Pull request review thread start line must be in the same hunk as the line';
    }
    return null;
  }

  private checkBody(body: string | undefined, what = 'Body'): string | null {
    if (body === undefined || body.trim() === '') return `${what} can't be blank`;
    if (body.length > BODY_LIMIT) return `${what} is too long (maximum is ${BODY_LIMIT} characters)`;
    return null;
  }

  private storeComment(commitId: string, c: CommentInput, user: User, reviewId: number | null, replyTo?: ReviewComment): ReviewComment {
    const now = this.now();
    const file = this.diffFiles(this.diffBase(commitId), commitId).find((f) => f.filename === (replyTo?.path ?? c.path));
    const lines = patchLines(file?.patch);
    let side = (c.side ?? 'RIGHT') as 'LEFT' | 'RIGHT';
    let line: number | null = c.line ?? null;
    if (line === null && c.position !== undefined && c.subject_type !== 'file') {
      const at = lines.positions.get(c.position)!;
      side = at.kind === '-' ? 'LEFT' : 'RIGHT';
      line = at.kind === '-' ? at.oldLine : at.newLine;
    }
    const comment: ReviewComment = replyTo
      ? { ...replyTo, id: this.ids.comment++, pull_request_review_id: reviewId, body: c.body!, user, in_reply_to_id: replyTo.id, created_at: now, updated_at: now }
      : {
          id: this.ids.comment++,
          pull_request_review_id: reviewId,
          path: c.path,
          line,
          original_line: line ?? 0,
          start_line: c.start_line ?? null,
          original_start_line: c.start_line ?? null,
          side,
          start_side: c.start_line !== undefined ? ((c.start_side ?? side) as 'LEFT' | 'RIGHT') : null,
          position: line === null ? null : positionOf(lines, side, line),
          original_position: line === null ? 1 : (positionOf(lines, side, line) ?? 1),
          commit_id: commitId,
          original_commit_id: commitId,
          diff_hunk: line === null || !file?.patch ? '' : diffHunk(file.patch, side, line),
          body: c.body!,
          user,
          subject_type: c.subject_type === 'file' ? 'file' : 'line',
          created_at: now,
          updated_at: now,
        };
    if (!replyTo) delete comment.in_reply_to_id;
    this.reviewComments.push(comment);
    return comment;
  }

  /** POST /pulls/{n}/reviews: all or nothing, as GitHub does. */
  createReview(number: number, input: ReviewInput, user: User): { review: Review; comments: ReviewComment[] } {
    const pr = this.requirePull(number);
    if (pr.state !== 'open') throw unprocessable('Pull request is closed');
    if (input.event === 'APPROVE' && user === ACTIONS_BOT) throw unprocessable('GitHub Actions is not permitted to approve pull requests.');
    if (input.event === 'REQUEST_CHANGES' || input.event === 'COMMENT') {
      const err = this.checkBody(input.body, 'Body');
      if (err) throw unprocessable(`${err} (required when event is ${input.event})`);
    } else if (input.body !== undefined && input.body.length > BODY_LIMIT) {
      throw unprocessable(`Body is too long (maximum is ${BODY_LIMIT} characters)`);
    }
    const commitId = input.commit_id ?? pr.head.sha;
    if (!pr.heads.includes(commitId)) throw unprocessable(`Commit ${commitId} is not part of the pull request`);
    if (!input.event && this.reviews.some((r) => r.state === 'PENDING' && r.user.login === user.login)) {
      throw unprocessable('User can only have one pending review per pull request');
    }
    const comments = input.comments ?? [];
    for (const c of comments) {
      const err = this.checkBody(c.body) ?? this.checkAnchor(commitId, c);
      if (err) throw unprocessable(err);
    }
    const review: Review = {
      id: this.ids.review++,
      user,
      body: input.body ?? '',
      state: !input.event ? 'PENDING' : input.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'COMMENTED',
      commit_id: commitId,
      submitted_at: input.event ? this.now() : null,
    };
    this.reviews.push(review);
    return { review, comments: comments.map((c) => this.storeComment(commitId, c, user, review.id)) };
  }

  /** POST /pulls/{n}/comments: a single comment, or a reply with `in_reply_to`. */
  createReviewComment(number: number, input: CommentInput & { commit_id?: string; in_reply_to?: number }, user: User): ReviewComment {
    const pr = this.requirePull(number);
    const bodyErr = this.checkBody(input.body);
    if (bodyErr) throw unprocessable(bodyErr);
    if (input.in_reply_to !== undefined) return this.reply(number, input.in_reply_to, input.body!, user);
    const commitId = input.commit_id ?? pr.head.sha;
    if (!pr.heads.includes(commitId)) throw unprocessable(`Commit ${commitId} is not part of the pull request`);
    const err = this.checkAnchor(commitId, input);
    if (err) throw unprocessable(err);
    return this.storeComment(commitId, input, user, this.ids.review++);
  }

  reply(number: number, commentId: number, body: string, user: User): ReviewComment {
    this.requirePull(number);
    const bodyErr = this.checkBody(body);
    if (bodyErr) throw unprocessable(bodyErr);
    const parent = this.reviewComments.find((c) => c.id === commentId);
    if (!parent) throw notFound();
    if (parent.in_reply_to_id !== undefined) throw unprocessable('Replies to replies are not supported');
    return this.storeComment(parent.commit_id, { path: parent.path, body }, user, this.ids.review++, parent);
  }

  updateReviewComment(id: number, body: string): ReviewComment {
    const c = this.reviewComments.find((x) => x.id === id);
    if (!c) throw notFound();
    const err = this.checkBody(body);
    if (err) throw unprocessable(err);
    c.body = body;
    c.updated_at = this.now();
    return c;
  }

  deleteReviewComment(id: number): void {
    const i = this.reviewComments.findIndex((x) => x.id === id);
    if (i < 0) throw notFound();
    this.reviewComments.splice(i, 1);
  }

  // ---- check runs ------------------------------------------------------------------------------------------------

  private applyCheckOutput(run: CheckRun, output: CheckOutputInput | undefined): void {
    if (!output) {
      run.annotationBatches.push(0);
      return;
    }
    for (const key of ['summary', 'text'] as const) {
      const value = output[key];
      if (value !== undefined && value.length > CHECK_TEXT_LIMIT) {
        throw unprocessable(`output.${key} is too long: only ${CHECK_TEXT_LIMIT} characters are allowed; ${value.length} were supplied.`);
      }
    }
    const annotations = output.annotations ?? [];
    if (annotations.length > ANNOTATIONS_PER_REQUEST) {
      throw unprocessable(`Only ${ANNOTATIONS_PER_REQUEST} annotations are allowed per request; ${annotations.length} were supplied.`);
    }
    for (const a of annotations) {
      if (a.end_line < a.start_line) throw unprocessable(`Annotation end_line ${a.end_line} is before start_line ${a.start_line}`);
      if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
        throw unprocessable('Annotations only support start_column and end_column on the same line');
      }
      if (a.title !== undefined && a.title.length > 255) throw unprocessable('Annotation title is too long (maximum is 255 characters)');
      if (a.message.length > 64 * 1024) throw unprocessable('Annotation message is too long (maximum is 64 KB)');
      if (a.raw_details !== undefined && a.raw_details.length > 64 * 1024) throw unprocessable('Annotation raw_details is too long (maximum is 64 KB)');
    }
    if (output.title !== undefined) run.output.title = output.title;
    if (output.summary !== undefined) run.output.summary = output.summary;
    if (output.text !== undefined) run.output.text = output.text;
    // Annotations are appended on every update, never replaced.
    run.annotations.push(...annotations);
    run.annotationBatches.push(annotations.length);
  }

  private applyCheckStatus(run: CheckRun, input: CheckRunInput): void {
    if ((input.status === 'completed' || input.completed_at) && !input.conclusion && !run.conclusion) {
      throw unprocessable('Conclusion is required when status is completed');
    }
    if (input.conclusion) {
      run.conclusion = input.conclusion;
      run.status = 'completed';
      run.completed_at = input.completed_at ?? this.now();
    } else if (input.status) {
      run.status = input.status;
    }
  }

  createCheckRun(input: CheckRunInput & { name: string; head_sha: string }): CheckRun {
    if (!this.commits.has(input.head_sha)) throw unprocessable(`No commit found for SHA: ${input.head_sha}`);
    if (input.output && (input.output.title === undefined || input.output.summary === undefined)) {
      throw unprocessable('output.title and output.summary are required when output is given');
    }
    const run: CheckRun = {
      id: this.ids.check++,
      name: input.name,
      head_sha: input.head_sha,
      status: 'queued',
      conclusion: null,
      started_at: input.started_at ?? this.now(),
      completed_at: null,
      details_url: input.details_url ?? null,
      external_id: input.external_id ?? null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      annotationBatches: [],
    };
    this.applyCheckOutput(run, input.output);
    this.applyCheckStatus(run, input);
    this.checkRuns.push(run);
    return run;
  }

  updateCheckRun(id: number, input: CheckRunInput): CheckRun {
    const run = this.checkRuns.find((r) => r.id === id);
    if (!run) throw notFound();
    // Validate everything on a copy first: a rejected update changes nothing.
    const draft: CheckRun = structuredClone(run);
    if (input.output && input.output.summary === undefined && draft.output.summary === null) {
      throw unprocessable('output.summary is required');
    }
    this.applyCheckOutput(draft, input.output);
    this.applyCheckStatus(draft, input);
    if (input.name !== undefined) draft.name = input.name;
    if (input.details_url !== undefined) draft.details_url = input.details_url;
    if (input.external_id !== undefined) draft.external_id = input.external_id;
    Object.assign(run, draft);
    return run;
  }

  // ---- issues ----------------------------------------------------------------------------------------------------

  createIssue(input: IssueInput & { title: string | number }, user: User): Issue {
    const err = input.body ? (input.body.length > BODY_LIMIT ? `Body is too long (maximum is ${BODY_LIMIT} characters)` : null) : null;
    if (err) throw unprocessable(err);
    if (String(input.title).trim() === '') throw unprocessable("Title can't be blank");
    const number = Math.max(0, ...this.issues.map((i) => i.number)) + 1;
    const now = this.now();
    const issue: Issue = {
      number,
      id: this.ids.issue++,
      title: String(input.title),
      body: input.body ?? null,
      state: 'open',
      state_reason: null,
      labels: labelNames(input.labels),
      user,
      created_at: now,
      updated_at: now,
      closed_at: null,
      isPullRequest: false,
    };
    this.issues.push(issue);
    return issue;
  }

  updateIssue(number: number, input: IssueInput & { title?: string | number | null; state?: 'open' | 'closed'; state_reason?: string | null }): Issue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw notFound();
    if (input.body && input.body.length > BODY_LIMIT) throw unprocessable(`Body is too long (maximum is ${BODY_LIMIT} characters)`);
    if (input.title !== undefined && input.title !== null) issue.title = String(input.title);
    if (input.body !== undefined) issue.body = input.body;
    if (input.labels !== undefined) issue.labels = labelNames(input.labels);
    if (input.state && input.state !== issue.state) {
      issue.state = input.state;
      issue.closed_at = input.state === 'closed' ? this.now() : null;
    }
    if (input.state_reason !== undefined) issue.state_reason = input.state_reason;
    issue.updated_at = this.now();
    return issue;
  }

  createIssueComment(number: number, body: string, user: User): IssueComment {
    if (!this.issues.some((i) => i.number === number)) throw notFound();
    const err = this.checkBody(body);
    if (err) throw unprocessable(err);
    const now = this.now();
    const comment: IssueComment = { id: this.ids.issueComment++, issue_number: number, body, user, created_at: now, updated_at: now };
    this.issueComments.push(comment);
    return comment;
  }

  updateIssueComment(id: number, body: string): IssueComment {
    const c = this.issueComments.find((x) => x.id === id);
    if (!c) throw notFound();
    const err = this.checkBody(body);
    if (err) throw unprocessable(err);
    c.body = body;
    c.updated_at = this.now();
    return c;
  }

  deleteIssueComment(id: number): void {
    const i = this.issueComments.findIndex((x) => x.id === id);
    if (i < 0) throw notFound();
    this.issueComments.splice(i, 1);
  }

  // ---- seeding (what other people did) ----------------------------------------------------------------------------

  /** A comment written by someone else (validated like any comment); with `inReplyTo`, a reply in that thread. */
  seedReviewComment(seed: { user: string; body: string; path?: string; line?: number; side?: 'LEFT' | 'RIGHT'; inReplyTo?: number }): ReviewComment {
    const user = userNamed(seed.user);
    if (seed.inReplyTo !== undefined) return this.reply(this.pull!.number, seed.inReplyTo, seed.body, user);
    const input: CommentInput = { path: seed.path!, line: seed.line, side: seed.side, body: seed.body };
    const err = this.checkAnchor(this.pull!.head.sha, input);
    if (err) throw new Error(`fake-github: cannot seed comment: ${err}`);
    return this.storeComment(this.pull!.head.sha, input, user, this.ids.review++);
  }
}

export interface CommentInput {
  path: string;
  body?: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
  subject_type?: 'line' | 'file';
}

export interface ReviewInput {
  commit_id?: string;
  body?: string;
  event?: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';
  comments?: CommentInput[];
}

export interface CheckOutputInput {
  title?: string;
  summary?: string;
  text?: string;
  annotations?: Annotation[];
}

export interface CheckRunInput {
  name?: string;
  status?: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  output?: CheckOutputInput;
}

export interface IssueInput {
  body?: string | null;
  labels?: (string | { name?: string })[];
}

function labelNames(labels: IssueInput['labels']): string[] {
  return (labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
}
