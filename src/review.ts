// The pipeline in one call: discover → load (parse + model) → rules → filter → score. CLI and action both use it.
import path from 'node:path';
import type { ChangeSet } from './changes/diff.js';
import { findingsOfChange } from './changes/relocate.js';
import { BUILTIN_META } from './engine/builtin.js';
import type { ResolvedConfig } from './engine/config.js';
import type { AnyRule } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { SecretSet } from './report/secrets.js';
import type { FileKind, Finding, RuleMeta } from './engine/types.js';
import { loadProject, type Project } from './model/project.js';
import { initShell } from './parse/shell.js';
import { countByPriority, gradeOf, scoreOf, type Counts } from './score/score.js';
import { strengthsOf } from './score/strengths.js';
import { BudgetedWorkspace } from './workspace/budget.js';
import { discover } from './workspace/discover.js';
import type { Workspace } from './workspace/workspace.js';

export interface ReviewedFile {
  path: string;
  kind: FileKind;
  score: number;
  grade: string;
  counts: Counts;
  /** false when the file was found but could not be read (binary, too large). */
  reviewed: boolean;
}

export interface ReviewResult {
  score: number;
  grade: string;
  counts: Counts;
  files: ReviewedFile[];
  findings: Finding[];
  strengths: string[];
  /** Every rule that ran (and the engine's own), for SARIF and docs. */
  rules: RuleMeta[];
  /** Things the user should know that are not findings (paths not found, rules that crashed). */
  notices: string[];
  /** Set in diff mode: the changed files that were reviewed. */
  changedFiles: string[] | null;
  /**
   * Secret values seen in the reviewed files (already masked in `findings` and `notices`). Every output masks them
   * again; the action registers them with `core.setSecret`. Serialises as a count, never the values.
   */
  secrets?: SecretSet;
}

export interface ReviewOptions {
  workspace: Workspace;
  paths: string[];
  config: ResolvedConfig;
  rules: AnyRule[];
  /** Diff mode: keep findings on changed lines (and file-level findings of changed files). */
  changes?: ChangeSet;
  /** Text read at most in all (default DEFAULT_MAX_TOTAL_BYTES); files beyond it get a `file-not-reviewed` finding. */
  maxTotalBytes?: number;
  /** Time the rules may spend on one file (default DEFAULT_FILE_BUDGET_MS). */
  fileBudgetMs?: number;
}

export async function review(options: ReviewOptions): Promise<ReviewResult> {
  const { config, rules } = options;
  const workspace = new BudgetedWorkspace(options.workspace, options.maxTotalBytes);
  const timer = phaseTimer();
  // The grammar loads while the tree is walked and files are read.
  const shellReady = initShell();
  const { files: discovered, problems } = await discover(workspace, options.paths, { ignore: config.ignore });
  timer('discover');
  const project = await loadProject(workspace, discovered);
  timer('read+parse');
  await shellReady;
  timer('shell init wait');
  const run = runRules(project, rules, config, { fileBudgetMs: options.fileBudgetMs });
  timer('rules');

  const context = project.context ?? new Set<string>();
  let findings = context.size ? run.findings.filter((f) => !context.has(f.path)) : run.findings;
  let reviewedPaths = allPaths(project).filter((p) => !context.has(p));
  let changedFiles: string[] | null = null;
  if (options.changes) {
    const changes = options.changes;
    changedFiles = reviewedPaths.filter((p) => changes.has(p));
    findings = findingsOfChange(findings, changes, (p, line) => project.byPath.get(p)?.lines[line - 1]);
    reviewedPaths = changedFiles;
  }

  const counts = countByPriority(findings);
  const score = scoreOf(counts);
  const kinds = new Map<string, FileKind>([...project.files, ...project.unread].map((f) => [f.path, f.kind]));
  const unread = new Set(project.unread.map((u) => u.path));
  const files = reviewedPaths.map((p) => {
    const fileCounts = countByPriority(findings.filter((f) => f.path === p));
    const fileScore = scoreOf(fileCounts);
    return { path: p, kind: kinds.get(p)!, score: fileScore, grade: gradeOf(fileScore), counts: fileCounts, reviewed: !unread.has(p) };
  });
  const enabledRules = rules.filter((r) => config.rules.get(r.meta.id)?.enabled);
  const notices = [
    ...problems,
    ...run.ruleErrors.map((e) => `rule ${e.ruleId} failed on ${e.path} (please report this): ${e.message.split('\n')[0]}`),
  ];
  return {
    score,
    grade: gradeOf(score),
    counts,
    files,
    findings,
    strengths: options.changes ? [] : strengthsOf(enabledRules, run.clean, project),
    rules: [...BUILTIN_META, ...enabledRules.map((r) => r.meta)],
    notices: notices.map((n) => run.secrets.redact(n)),
    changedFiles,
    secrets: run.secrets,
  };
}

/** `DOCKER_REVIEW_TIMING=1` prints each stage's wall time to stderr (for bench notes; never asserted). */
function phaseTimer(): (phase: string) => void {
  if (!process.env.DOCKER_REVIEW_TIMING) return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`timing: ${phase} ${(now - last).toFixed(1)} ms\n`);
    last = now;
  };
}

function allPaths(project: Project): string[] {
  return [...project.files.map((f) => f.path), ...project.unread.map((u) => u.path)].sort();
}

/** Re-bases repository-relative paths onto the current directory, as the JSON contract asks. */
export function relativeToCwd(root: string, cwd: string, p: string): string {
  const rel = path.relative(cwd, path.join(root, p));
  return rel.split(path.sep).join('/') || '.';
}
