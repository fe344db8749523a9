// Runs the enabled rules over a project and turns their reports into findings.
import type { ResolvedConfig } from './config.js';
import { fingerprint, normalizeKey } from './fingerprint.js';
import { FILE_NOT_REVIEWED, PARSE_ERROR } from './builtin.js';
import type { AnyRule, RuleContext } from './rule.js';
import { MAY_SUPPRESS, suppressionsOf } from './suppressions.js';
import type { Finding, RuleMeta, RuleReport } from './types.js';
import type { ParsedFile, Project } from '../model/project.js';
import { projectNames, projectSecrets, redactFinding, SecretSet } from '../report/secrets.js';

/**
 * Wall time the rules may spend on one file. Checked between rules (a rule is synchronous and cannot be pre-empted):
 * once a file's rules have used it up, the rest are skipped for that file and a `file-not-reviewed` finding says so,
 * so one pathological file cannot stall the review of the others. Parsers bound their own work (size cap, YAML alias
 * and nesting limits), so a real file never comes near this; only then does timing make a result depend on the machine.
 */
export const DEFAULT_FILE_BUDGET_MS = 5_000;

export interface RunOptions {
  /** Per-file time budget of the rules, in milliseconds (default DEFAULT_FILE_BUDGET_MS). */
  fileBudgetMs?: number;
}

export interface RunResult {
  findings: Finding[];
  /** Rules that applied to something and found nothing, per rule id. */
  clean: Set<string>;
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { ruleId: string; path: string; message: string }[];
  /** Secret values rules reported or the project writes for secret-named variables; already masked in `findings`. */
  secrets: SecretSet;
}

interface Pending {
  meta: RuleMeta;
  path: string;
  report: RuleReport;
  lines: string[];
}

