// What the GitHub side needs from the runner's log: plain lines, and annotations as workflow commands.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** A workflow-command annotation (`::error file=…::message`), shown on the run and the PR's "Files changed". */
  annotate(level: AnnotationLevel, message: string, props: AnnotationProps): void;
}

/** A logger that drops everything (tests, and the base-branch review). */
export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, annotate() {} };
