// Dockerfile rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import baseImageUnpinned from './base-image-unpinned.js';
import consistentInstructionCasing from './consistent-instruction-casing.js';
import copyAllBeforeInstall from './copy-all-before-install.js';
import copyFromInvalid from './copy-from-invalid.js';
import execFormCmd from './exec-form-cmd.js';
import exposeInvalid from './expose-invalid.js';
import exposeProtoCasing from './expose-proto-casing.js';
import exposeSsh from './expose-ssh.js';
import fromAsCasing from './from-as-casing.js';
import healthcheckMissing from './healthcheck-missing.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multipleHealthcheckCmdEntrypoint from './multiple-healthcheck-cmd-entrypoint.js';
import secretInArgEnv from './secret-in-arg-env.js';
import stageNameIssues from './stage-name-issues.js';
import userRoot from './user-root.js';
import workdirRelative from './workdir-relative.js';

export const dockerfileRules: AnyRule[] = [
  addInsteadOfCopy,
  baseImageUnpinned,
  consistentInstructionCasing,
  copyAllBeforeInstall,
  copyFromInvalid,
  execFormCmd,
  exposeInvalid,
  exposeProtoCasing,
  exposeSsh,
  fromAsCasing,
  healthcheckMissing,
  maintainerDeprecated,
  multipleHealthcheckCmdEntrypoint,
  secretInArgEnv,
  stageNameIssues,
  userRoot,
  workdirRelative,
];
