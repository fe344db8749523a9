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
import binShSymlink from './bin-sh-symlink.js';
import cdInsteadOfWorkdir from './cd-instead-of-workdir.js';
import chmodWorldWritable from './chmod-world-writable.js';
import cleartextDownload from './cleartext-download.js';
import consecutiveRun from './consecutive-run.js';
import consistentInstructionCasing from './consistent-instruction-casing.js';
import copyAllBeforeInstall from './copy-all-before-install.js';
import copyDestMissingSlash from './copy-dest-missing-slash.js';
import copyFromInvalid from './copy-from-invalid.js';
import copyFromRootFilesystem from './copy-from-root-filesystem.js';
import copyIgnoredFile from './copy-ignored-file.js';
import copyRelativeNoWorkdir from './copy-relative-no-workdir.js';
import copyThenExtractArchive from './copy-then-extract-archive.js';
import copyWholeContext from './copy-whole-context.js';
import curlPipeShell from './curl-pipe-shell.js';
import debugEnvEnabled from './debug-env-enabled.js';
import distUpgrade from './dist-upgrade.js';
import emptyContinuationLine from './empty-continuation-line.js';
import envReferenceSameInstruction from './env-reference-same-instruction.js';
import execFormCmd from './exec-form-cmd.js';
import exposeInvalid from './expose-invalid.js';
import exposeProtoCasing from './expose-proto-casing.js';
import exposeSsh from './expose-ssh.js';
import fromAsCasing from './from-as-casing.js';
import fromPlatformConstant from './from-platform-constant.js';
import healthcheckMissing from './healthcheck-missing.js';
import insecureDownload from './insecure-download.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidDefinitionDescription from './invalid-definition-description.js';
import jsonFormInvalid from './json-form-invalid.js';
import labelKeyInvalid from './label-key-invalid.js';
import labelSchema from './label-schema.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multipleHealthcheckCmdEntrypoint from './multiple-healthcheck-cmd-entrypoint.js';
import onbuildForbiddenTrigger from './onbuild-forbidden-trigger.js';
import packageManagerCache from './package-manager-cache.js';
import passwordInRun from './password-in-run.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipefailMissing from './pipefail-missing.js';
import pointlessCommands from './pointless-commands.js';
import redundantTargetPlatform from './redundant-target-platform.js';
import runNetworkHost from './run-network-host.js';
import runNoEffect from './run-no-effect.js';
import runSecurityInsecure from './run-security-insecure.js';
import secretInArgEnv from './secret-in-arg-env.js';
import secretMountWorldReadable from './secret-mount-world-readable.js';
import stageNameCasing from './stage-name-casing.js';
import stageNameIssues from './stage-name-issues.js';
import sudoInRun from './sudo-in-run.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import undefinedVariable from './undefined-variable.js';
import unpinnedPackages from './unpinned-packages.js';
import untrustedRegistry from './untrusted-registry.js';
import userNonNumeric from './user-non-numeric.js';
import userRoot from './user-root.js';
import useraddWithoutL from './useradd-without-l.js';
import wgetCurlBoth from './wget-curl-both.js';
import wgetNoProgress from './wget-no-progress.js';
import workdirRelative from './workdir-relative.js';
import workdirSystemDir from './workdir-system-dir.js';

export const dockerfileRules: AnyRule[] = [
  addInsteadOfCopy,
  apkNoCache,
  aptGetMissingYes,
  aptListsNotCleaned,
  aptNoInstallRecommends,
  aptUpdateAlone,
  aptUseAptGet,
  baseImageUnpinned,
  binShSymlink,
  cdInsteadOfWorkdir,
  chmodWorldWritable,
  cleartextDownload,
  consecutiveRun,
  consistentInstructionCasing,
  copyAllBeforeInstall,
  copyDestMissingSlash,
  copyFromInvalid,
  copyFromRootFilesystem,
  copyIgnoredFile,
  copyRelativeNoWorkdir,
  copyThenExtractArchive,
  copyWholeContext,
  curlPipeShell,
  debugEnvEnabled,
  distUpgrade,
  emptyContinuationLine,
  envReferenceSameInstruction,
  execFormCmd,
  exposeInvalid,
  exposeProtoCasing,
  exposeSsh,
  fromAsCasing,
  fromPlatformConstant,
  healthcheckMissing,
  insecureDownload,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonFormInvalid,
  labelKeyInvalid,
  labelSchema,
  legacyKeyValueFormat,
  maintainerDeprecated,
  multipleHealthcheckCmdEntrypoint,
  onbuildForbiddenTrigger,
  packageManagerCache,
  passwordInRun,
  pipNoCacheDir,
  pipefailMissing,
  pointlessCommands,
  redundantTargetPlatform,
  runNetworkHost,
  runNoEffect,
  runSecurityInsecure,
  secretInArgEnv,
  secretMountWorldReadable,
  stageNameCasing,
  stageNameIssues,
  sudoInRun,
  undefinedArgInFrom,
  undefinedVariable,
  unpinnedPackages,
  untrustedRegistry,
  userNonNumeric,
  userRoot,
  useraddWithoutL,
  wgetCurlBoth,
  wgetNoProgress,
  workdirRelative,
  workdirSystemDir,
];
