// The action as a library call: event → what to review → review head (and base) → verdict → publish (review, check
// run, tracking issue, or annotations when writes are refused) → job summary and outputs. main.ts only wires it up.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { git } from '../changes/git.js';
import { ConfigError, DEFAULT_CONFIG_PATH, type FailOn, type ResolvedConfig } from '../engine/config.js';
import { findHadolintConfig, resolveConfig } from '../engine/peer-config.js';
import { PRIORITIES, type Finding } from '../engine/types.js';
import { codeSpan, escapeMarkdown } from '../report/escape.js';
import { countsLine, renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { redactFinding, SecretSet } from '../report/secrets.js';
import { review, type ReviewResult } from '../review.js';
import { atOrAbove } from '../score/score.js';
import { VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import type { BlobCache } from './api-workspace.js';
import { annotationOf, CheckRunIncomplete, publishCheckRun, type CheckRunResult, type Conclusion } from './check-run.js';
import { createClient, describeError, isWriteRefused, type ClientOptions, type GitHub } from './client.js';
import { readRunContext, type RunContext } from './context.js';
import { emitWorkflowAnnotations } from './fallback.js';
import type { ActionInputs } from './inputs.js';
import { guardedLogger, type Logger } from './log.js';
import { compareFiles, diffFromApiFiles, diffFromGit, fillMissingPatches, listPullFiles, MAX_PR_FILES, mergeBase, type DiffSet } from './pr-files.js';
import { listItem, publishReview, type ReviewOutcome } from './review-publisher.js';
import { scopeChange, sortFindings, type ChangeReview } from './scope.js';
import { upsertTrackingIssue } from './tracking-issue.js';
import { truncateMarkdown } from './truncate.js';
import { hasLocalCommit, workspaceAt, type CommitWorkspace } from './workspaces.js';

/** $GITHUB_STEP_SUMMARY holds 1 MiB per step (bytes: quoted text may be anything but ASCII). */
const MAX_JOB_SUMMARY = 1_000_000;

export interface ActionDeps {
  inputs: ActionInputs;
  env: Record<string, string | undefined>;
  log: Logger;
  /** Appends Markdown to the job summary. */
  writeSummary: (markdown: string) => Promise<void>;
  /**
   * Called once for each secret value a review finds (Dockerfile ENV/ARG, compose environment, `.env`), before any
   * output that could carry it: main.ts hands in `core.setSecret`, so the runner masks it in the whole job log.
   */
  registerSecret?: (value: string) => void;
  /** Tests hand in a client (or client options, e.g. a fetch); otherwise one is built from the token. */
  client?: GitHub;
  clientOptions?: Partial<ClientOptions>;
}

export interface ActionResult {
  outputs: Record<string, string>;
  /** The verdict: a message when the run must fail (exit code 1), else null. */
  failure: string | null;
  /** Why nothing was reviewed (unsupported event), else null. */
  skipped: string | null;
  /** What was not published and why (read-only token, API errors). */
  skippedPublications: string[];
}

/** What the run judges: a change (PR or pushed range) against its base, or the whole tree. */
interface Target {
  kind: 'pull_request' | 'push' | 'audit';
  headSha: string;
  baseSha: string | null;
  number: number | null;
  label: string;
}

export async function runAction(deps: ActionDeps): Promise<ActionResult> {
  const { inputs } = deps;
  // Every log line, annotation and published text is masked with the token and the secrets the reviews find.
  const secrets = new RunSecrets(inputs.token, deps.registerSecret);
  const guarded = guardedLogger(deps.log, (text) => secrets.redact(text));
  // GitHub shows 10 annotations per level per step, and a ::warning:: log line is one: count them.
  let warnings = 0;
  const log: Logger = { ...guarded, warning: (m) => (warnings++, guarded.warning(m)) };
  const ctx = await readRunContext(deps.env);
  if (ctx.mode.kind === 'skip') {
    log.info(`docker-review ${VERSION}: nothing to review — ${ctx.mode.reason}`);
    await deps.writeSummary(`## Docker review\n\n⚪ Skipped: ${escapeMarkdown(ctx.mode.reason)}\n`);
    return { outputs: {}, failure: null, skipped: ctx.mode.reason, skippedPublications: [] };
  }
  const target = targetOf(ctx);
  const gh =
    deps.client ??
    createClient({ token: inputs.token, baseUrl: ctx.apiUrl, userAgent: `docker-review/${VERSION}`, log, ...deps.clientOptions });
  const skippedPublications: string[] = [];
  const skip = (what: string, why: string) => {
    const line = `${what} skipped: ${why}`;
    skippedPublications.push(line);
    log.warning(line);
  };

  // The head: the checkout when it is the head commit, else git objects, else the API.
  const blobCache: BlobCache = new Map();
  const head = await workspaceAt({ root: ctx.workspace, sha: target.headSha, gh, owner: ctx.owner, repo: ctx.repo, allowCheckout: true, blobCache });
  log.info(`docker-review ${VERSION}: ${target.label}; reading ${target.headSha.slice(0, 7)} from ${sourceName(head)}`);
  const config = await loadConfig(head.workspace, inputs.configPath);
  const failOn: FailOn = inputs.failOn ?? config.failOn;
  const headReview = await review({ workspace: head.workspace, paths: inputs.paths, config, rules: allRules });
  secrets.absorb(headReview);
  const notices: string[] = [...config.notices, ...(head.notice ? [head.notice] : [])];

  // The change and its base (PR: the merge base; push: `before`).
  const changed = target.kind !== 'audit' && target.baseSha ? await reviewChange({ gh, ctx, target, inputs, config, head, headReview, blobCache, notices, log, secrets }) : null;
  const change = changed?.change ?? null;
  const diff = changed?.diff ?? null;

  // The verdict: on a change only what it introduces counts; in an audit, everything.
  const result: ReviewResult = secrets.redactResult(change ? { ...change.result, notices: [...change.result.notices, ...notices] } : { ...headReview, notices: [...headReview.notices, ...notices] });
  const considered = change ? change.newFindings : result.findings;
  const failing = considered.filter((f) => atOrAbove(f.priority, failOn));
  const conclusion: Conclusion = failing.length ? 'failure' : 'success';
  const verdict = failing.length
    ? `${failing.length} ${change ? 'new ' : ''}finding${failing.length === 1 ? '' : 's'} at or above ${failOn}`
    : `no ${change ? 'new ' : ''}finding at or above ${failOn}`;

  const outDir = deps.env.RUNNER_TEMP || ctx.workspace;
  const reportPath = path.join(outDir, 'docker-review.md');
  const sarifPath = path.join(outDir, 'docker-review.sarif');
  const pointer = `The review is too long to show here in full: see the ${ctx.runUrl ? `[job summary](${ctx.runUrl})` : 'job summary'} of this run; the whole review is also in the file of the \`report-path\` output.`;

  // Inline review first, so the check run and summary can say what it did.
  let reviewOutcome: ReviewOutcome | null = null;
  if (target.kind === 'pull_request' && diff) {
    if (!inputs.comments) log.info('inline comments are off (input comments: false)');
    else {
      try {
        reviewOutcome = await publishReview(gh, {
          owner: ctx.owner,
          repo: ctx.repo,
          number: target.number!,
          headSha: target.headSha,
          diff,
          findings: result.findings,
          maxComments: inputs.maxComments,
          intro: reviewIntro(result, change!, failOn, failing.length, inputs.checkName),
          pointer,
          log,
          // Narrow filters comment only on what the change introduces; file/nofilter comment on all they report.
          eligible: inputs.filterMode === 'added' || inputs.filterMode === 'diff_context' ? change!.isNew : undefined,
        });
        const r = reviewOutcome;
        log.info(`inline comments: ${r.posted} posted, ${r.unchanged} unchanged, ${r.updated} updated, ${r.removed} deleted, ${r.resolved} marked resolved, ${r.notPlaced.length} without a place in the diff or over the limit`);
      } catch (error) {
        skip('inline review comments', whyRefused(error, 'pull-requests: write'));
      }
    }
  }

  const markdown = secrets.redact(renderMarkdown(result, {
    title: target.kind === 'pull_request' ? `Docker review of pull request #${target.number}` : 'Docker review',
    linkFor: (f) => blobUrl(ctx, target.headSha, f.path, f.line, f.endLine),
    summaryExtra: summaryLines(result, change, failOn, failing.length, verdict, reviewOutcome, inputs),
  }));
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(reportPath, markdown);
  await fs.writeFile(sarifPath, renderSarif(secrets.redactResult(headReview), { version: VERSION }));

  // The check run: title, summary, annotations, conclusion.
  let checkRun: CheckRunResult | null = null;
  let annotated = 0;
  const annotations = result.findings.map(annotationOf);
  try {
    checkRun = await publishCheckRun(gh, {
      owner: ctx.owner,
      repo: ctx.repo,
      name: inputs.checkName,
      headSha: target.headSha,
      title: checkTitle(result, change),
      summary: markdown,
      summaryPointer: pointer,
      conclusion,
      annotations,
    });
    annotated = annotations.length;
    log.info(`check run "${inputs.checkName}": ${conclusion}, ${annotations.length} annotation(s) in ${checkRun.requests} request(s)${checkRun.url ? ` — ${checkRun.url}` : ''}`);
  } catch (error) {
    if (error instanceof CheckRunIncomplete) {
      annotated = error.delivered;
      skip(`check run annotations after the first ${error.delivered}`, describeError(error.reason));
    } else skip(`check run "${inputs.checkName}"`, whyRefused(error, 'checks: write'));
  }

  // Findings the check run could not carry still reach the PR as workflow-command annotations.
  if (annotated < result.findings.length) {
    const rest = result.findings.slice(annotated);
    // One ::error:: is kept for the failure message core.setFailed writes at the end.
    const { emitted, omitted } = emitWorkflowAnnotations(rest, log, { warning: warnings, error: failing.length ? 1 : 0 });
    log.info(`annotated ${emitted} finding(s) with workflow commands${omitted ? `; ${omitted} more are in the job summary (GitHub shows at most 10 per level per step)` : ''}`);
  }

  let trackingIssue: string | null = null;
  if (target.kind === 'audit' && inputs.trackingIssue) {
    try {
      const issue = await upsertTrackingIssue(gh, { owner: ctx.owner, repo: ctx.repo, title: `Docker review: ${result.score}/100 (${result.grade})`, body: markdown, pointer });
      trackingIssue = issue.url;
      log.info(`tracking issue #${issue.number} ${issue.created ? 'opened' : 'updated'}: ${issue.url}`);
    } catch (error) {
      skip('tracking issue', whyRefused(error, 'issues: write'));
    }
  }

  const status = [
    `> ${failing.length ? '❌' : '✅'} **${escapeMarkdown(inputs.checkName)}: ${failing.length ? 'failing' : 'passing'}** — ${escapeMarkdown(verdict)}.`,
    ...(checkRun?.url ? [`> Check run: ${checkRun.url}`] : []),
    ...(trackingIssue ? [`> Tracking issue: ${trackingIssue}`] : []),
    ...skippedPublications.map((s) => `> ⚠️ ${escapeMarkdown(s)}`),
    '',
    '',
  ].join('\n');
  await deps.writeSummary(truncateMarkdown(secrets.redact(status + markdown), MAX_JOB_SUMMARY, `The full review is in ${codeSpan(reportPath)}.`, 'bytes'));

  const outputs: Record<string, string> = {
    score: String(result.score),
    grade: result.grade,
    'base-score': change?.base ? String(change.base.score) : '',
    ...Object.fromEntries(PRIORITIES.map((p) => [p, String(result.counts[p])])),
    findings: String(result.findings.length),
    'new-findings': String(considered.length),
    'report-path': reportPath,
    'sarif-path': sarifPath,
  };
  log.info(`score ${result.score}/100 (${result.grade})${change?.base ? `, base ${change.base.score}` : ''}; ${countsLine(result.counts)}; ${verdict}`);
  return { outputs, failure: failing.length ? verdict : null, skipped: null, skippedPublications };
}

/** The token and every secret value the run's reviews saw: registered with the runner once each, masked everywhere. */
class RunSecrets {
  private readonly set = new SecretSet();

  constructor(private readonly token: string, private readonly register?: (value: string) => void) {}

  absorb(result: ReviewResult | null): void {
    for (const value of result?.secrets?.list() ?? []) {
      const before = this.set.size;
      this.set.add(value);
      if (this.set.size > before) this.register?.(value);
    }
  }

  redact(text: string): string {
    const masked = this.set.redact(text);
    return this.token ? masked.split(this.token).join('***') : masked;
  }

  redactResult(result: ReviewResult): ReviewResult {
    if (!this.set.size && !this.token) return result;
    const set = new SecretSet([...this.set.list(), ...(this.token ? [this.token] : [])]);
    return { ...result, findings: result.findings.map((f) => redactFinding(f, set)), notices: result.notices.map((n) => set.redact(n)) };
  }
}

function targetOf(ctx: RunContext): Target {
  const mode = ctx.mode;
  switch (mode.kind) {
    case 'pull_request':
      return { kind: 'pull_request', headSha: mode.headSha, baseSha: mode.baseSha, number: mode.number, label: `pull request #${mode.number}${mode.fork ? ' (from a fork)' : ''}` };
    case 'push':
      return mode.before
        ? { kind: 'push', headSha: mode.after, baseSha: mode.before, number: null, label: `push ${mode.before.slice(0, 7)}..${mode.after.slice(0, 7)}` }
        : { kind: 'audit', headSha: mode.after, baseSha: null, number: null, label: `push of a new branch at ${mode.after.slice(0, 7)}: full review` };
    case 'audit':
      return { kind: 'audit', headSha: mode.sha, baseSha: null, number: null, label: `${mode.trigger}: full review` };
    default:
      throw new Error('unreachable');
  }
}

interface ChangeInput {
  gh: GitHub;
  ctx: RunContext;
  target: Target;
  inputs: ActionInputs;
  config: ResolvedConfig;
  head: CommitWorkspace;
  headReview: ReviewResult;
  blobCache: BlobCache;
  notices: string[];
  log: Logger;
  secrets: RunSecrets;
}

/** What changed, the same review of the base commit, and the head's findings scoped to the change. */
async function reviewChange(input: ChangeInput): Promise<{ change: ChangeReview; diff: DiffSet }> {
  const { gh, ctx, target, inputs, config, notices, log } = input;
  const diff = await changedFiles(gh, ctx, target, notices, log);
  if (target.kind === 'pull_request') target.baseSha = await pullRequestBase(gh, ctx, target, notices, log);
  const baseSha = target.baseSha!;
  let base: CommitWorkspace | null = null;
  try {
    base = await workspaceAt({ root: ctx.workspace, sha: baseSha, gh, owner: ctx.owner, repo: ctx.repo, allowCheckout: false, blobCache: input.blobCache });
    if (base.notice) notices.push(base.notice);
  } catch (error) {
    notices.push(`the base commit ${baseSha.slice(0, 7)} could not be read (${describeError(error)}): every finding of the change counts as new`);
  }
  // The head's configuration judges both sides, so a config change does not pass for new findings.
  const baseReview = base ? await review({ workspace: base.workspace, paths: inputs.paths, config, rules: allRules }) : null;
  if (base) log.info(`base ${baseSha.slice(0, 7)} read from ${sourceName(base)}: ${baseReview!.findings.length} finding(s) in the whole tree`);
  input.secrets.absorb(baseReview);
  const reviewed = new Set(input.headReview.files.map((f) => f.path));
  notices.push(...(await fillMissingPatches(diff, reviewed, base?.workspace ?? null, input.head.workspace)));
  // Both sides masked with the secrets of both, so a finding reads the same on each and matches across them.
  const head = input.secrets.redactResult(input.headReview);
  return { change: scopeChange({ head, base: baseReview && input.secrets.redactResult(baseReview), diff, mode: inputs.filterMode }), diff };
}

/** The files a change touched: the PR files API, or for a push local git (both commits present) or the compare API. */
async function changedFiles(gh: GitHub, ctx: RunContext, target: Target, notices: string[], log: Logger): Promise<DiffSet> {
  const { owner, repo } = ctx;
  if (target.kind === 'pull_request') {
    let listed: Awaited<ReturnType<typeof listPullFiles>>;
    try {
      listed = await listPullFiles(gh, { owner, repo, number: target.number! });
    } catch (error) {
      // The local clone can answer too when it has both commits (fetch-depth: 0).
      if (!hasLocalCommit(ctx.workspace, target.baseSha!) || !hasLocalCommit(ctx.workspace, target.headSha)) throw error;
      log.warning(`could not list the pull request's files (${describeError(error)}); using the local git history instead`);
      const mergeBase = git(ctx.workspace, ['merge-base', target.baseSha!, target.headSha]).trim();
      return diffFromGit(ctx.workspace, mergeBase, target.headSha);
    }
    const { files, truncated } = listed;
    const total = ctx.mode.kind === 'pull_request' ? ctx.mode.changedFiles : null;
    if (truncated || (total !== null && total > MAX_PR_FILES)) {
      notices.push(`GitHub lists at most ${MAX_PR_FILES} files of a pull request: only new findings of the other files are reported, and without inline comments`);
    }
    log.info(`pull request #${target.number}: ${files.length} changed file(s)`);
    return diffFromApiFiles(files);
  }
  const base = target.baseSha!;
  if (hasLocalCommit(ctx.workspace, base) && hasLocalCommit(ctx.workspace, target.headSha)) return diffFromGit(ctx.workspace, base, target.headSha);
  return diffFromApiFiles(await compareFiles(gh, { owner, repo, base, head: target.headSha }));
}

/** The merge base the PR's diff starts from; the base branch's tip when it cannot be found. */
async function pullRequestBase(gh: GitHub, ctx: RunContext, target: Target, notices: string[], log: Logger): Promise<string> {
  const base = target.baseSha!;
  const local = hasLocalCommit(ctx.workspace, base) && hasLocalCommit(ctx.workspace, target.headSha);
  try {
    const found = await mergeBase(gh, { owner: ctx.owner, repo: ctx.repo, base, head: target.headSha, root: ctx.workspace, local });
    if (found !== base) log.info(`the base branch moved on since the PR was cut: comparing with the merge base ${found.slice(0, 7)}, not ${base.slice(0, 7)}`);
    return found;
  } catch (error) {
    notices.push(`the merge base of ${base.slice(0, 7)} and ${target.headSha.slice(0, 7)} could not be found (${describeError(error)}): comparing with the base branch's tip`);
    return base;
  }
}

/** The `config` input's file (default `.github/docker-review.yml`) over a `.hadolint.yaml` at the repository root. */
async function loadConfig(ws: Workspace, configPath: string): Promise<ResolvedConfig> {
  const read = await ws.read(configPath);
  if (!read.ok && configPath !== DEFAULT_CONFIG_PATH && (await ws.exists(configPath)) === null) throw new ConfigError(`${configPath}: configuration file not found`);
  if (!read.ok && configPath !== DEFAULT_CONFIG_PATH) throw new ConfigError(`${configPath}: ${read.reason}`);
  const found = await findHadolintConfig(async (rel) => {
    const file = await ws.read(rel);
    return file.ok ? file.text : null;
  });
  return resolveConfig({ own: read.ok ? { text: read.text, source: configPath } : null, hadolint: found && { text: found.text, source: found.path } }, allRules);
}

function sourceName(ws: CommitWorkspace): string {
  return ws.source === 'checkout' ? 'the checkout' : ws.source === 'git' ? 'the local git objects' : 'the GitHub API';
}

function whyRefused(error: unknown, permission: string): string {
  return isWriteRefused(error)
    ? `the token cannot write (${describeError(error)}). On pull requests from forks GitHub gives a read-only token; otherwise add \`permissions: ${permission}\` to the workflow. The findings are in the annotations and the job summary instead.`
    : `GitHub answered ${describeError(error)}`;
}

function blobUrl(ctx: RunContext, sha: string, file: string, line: number, endLine: number): string {
  const encoded = file.split('/').map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${sha}/${encoded}#L${line}${endLine > line ? `-L${endLine}` : ''}`;
}

function checkTitle(result: ReviewResult, change: ChangeReview | null): string {
  const delta = change?.base ? ` (base ${change.base.score})` : '';
  const fresh = change ? ` · ${change.newFindings.length} new` : '';
  return `Score ${result.score}/100 (${result.grade})${delta} · ${countsLine(result.counts)}${fresh}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function summaryLines(
  result: ReviewResult,
  change: ChangeReview | null,
  failOn: FailOn,
  failing: number,
  verdict: string,
  reviewOutcome: ReviewOutcome | null,
  inputs: ActionInputs,
): string[] {
  const lines: string[] = [];
  lines.push(`**Verdict (fail-on ${codeSpan(failOn)}):** ${failing ? '❌' : '✅'} ${escapeMarkdown(verdict)}.`);
  if (change) {
    const scope = inputs.filterMode === 'added' ? 'the lines this change adds, and what it causes elsewhere' : inputs.filterMode === 'diff_context' ? 'the hunks of this change' : inputs.filterMode === 'file' ? 'the files this change touches' : 'the whole repository';
    if (change.base) {
      lines.push(`**Score change:** ${change.base.score} (${change.base.grade}) → ${result.score} (${result.grade}), ${signed(result.score - change.base.score)} — findings on ${scope}, before and after (filter-mode ${codeSpan(inputs.filterMode)}).`);
    } else {
      lines.push(`**Scope:** findings on ${scope} (filter-mode ${codeSpan(inputs.filterMode)}); the base commit could not be reviewed, so every finding counts as new.`);
    }
    lines.push(`**New in this change:** ${change.newFindings.length} · **fixed:** ${change.fixedFindings.length}`);
    if (change.fixedFindings.length) {
      const items = sortFindings(change.fixedFindings).slice(0, 50).map(listItem);
      const more = change.fixedFindings.length > 50 ? [`- … and ${change.fixedFindings.length - 50} more`] : [];
      lines.push(['<details><summary>Fixed by this change</summary>', '', ...items, ...more, '', '</details>'].join('\n'));
    }
  }
  if (reviewOutcome) {
    const inline = reviewOutcome.posted + reviewOutcome.unchanged + reviewOutcome.updated;
    const rest = reviewOutcome.notPlaced.length;
    lines.push(
      `**Inline comments:** ${inline} on the diff${rest ? `; ${rest} finding${rest === 1 ? ' is' : 's are'} listed below only (${notPlacedWhy(reviewOutcome, inputs.maxComments)})` : ''}.`,
    );
  }
  return lines;
}

function notPlacedWhy(outcome: ReviewOutcome, max: number): string {
  const reasons = new Set(outcome.plan.notPlaced.map((n) => n.reason));
  const parts = [
    ...(reasons.has('not-new') ? ['there before this change'] : []),
    ...(reasons.has('outside-diff') ? ['not on a line of the diff'] : []),
    ...(reasons.has('cap') ? [`over the limit of ${max} comments`] : []),
    ...(outcome.rejected ? ['refused by GitHub'] : []),
  ];
  return parts.join('; ');
}

function reviewIntro(result: ReviewResult, change: ChangeReview, failOn: FailOn, failing: number, checkName: string): string {
  const delta = change.base ? ` (base ${change.base.score}, ${signed(result.score - change.base.score)})` : '';
  const worst = sortFindings(change.newFindings)[0] as Finding | undefined;
  return [
    `**Docker review:** score ${result.score}/100 (${result.grade})${delta} · ${countsLine(result.counts)} · ${change.newFindings.length} new.`,
    failing ? `❌ ${failing} new finding${failing === 1 ? '' : 's'} at or above ${codeSpan(failOn)}${worst ? `, starting with ${codeSpan(worst.ruleId)} in ${codeSpan(`${worst.path}:${worst.line}`)}` : ''}.` : `✅ No new finding at or above ${codeSpan(failOn)}.`,
    `The full review is in the **${escapeMarkdown(checkName)}** check run and the job summary.`,
  ].join('\n\n');
}
