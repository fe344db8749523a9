// Findings the engine itself raises: files that do not parse or could not be reviewed.
import type { RuleMeta } from './types.js';

export const PARSE_ERROR: RuleMeta = {
  id: 'parse-error',
  title: 'File does not parse',
  priority: 'critical',
  category: 'correctness',
  rationale: 'Docker or Compose refuses a file it cannot parse, so nothing it describes can be built or started.',
  fixable: false,
  equivalents: { dclint: ['invalid-yaml'], hadolint: ['DL1000', 'DL3061'] },
  appliesTo: 'dockerfile',
};

export const FILE_NOT_REVIEWED: RuleMeta = {
  id: 'file-not-reviewed',
  title: 'File could not be reviewed',
  priority: 'low',
  category: 'maintainability',
  rationale:
    'A file that is too large, over the review\'s total byte budget, unreadable, or whose rules ran past its time budget is skipped (in part or in whole) so it cannot stall the review of the others; it still deserves a look.',
  fixable: false,
  equivalents: {},
  appliesTo: 'dockerfile',
};

export const BUILTIN_META = [PARSE_ERROR, FILE_NOT_REVIEWED];
