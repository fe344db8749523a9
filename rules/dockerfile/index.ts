// Dockerfile rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import maintainerDeprecated from './maintainer-deprecated.js';

export const dockerfileRules: AnyRule[] = [maintainerDeprecated];
