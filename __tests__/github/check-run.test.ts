import { annotationOf, ANNOTATIONS_PER_REQUEST, CheckRunIncomplete, MAX_SUMMARY, publishCheckRun } from '../../src/github/check-run.js';
import { emitWorkflowAnnotations } from '../../src/github/fallback.js';
import type { AnnotationLevel, AnnotationProps, Logger } from '../../src/github/log.js';
import { truncateMarkdown } from '../../src/github/truncate.js';
import { FakeGitHub } from './fake-fetch.js';
import { finding } from './findings.js';

const input = (annotations: number, summary = '# Docker review\n') => ({
  owner: 'o',
  repo: 'r',
  name: 'Docker Review',
  headSha: 'a'.repeat(40),
  title: 'Score 80/100 (B-)',
  summary,
  summaryPointer: 'See the job summary.',
  conclusion: 'failure' as const,
  annotations: Array.from({ length: annotations }, (_, i) => annotationOf(finding({ path: 'Dockerfile', line: i + 1 }))),
});

function server() {
  return new FakeGitHub()
    .on('POST', /^\/repos\/o\/r\/check-runs$/, () => ({ status: 201, body: { id: 77, html_url: 'https://github.test/o/r/runs/77' } }))
    .on('PATCH', /^\/repos\/o\/r\/check-runs\/77$/, () => ({ body: { id: 77 } }));
}

describe('check run', () => {
  it('fits in one request when there are at most 50 annotations', async () => {
    const gh = server();
    const r = await publishCheckRun(gh.client(), input(50));
    expect(gh.requests()).toEqual(['POST /repos/o/r/check-runs']);
    expect(gh.calls[0].body).toMatchObject({ name: 'Docker Review', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'failure' });
    expect(gh.calls[0].body.output.annotations).toHaveLength(50);
    expect(r).toMatchObject({ id: 77, annotations: 50, requests: 1 });
  });

  it('sends annotations 50 at a time, completing the run with the last batch', async () => {
    const gh = server();
    await publishCheckRun(gh.client(), input(120));
    expect(gh.requests()).toEqual(['POST /repos/o/r/check-runs', 'PATCH /repos/o/r/check-runs/77', 'PATCH /repos/o/r/check-runs/77']);
    expect(gh.calls.map((c) => c.body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(gh.calls[0].body.status).toBe('in_progress');
    expect(gh.calls[0].body.conclusion).toBeUndefined();
    expect(gh.calls[1].body.conclusion).toBeUndefined();
    expect(gh.calls[2].body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    for (const c of gh.calls) {
      expect(c.body.output.title).toBeTruthy();
      expect(c.body.output.summary).toBeTruthy();
      expect(c.body.output.annotations.length).toBeLessThanOrEqual(ANNOTATIONS_PER_REQUEST);
    }
  });

  it('a failed batch still completes the run, and says how many annotations arrived', async () => {
    const gh = server().on('PATCH', /^\/repos\/o\/r\/check-runs\/77$/, (call) => (call.body.output ? { status: 422, body: { message: 'bad' } } : { body: { id: 77 } }));
    const error = await publishCheckRun(gh.client(), input(120)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckRunIncomplete);
    expect((error as CheckRunIncomplete).delivered).toBe(50);
    expect(gh.calls[gh.calls.length - 1].body).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('cuts a long summary below 65,535 characters, with the pointer', async () => {
    const gh = server();
    const long = Array.from({ length: 5000 }, (_, i) => `- item ${i} ${'x'.repeat(20)}`).join('\n');
    await publishCheckRun(gh.client(), input(0, long));
    const summary: string = gh.calls[0].body.output.summary;
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(summary.endsWith('See the job summary.\n')).toBe(true);
    expect(gh.calls[0].body.output.annotations).toBeUndefined();
  });

  it('annotations: levels by priority, columns only on single lines, titles ≤ 255', () => {
    expect(annotationOf(finding({ path: 'a', line: 3, priority: 'critical' }))).toMatchObject({ annotation_level: 'failure', start_line: 3, end_line: 3, start_column: 1, end_column: 9 });
    const multi = annotationOf(finding({ path: 'a', line: 3, endLine: 5, priority: 'medium' }));
    expect(multi).toMatchObject({ annotation_level: 'warning', end_line: 5 });
    expect(multi.start_column).toBeUndefined();
    expect(annotationOf(finding({ path: 'a', line: 1, priority: 'low', title: 't'.repeat(400) }))).toMatchObject({ annotation_level: 'notice' });
    expect(annotationOf(finding({ path: 'a', line: 1, title: 't'.repeat(400) })).title.length).toBe(255);
  });
});

describe('truncateMarkdown', () => {
  it('closes an open code fence and <details> at the cut', () => {
    const text = ['# T', '<details><summary>s</summary>', '', '````', ...Array.from({ length: 400 }, () => 'code line'), '````', '</details>'].join('\n');
    const out = truncateMarkdown(text, 1500, 'more elsewhere');
    expect(out.length).toBeLessThanOrEqual(1500);
    expect(out).toMatch(/\n````\n<\/details>\n\n---\n\nmore elsewhere\n$/);
  });
  it('leaves short text alone', () => {
    expect(truncateMarkdown('abc', 10, 'p')).toBe('abc');
  });
});

describe('workflow-command fallback', () => {
  it('most important first, at most 10 per level', () => {
    const emitted: { level: AnnotationLevel; props: AnnotationProps }[] = [];
    const log: Logger = { debug() {}, info() {}, warning() {}, annotate: (level, _m, props) => emitted.push({ level, props }) };
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding({ path: 'a', line: i + 1, priority: 'critical' })),
      ...Array.from({ length: 3 }, (_, i) => finding({ path: 'b', line: i + 1, endLine: i + 2, priority: 'medium' })),
      ...Array.from({ length: 15 }, (_, i) => finding({ path: 'c', line: i + 1, priority: 'low' })),
    ];
    const r = emitWorkflowAnnotations(findings, log);
    expect(r).toEqual({ emitted: 23, omitted: 7 });
    expect(emitted.filter((e) => e.level === 'error')).toHaveLength(10);
    expect(emitted.filter((e) => e.level === 'warning')).toHaveLength(3);
    expect(emitted.filter((e) => e.level === 'notice')).toHaveLength(10);
    expect(emitted[10].props).toMatchObject({ file: 'b', startLine: 1, endLine: 2 });
    expect(emitted[10].props.startColumn).toBeUndefined();
    expect(emitted[0].props.title).toContain('critical');
  });

  it('leaves room for the step’s own warnings and the final error', () => {
    const emitted: AnnotationLevel[] = [];
    const log: Logger = { debug() {}, info() {}, warning() {}, annotate: (level) => emitted.push(level) };
    const findings = [...Array.from({ length: 12 }, (_, i) => finding({ path: 'a', line: i + 1, priority: 'high' })), ...Array.from({ length: 12 }, (_, i) => finding({ path: 'b', line: i + 1, priority: 'medium' }))];
    expect(emitWorkflowAnnotations(findings, log, { error: 1, warning: 2 })).toEqual({ emitted: 17, omitted: 7 });
    expect(emitted.filter((l) => l === 'error')).toHaveLength(9);
    expect(emitted.filter((l) => l === 'warning')).toHaveLength(8);
  });
});