export function runRules(project: Project, rules: AnyRule[], config: ResolvedConfig, runOptions: RunOptions = {}): RunResult {
  const pending: Pending[] = [];
  const secrets = new SecretSet();
  const fileBudgetMs = runOptions.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
  const applied = new Set<string>();
  const reported = new Set<string>();
  const ruleErrors: RunResult['ruleErrors'] = [];
  const seenReports = new Set<string>();
  const enabled = rules.filter((r) => config.rules.get(r.meta.id)?.enabled ?? r.meta.enabledByDefault !== false);
  const options = { trustedRegistries: config.trustedRegistries ?? null };

  for (const problem of project.problems) {
    const file = project.byPath.get(problem.path);
    pending.push({ meta: PARSE_ERROR, path: problem.path, report: { range: problem.range, message: problem.message, scope: 'file' }, lines: file?.lines ?? [] });
  }
  for (const unread of project.unread) {
    const meta = unread.reason.startsWith('binary') ? PARSE_ERROR : FILE_NOT_REVIEWED;
    const message = meta === PARSE_ERROR ? `not a text file (${unread.reason}): Docker cannot read it` : `not reviewed: ${unread.reason}`;
    pending.push({ meta, path: unread.path, report: { range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, message, scope: 'file' }, lines: [] });
  }

  const ruleTime = process.env.DOCKER_REVIEW_TIMING ? new Map<string, number>() : null;
  const broken = new Set(project.problems.filter((p) => p.message.startsWith('invalid YAML') || p.message.startsWith('YAML rejected')).map((p) => p.path));
  for (const file of project.files) {
    if (broken.has(file.path)) continue;
    const fileRules = enabled.filter((rule) => rule.meta.appliesTo === file.kind);
    const fileStarted = performance.now();
    for (const [index, rule] of fileRules.entries()) {
      const spent = performance.now() - fileStarted;
      if (index > 0 && spent > fileBudgetMs) {
        pending.push({ meta: FILE_NOT_REVIEWED, path: file.path, report: { range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, message: budgetMessage(fileRules.slice(index), fileBudgetMs), scope: 'file' }, lines: file.lines });
        break;
      }
      const ctx: RuleContext<ParsedFile> = {
        file,
        project,
        options,
        report: (report) => {
          for (const value of report.secrets ?? []) secrets.add(value);
          if (report.in !== undefined && report.in !== file.path) return;
          // A place judged through several services or views (a merged anchor, an included file) is reported once.
          const r = report.range;
          const id = `${rule.meta.id}\0${file.path}\0${r.line}:${r.column}:${r.endLine}:${r.endColumn}\0${report.message}`;
          if (seenReports.has(id)) return;
          seenReports.add(id);
          reported.add(rule.meta.id);
          const { in: _in, ...rest } = report;
          pending.push({ meta: rule.meta, path: file.path, report: rest, lines: file.lines });
        },
        applies: () => applied.add(rule.meta.id),
      };
      const started = ruleTime ? performance.now() : 0;
      try {
        rule.check(ctx as never);
      } catch (error) {
        ruleErrors.push({ ruleId: rule.meta.id, path: file.path, message: (error as Error).stack ?? String(error) });
      }
      if (ruleTime) ruleTime.set(rule.meta.id, (ruleTime.get(rule.meta.id) ?? 0) + performance.now() - started);
    }
  }

  if (ruleTime) {
    const slowest = [...ruleTime].sort((a, b) => b[1] - a[1]).slice(0, 12);
    process.stderr.write(`timing: slowest rules ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ')}\n`);
  }
  const suppressionCache = new Map<string, ReturnType<typeof suppressionsOf> | null>();
  const suppressed = (p: Pending) => {
    let s = suppressionCache.get(p.path);
    if (s === undefined) {
      const file = project.byPath.get(p.path);
      // Only files that mention a directive or a peer's pragma are scanned for comments (by their parser) at all.
      s = file && MAY_SUPPRESS.test(file.text) ? suppressionsOf(file, { hadolintPragmas: config.hadolintPragmas }) : null;
      suppressionCache.set(p.path, s);
    }
    return s !== null && s.suppresses(p.meta, p.report.range.line);
  };

  // Values of secret-named variables anywhere in the project are masked too, whether or not a rule flagged them.
  secrets.addAll(projectSecrets(project));
  secrets.deleteAll(projectNames(project));
  const findings = finalize(pending.filter((p) => !suppressed(p)), config).map((f) => redactFinding(f, secrets));
  const clean = new Set([...applied].filter((id) => !reported.has(id)));
  return { findings, clean, ruleErrors: ruleErrors.map((e) => ({ ...e, message: secrets.redact(e.message) })), secrets };
}

function budgetMessage(skipped: AnyRule[], budget: number): string {
  const ids = skipped.map((r) => `\`${r.meta.id}\``);
  const named = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  return `review cut short: the rules went over this file's time budget of ${budget} ms, so ${skipped.length} rule${skipped.length === 1 ? '' : 's'} did not run on it (${named}); the findings of the rules that ran stand, and other files are not affected`;
}

function finalize(pending: Pending[], config: ResolvedConfig): Finding[] {
  pending.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.report.range.line - b.report.range.line || a.report.range.column - b.report.range.column || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0)));
  const occurrences = new Map<string, number>();
  return pending.map(({ meta, path, report, lines }) => {
    const key = report.key ?? normalizeKey(lines[report.range.line - 1] ?? '');
    const slot = `${meta.id}\0${path}\0${key}`;
    const n = occurrences.get(slot) ?? 0;
    occurrences.set(slot, n + 1);
    const { range } = report;
    return {
      ruleId: meta.id,
      title: meta.title,
      priority: config.rules.get(meta.id)?.priority ?? meta.priority,
      category: meta.category,
      path,
      line: range.line,
      endLine: range.endLine,
      column: range.column,
      endColumn: range.endColumn,
      message: report.message,
      hint: report.hint ?? null,
      equivalents: meta.equivalents,
      fingerprint: fingerprint(meta.id, path, key, n),
      fix: report.fix ?? null,
      related: report.related ?? [],
      scope: report.scope ?? 'line',
    };
  });
}
