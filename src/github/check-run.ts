// The check run: a named, required-able status with the review as its summary and every finding as an annotation.
import type { Finding, Priority } from '../engine/types.js';
import { plain } from '../report/escape.js';
import type { GitHub } from './client.js';
import { truncateMarkdown } from './truncate.js';

/** GitHub's limits: summary/text characters, annotations per request, annotation title length. */
export const MAX_SUMMARY = 65_535;
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_ANNOTATION_TITLE = 255;
const MAX_ANNOTATION_MESSAGE = 64 * 1024 - 1;

export type Conclusion = 'success' | 'failure' | 'neutral';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

const LEVEL: Record<Priority, Annotation['annotation_level']> = { critical: 'failure', high: 'failure', medium: 'warning', low: 'notice' };

export function annotationOf(f: Finding): Annotation {
  const message = [f.message, f.hint ? `Fix: ${f.hint}` : ''].filter(Boolean).map(plain).join('\n');
  const annotation: Annotation = {
    path: f.path,
    start_line: f.line,
    end_line: Math.max(f.line, f.endLine),
    annotation_level: LEVEL[f.priority],
    title: plain(`${f.priority}: ${f.title} (${f.ruleId})`).slice(0, MAX_ANNOTATION_TITLE),
    message: message.slice(0, MAX_ANNOTATION_MESSAGE),
  };
  // Columns only on single-line annotations (GitHub's rule); endColumn is exclusive here, inclusive there.
  if (annotation.start_line === annotation.end_line && f.column > 0) {
    annotation.start_column = f.column;
    annotation.end_column = Math.max(f.column, f.endColumn - 1);
  }
  if (f.fix) {
    const details = f.fix.replacement === '' ? `Delete lines ${f.fix.line}-${f.fix.endLine}.` : `Replace lines ${f.fix.line}-${f.fix.endLine} with:\n${f.fix.replacement}`;
    annotation.raw_details = details.slice(0, MAX_ANNOTATION_MESSAGE);
  }
  return annotation;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  title: string;
  /** Markdown; cut to 65,535 characters with `summaryPointer` at the end when longer. */
  summary: string;
  summaryPointer: string;
  conclusion: Conclusion;
  /** Most important first. */
  annotations: Annotation[];
}

export interface CheckRunResult {
  id: number;
  url: string | null;
  annotations: number;
  requests: number;
}

/**
 * One request when everything fits (created completed); otherwise created in progress with the first 50 annotations,
 * then one PATCH per further 50, the last one completing the run with its conclusion.
 */
export async function publishCheckRun(gh: GitHub, input: CheckRunInput): Promise<CheckRunResult> {
  const output = (annotations: Annotation[]) => ({
    title: input.title.slice(0, 1000),
    summary: truncateMarkdown(input.summary, MAX_SUMMARY, input.summaryPointer),
    ...(annotations.length ? { annotations } : {}),
  });
  const batches: Annotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const single = batches.length <= 1;
  const { data } = await gh.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: input.owner,
    repo: input.repo,
    name: input.name,
    head_sha: input.headSha,
    ...(single ? { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() } : { status: 'in_progress' as const }),
    output: output(batches[0] ?? []),
  });
  let requests = 1;
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1;
    const completion = { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() };
    try {
      await gh.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: input.owner,
        repo: input.repo,
        check_run_id: Number(data.id),
        ...(last ? completion : {}),
        output: output(batches[i]),
      });
      requests++;
    } catch (error) {
      // Never leave the run "in progress": complete it with the verdict, then report what was not delivered.
      await gh
        .request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner: input.owner, repo: input.repo, check_run_id: Number(data.id), ...completion })
        .catch(() => undefined);
      throw new CheckRunIncomplete(Number(data.id), data.html_url ?? null, i * ANNOTATIONS_PER_REQUEST, error);
    }
  }
  return { id: Number(data.id), url: data.html_url ?? null, annotations: input.annotations.length, requests };
}

/** The run exists (and is completed) but only the first `delivered` annotations reached it. */
export class CheckRunIncomplete extends Error {
  constructor(readonly id: number, readonly url: string | null, readonly delivered: number, readonly reason: unknown) {
    super(`the check run lost its annotations after the first ${delivered}`);
  }
}
