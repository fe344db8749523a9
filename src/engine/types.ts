// The vocabulary every stage shares: priorities, ranges, findings and the shape of a rule.

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CATEGORIES = ['security', 'reliability', 'correctness', 'efficiency', 'maintainability'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Peer tools whose rule IDs a rule declares as equivalent. */
export const PEERS = ['hadolint', 'buildkit', 'checkov', 'trivy', 'kics', 'dclint', 'semgrep', 'sonar'] as const;
export type Peer = (typeof PEERS)[number];
export type Equivalents = Partial<Record<Peer, string[]>>;

export type FileKind = 'dockerfile' | 'compose' | 'dockerignore' | 'nginx' | 'env';

/** 1-based lines and columns; `endColumn` is exclusive (the column just after the last character), as in SARIF. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Replace whole lines `line`..`endLine` (1-based, inclusive) by `replacement` (lines joined by "\n"; "" deletes them). */
export interface Fix {
  line: number;
  endLine: number;
  replacement: string;
}

export interface Related {
  path: string;
  line: number;
  message: string;
}

export interface RuleMeta {
  /** kebab-case, unique across all rules; the name used in config and suppressions. */
  id: string;
  title: string;
  priority: Priority;
  category: Category;
  /** Why it matters, in one or two sentences (shown in reports and SARIF help). */
  rationale: string;
  /** True when the rule attaches a mechanical `fix` to (at least some of) its findings. */
  fixable: boolean;
  equivalents: Equivalents;
  /** The kind of file the rule checks. */
  appliesTo: FileKind;
  /** Rules that are a matter of taste are off until configured on. */
  enabledByDefault?: boolean;
  /** Shown under "strengths" when the rule applied to something (`ctx.applies()`) and found nothing. */
  strength?: string;
}

/** What a rule reports; the engine adds path, priority, fingerprint and the rest. */
export interface RuleReport {
  range: Range;
  /**
   * The repository path `range` is in, when a rule judging a merged compose project points into another of its
   * files (an override, an included or extended file). The engine keeps only reports in the file being checked:
   * each file is checked in turn, so every place is reported once, from the file that wrote it. Default: that file.
   */
  in?: string;
  message: string;
  /** How to fix it, in words, when there is no mechanical fix or in addition to it. */
  hint?: string;
  fix?: Fix;
  related?: Related[];
  /**
   * What identifies this finding independently of its line (e.g. `service:web`), so fingerprints survive edits
   * elsewhere in the file. Defaults to the normalised text of the first flagged line.
   */
  key?: string;
  /** 'file' findings concern the file as a whole (e.g. "no HEALTHCHECK"): kept in diff mode whenever the file changed. */
  scope?: 'line' | 'file';
  /**
   * Secret values the rule saw (a password, a token, a key): never shown. The engine masks them in every finding's
   * text, drops fixes that would repeat them, and the reports, logs and the action's `core.setSecret` hide them.
   */
  secrets?: string[];
}

export interface Finding {
  ruleId: string;
  title: string;
  priority: Priority;
  category: Category;
  path: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  message: string;
  hint: string | null;
  equivalents: Equivalents;
  fingerprint: string;
  fix: Fix | null;
  related: Related[];
  scope: 'line' | 'file';
}
