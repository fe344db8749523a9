// Every rule docker-review knows, by family.
import type { AnyRule } from '../src/engine/rule.js';
import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { projectRules } from './project/index.js';

/** Rules by family: the folder under rules/ each one lives in (its module, doc page and tests). */
export const ruleFamilies: Record<string, AnyRule[]> = { dockerfile: dockerfileRules, compose: composeRules, project: projectRules };

export const allRules: AnyRule[] = [...dockerfileRules, ...composeRules, ...projectRules];
