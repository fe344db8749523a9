// The action's inputs (action.yml), validated; a bad value is an error naming the input.
import { DEFAULT_CONFIG_PATH, FAIL_ON, type FailOn } from '../engine/config.js';
import { FILTER_MODES, type FilterMode } from './scope.js';

export interface ActionInputs {
  token: string;
  paths: string[];
  configPath: string;
  /** null: the configuration's fail-on (default critical). */
  failOn: FailOn | null;
  filterMode: FilterMode;
  maxComments: number;
  checkName: string;
  trackingIssue: boolean;
  /** false: check run and summary only, no inline review. */
  comments: boolean;
}

export class InputError extends Error {}

export const DEFAULT_MAX_COMMENTS = 30;
export const DEFAULT_CHECK_NAME = 'Docker Review';

export function readInputs(get: (name: string) => string): ActionInputs {
  const value = (name: string) => (get(name) ?? '').trim();
  const failOn = value('fail-on').toLowerCase();
  if (failOn && !(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`input fail-on must be one of ${FAIL_ON.join(', ')} (got \`${failOn}\`)`);
  const filterMode = (value('filter-mode') || 'added').toLowerCase().replace(/-/g, '_');
  if (!(FILTER_MODES as readonly string[]).includes(filterMode)) throw new InputError(`input filter-mode must be one of ${FILTER_MODES.join(', ')} (got \`${value('filter-mode')}\`)`);
  const maxRaw = value('max-comments') || String(DEFAULT_MAX_COMMENTS);
  const maxComments = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || !Number.isSafeInteger(maxComments)) throw new InputError(`input max-comments must be a whole number ≥ 0 (got \`${maxRaw}\`)`);
  const paths = (get('path') ?? '').split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  return {
    token: value('github-token'),
    paths: paths.length ? paths : ['.'],
    configPath: value('config') || DEFAULT_CONFIG_PATH,
    failOn: (failOn || null) as FailOn | null,
    filterMode: filterMode as FilterMode,
    maxComments,
    checkName: value('check-name') || DEFAULT_CHECK_NAME,
    trackingIssue: bool('tracking-issue', value('tracking-issue'), false),
    comments: bool('comments', value('comments'), true),
  };
}

function bool(name: string, raw: string, fallback: boolean): boolean {
  if (!raw) return fallback;
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new InputError(`input ${name} must be true or false (got \`${raw}\`)`);
}
