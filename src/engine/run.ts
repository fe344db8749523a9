// Runs the enabled rules over a project and turns their reports into findings.
import type { ResolvedConfig } from './config.js';
import { fingerprint, normalizeKey } from './fingerprint.js';
import { FILE_NOT_REVIEWED, PARSE_ERROR } from './builtin.js';
import type { AnyRule, RuleContext } from './rule.js';
import { MAY_SUPPRESS, suppressionsOf } from './suppressions.js';
import type { Finding, RuleMeta, RuleReport } from './types.js';
import type { ParsedFile, Project } from '../model/project.js';

export interface RunResult {
  findings: Finding[];
  /** Rules that applied to something and found nothing, per rule id. */
  clean: Set<string>;
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { ruleId: string; path: string; message: string }[];
}

interface Pending {
  meta: RuleMeta;
  path: string;
  report: RuleReport;
  lines: string[];
}

export function runRules(project: Project, rules: AnyRule[], config: ResolvedConfig): RunResult {
  const pending: Pending[] = [];
  const applied = new Set<string>();
  const reported = new Set<string>();
  const ruleErrors: RunResult['ruleErrors'] = [];
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
    for (const rule of enabled) {
      if (rule.meta.appliesTo !== file.kind) continue;
      const ctx: RuleContext<ParsedFile> = {
        file,
        project,
        options,
        report: (report) => {
          reported.add(rule.meta.id);
          pending.push({ meta: rule.meta, path: file.path, report, lines: file.lines });
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

  const findings = finalize(pending.filter((p) => !suppressed(p)), config);
  const clean = new Set([...applied].filter((id) => !reported.has(id)));
  return { findings, clean, ruleErrors };
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
