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

/** A line the runner would take for a workflow command (`::set-output …`, `::add-mask::…`, legacy `##[…]`). */
const COMMAND_LINE = /^(\s*)(::|##\[)/gm;

/**
 * Text quoted from a reviewed file must never become a workflow command when logged: a zero-width space after the
 * first character of a line that would start one leaves it plain text.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(COMMAND_LINE, (_m, space: string, start: string) => `${space}${start[0]}\u200b${start.slice(1)}`);
}

/**
 * Every message through `inner`, with the secrets of the review and the token masked (`redact`), and lines that
 * would be workflow commands neutralised. Annotation titles and properties are masked too.
 */
export function guardedLogger(inner: Logger, redact: (text: string) => string): Logger {
  const safe = (text: string) => neutralizeCommands(redact(text));
  return {
    debug: (m) => inner.debug(safe(m)),
    info: (m) => inner.info(safe(m)),
    warning: (m) => inner.warning(safe(m)),
    annotate: (level, message, props) => inner.annotate(level, safe(message), { ...props, ...(props.title !== undefined ? { title: safe(props.title) } : {}) }),
  };
}
