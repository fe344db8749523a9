// What a rule module exports, and the context it runs in.
import type { RuleOptions } from './config.js';
import type { FileKind, Range, RuleMeta, RuleReport } from './types.js';
import type { FileOfKind, Project } from '../model/project.js';

export interface RuleContext<F> {
  file: F;
  project: Project;
  /** The few settings rules may read (e.g. the trusted registries); never files or the network. */
  options: RuleOptions;
  /** Records a finding. */
  report(report: RuleReport): void;
  /** Declares that the rule found something to judge in this file (so a clean result counts as a strength). */
  applies(): void;
}

export interface Rule<K extends FileKind = FileKind> {
  meta: RuleMeta & { appliesTo: K };
  check(ctx: RuleContext<FileOfKind<K>>): void;
}

/** Identity helper that gives rule modules full typing from `appliesTo`. */
export function defineRule<K extends FileKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** A rule of any kind, as the registry and engine hold them. */
export interface AnyRule {
  meta: RuleMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine pairs each rule with files of its kind
  check(ctx: RuleContext<any>): void;
}

export type { Range, RuleReport };
