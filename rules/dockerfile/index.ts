// Dockerfile rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import apkNoCache from './apk-no-cache.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptListsNotCleaned from './apt-lists-not-cleaned.js';
import aptNoInstallRecommends from './apt-no-install-recommends.js';
import aptUpdateAlone from './apt-update-alone.js';
import aptUseAptGet from './apt-use-apt-get.js';
import baseImageUnpinned from './base-image-unpinned.js';
import cdInsteadOfWorkdir from './cd-instead-of-workdir.js';
import chmodWorldWritable from './chmod-world-writable.js';
import cleartextDownload from './cleartext-download.js';
import consecutiveRun from './consecutive-run.js';
import consistentInstructionCasing from './consistent-instruction-casing.js';
import copyAllBeforeInstall from './copy-all-before-install.js';
import copyFromInvalid from './copy-from-invalid.js';
import curlPipeShell from './curl-pipe-shell.js';
import execFormCmd from './exec-form-cmd.js';
import exposeInvalid from './expose-invalid.js';
import exposeProtoCasing from './expose-proto-casing.js';
import exposeSsh from './expose-ssh.js';
import fromAsCasing from './from-as-casing.js';
import healthcheckMissing from './healthcheck-missing.js';
import insecureDownload from './insecure-download.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multipleHealthcheckCmdEntrypoint from './multiple-healthcheck-cmd-entrypoint.js';
import packageManagerCache from './package-manager-cache.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipefailMissing from './pipefail-missing.js';
import pointlessCommands from './pointless-commands.js';
import runNoEffect from './run-no-effect.js';
import secretInArgEnv from './secret-in-arg-env.js';
import stageNameIssues from './stage-name-issues.js';
import sudoInRun from './sudo-in-run.js';
import unpinnedPackages from './unpinned-packages.js';
import userRoot from './user-root.js';
import useraddWithoutL from './useradd-without-l.js';
import wgetCurlBoth from './wget-curl-both.js';
import workdirRelative from './workdir-relative.js';

export const dockerfileRules: AnyRule[] = [
  addInsteadOfCopy,
  apkNoCache,
  aptGetMissingYes,
  aptListsNotCleaned,
  aptNoInstallRecommends,
  aptUpdateAlone,
  aptUseAptGet,
  baseImageUnpinned,
  cdInsteadOfWorkdir,
  chmodWorldWritable,
  cleartextDownload,
  consecutiveRun,
  consistentInstructionCasing,
  copyAllBeforeInstall,
  copyFromInvalid,
  curlPipeShell,
  execFormCmd,
  exposeInvalid,
  exposeProtoCasing,
  exposeSsh,
  fromAsCasing,
  healthcheckMissing,
  insecureDownload,
  maintainerDeprecated,
  multipleHealthcheckCmdEntrypoint,
  packageManagerCache,
  pipNoCacheDir,
  pipefailMissing,
  pointlessCommands,
  runNoEffect,
  secretInArgEnv,
  stageNameIssues,
  sudoInRun,
  unpinnedPackages,
  userRoot,
  useraddWithoutL,
  wgetCurlBoth,
  workdirRelative,
];
