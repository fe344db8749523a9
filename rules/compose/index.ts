// Compose rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import composeVersionObsolete from './compose-version-obsolete.js';

export const composeRules: AnyRule[] = [composeVersionObsolete];
