import {
  commentBody,
  inferAuthor,
  ANY_AUTHOR,
  marker,
  MAX_BODY,
  parseMarker,
  placeFinding,
  planComments,
  suggestionBlock,
  toReviewComment,
  validateComment,
  type ExistingComment,
} from '../../src/github/comments.js';
import { diffFromApiFiles } from '../../src/github/pr-files.js';
import { finding } from './findings.js';

// Dockerfile: new lines 1-6 in one hunk (2, 3 added), 20-22 in another (21 added).
const diff = diffFromApiFiles([
  { filename: 'Dockerfile', status: 'modified', patch: '@@ -1,4 +1,6 @@\n FROM a\n+RUN x\n+RUN y\n COPY . .\n CMD z\n ENV A=1\n@@ -18,2 +20,3 @@\n X\n+Y\n Z' },
  { filename: 'big/Dockerfile', status: 'modified' },
]);
const SHA = 'c'.repeat(40);

describe('placement', () => {
  it('puts a fixable finding on its fix lines, with a suggestion, when they lie in one hunk', () => {
    const f = finding({ path: 'Dockerfile', line: 2, endLine: 3, fix: { line: 2, endLine: 3, replacement: 'RUN x && y' } });
    expect(placeFinding(f, diff.get('Dockerfile'))).toEqual({ path: 'Dockerfile', line: 3, startLine: 2, suggestion: true });
    const single = finding({ path: 'Dockerfile', line: 2, fix: { line: 2, endLine: 2, replacement: 'RUN z' } });
    expect(placeFinding(single, diff.get('Dockerfile'))).toEqual({ path: 'Dockerfile', line: 2, startLine: null, suggestion: true });
  });

  it('no suggestion when the fix leaves the hunk; the comment goes on a line the diff shows', () => {
    const f = finding({ path: 'Dockerfile', line: 5, endLine: 8, fix: { line: 5, endLine: 8, replacement: 'X' } });
    expect(placeFinding(f, diff.get('Dockerfile'))).toEqual({ path: 'Dockerfile', line: 5, startLine: null, suggestion: false });
    const spanning = finding({ path: 'Dockerfile', line: 6, endLine: 21 });
    // 21 is an added line: preferred over context line 6.
    expect(placeFinding(spanning, diff.get('Dockerfile'))).toMatchObject({ line: 21, startLine: null });
  });

  it('nothing to place outside the hunks, in files without a patch, or unknown files', () => {
    expect(placeFinding(finding({ path: 'Dockerfile', line: 10 }), diff.get('Dockerfile'))).toBeNull();
    expect(placeFinding(finding({ path: 'big/Dockerfile', line: 1 }), diff.get('big/Dockerfile'))).toBeNull();
    expect(placeFinding(finding({ path: 'x', line: 1 }), undefined)).toBeNull();
  });
});

describe('bodies', () => {
  it('a suggestion fence is longer than any backtick run in the code; an empty suggestion deletes', () => {
    expect(suggestionBlock('RUN echo `date`')).toBe('```suggestion\nRUN echo `date`\n```');
    expect(suggestionBlock('RUN echo ````x````')).toBe('`````suggestion\nRUN echo ````x````\n`````');
    expect(suggestionBlock('')).toBe('```suggestion\n```');
  });

  it('escapes quoted text and ends with the fingerprint marker', () => {
    const f = finding({ path: 'Dockerfile', line: 2, message: 'Image <img src=x> by @someone in #12', fix: { line: 2, endLine: 2, replacement: 'RUN ok' } });
    const body = commentBody(f, placeFinding(f, diff.get('Dockerfile'))!);
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/@someone/);
    expect(body).toContain('```suggestion\nRUN ok\n```');
    expect(body.endsWith(marker(f.fingerprint))).toBe(true);
    expect(parseMarker(body)).toEqual({ fingerprint: f.fingerprint, resolved: false });
  });

  it('stays within 65,536 characters', () => {
    const f = finding({ path: 'Dockerfile', line: 2, message: 'm'.repeat(200_000), fix: { line: 2, endLine: 2, replacement: 'x'.repeat(100_000) } });
    const body = commentBody(f, placeFinding(f, diff.get('Dockerfile'))!);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(parseMarker(body)?.fingerprint).toBe(f.fingerprint);
  });
});

describe('validateComment', () => {
  const ok = { path: 'Dockerfile', line: 3, side: 'RIGHT' as const, body: 'b' };
  it('accepts lines of a hunk and multi-line ranges inside one hunk', () => {
    expect(validateComment(ok, diff)).toBeNull();
    expect(validateComment({ ...ok, start_line: 1, start_side: 'RIGHT' }, diff)).toBeNull();
  });
  it.each([
    [{ ...ok, line: 10 }, /outside/],
    [{ ...ok, start_line: 3, start_side: 'RIGHT' as const }, /before/],
    [{ ...ok, line: 21, start_line: 5, start_side: 'RIGHT' as const }, /more than one hunk/],
    [{ ...ok, path: 'big/Dockerfile', line: 1 }, /no patch/],
    [{ ...ok, path: 'nope' }, /not part of the diff/],
    [{ ...ok, body: 'x'.repeat(MAX_BODY + 1) }, /longer/],
  ])('refuses %#', (comment, reason) => {
    expect(validateComment(comment, diff)).toMatch(reason);
  });
});

