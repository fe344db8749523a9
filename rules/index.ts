// Every rule docker-review knows, by family.
import type { AnyRule } from '../src/engine/rule.js';
import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';

export const allRules: AnyRule[] = [...dockerfileRules, ...composeRules];