describe('planComments (re-runs)', () => {
  const a = finding({ path: 'Dockerfile', line: 2, priority: 'critical', ruleId: 'a' });
  const b = finding({ path: 'Dockerfile', line: 3, priority: 'low', ruleId: 'b' });
  const posted = (f: ReturnType<typeof finding>, id: number, extra: Partial<ExistingComment> = {}): ExistingComment => {
    const p = placeFinding(f, diff.get(f.path))!;
    const c = toReviewComment(p, commentBody(f, p));
    return { id, path: c.path, line: c.line, start_line: c.start_line ?? null, side: 'RIGHT', body: c.body, user: { login: 'github-actions[bot]', type: 'Bot' }, ...extra };
  };
  const plan = (findings: ReturnType<typeof finding>[], existing: ExistingComment[], maxComments = 30) => planComments({ findings, diff, existing, maxComments, headSha: SHA });

  it('first run: creates one comment per placeable finding, most important first', () => {
    const p = plan([b, a, finding({ path: 'Dockerfile', line: 10 })], []);
    expect(p.create.map((c) => c.finding.ruleId)).toEqual(['a', 'b']);
    expect(p.notPlaced.map((n) => n.reason)).toEqual(['outside-diff']);
  });

  it('same commit again: nothing to do', () => {
    const p = plan([a, b], [posted(a, 1), posted(b, 2)]);
    expect(p).toMatchObject({ create: [], update: [], remove: [], resolve: [], unchanged: 2 });
  });

  it('changed text → edit; finding gone → delete, or mark resolved when someone replied', () => {
    const changed = { ...a, message: 'A better message.' };
    const reply: ExistingComment = { id: 9, path: 'Dockerfile', line: 3, body: 'we need root here', user: { login: 'dev', type: 'User' }, in_reply_to_id: 2 };
    const p = plan([changed], [posted(a, 1), posted(b, 2), reply, posted(finding({ path: 'Dockerfile', line: 21, ruleId: 'c' }), 3)]);
    expect(p.update).toEqual([expect.objectContaining({ id: 1 })]);
    expect(p.update[0].body).toContain('A better message.');
    expect(p.resolve.map((r) => r.id)).toEqual([2]);
    expect(p.resolve[0].body).toContain(`Resolved** in ${SHA.slice(0, 7)}`);
    expect(parseMarker(p.resolve[0].body)).toEqual({ fingerprint: b.fingerprint, resolved: true });
    expect(p.remove.map((r) => r.id)).toEqual([3]);
  });

  it('a resolved comment is not touched again', () => {
    const resolvedComment = { ...posted(b, 2), body: `✅ done\n${marker(b.fingerprint, true)}` };
    const reply: ExistingComment = { id: 9, path: 'Dockerfile', line: 3, body: 'ok', user: { login: 'dev' }, in_reply_to_id: 2 };
    expect(plan([], [resolvedComment, reply])).toMatchObject({ resolve: [], remove: [], update: [] });
  });

  it('never touches other people’s comments, even with our marker pasted in', () => {
    const human: ExistingComment = { ...posted(b, 5), user: { login: 'dev', type: 'User' } };
    const p = plan([], [posted(a, 1), human]);
    expect(p.remove.map((r) => r.id)).toEqual([1]);
    expect(inferAuthor([posted(a, 1), human])).toBe('github-actions[bot]');
    // Ambiguous authors: nobody's comments are touched.
    expect(inferAuthor([{ ...human, id: 6 }, { ...human, id: 7, user: { login: 'other', type: 'User' } }])).toBeNull();
    expect(inferAuthor([])).toBe(ANY_AUTHOR);
  });

  it('a moved finding gets a new comment; the outdated one goes', () => {
    const outdated = { ...posted(a, 1), line: null };
    const p = plan([a], [outdated]);
    expect(p.create).toHaveLength(1);
    expect(p.remove.map((r) => r.id)).toEqual([1]);
  });

  it('the cap keeps the most important; comments already in place win ties', () => {
    const lows = [1, 2, 3].map((n) => finding({ path: 'Dockerfile', line: n, priority: 'low', ruleId: `l${n}` }));
    const p1 = plan([a, ...lows], [], 2);
    expect(p1.create.map((c) => c.finding.ruleId)).toEqual(['a', 'l1']);
    expect(p1.notPlaced.map((n) => n.reason)).toEqual(['cap', 'cap']);
    const p2 = plan([a, ...lows], [posted(lows[2], 7)], 2);
    expect(p2.create.map((c) => c.finding.ruleId)).toEqual(['a']);
    expect(p2.unchanged).toBe(1);
  });
});
