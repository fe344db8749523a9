// Cross-file rules (a compose service and the Dockerfile it builds, a Dockerfile and its .dockerignore, …), one
// module each. Each still has the file kind its findings are placed in. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import composeBuildArgMissing from './compose-build-arg-missing.js';
import composeBuildArgUnused from './compose-build-arg-unused.js';
import composeBuildTargetMissing from './compose-build-target-missing.js';
import composeDependsOnNoHealthcheck from './compose-depends-on-no-healthcheck.js';
import composeHealthcheckToolMissing from './compose-healthcheck-tool-missing.js';
import composePathMissing from './compose-path-missing.js';
import composePathOutsideRepo from './compose-path-outside-repo.js';
import composePortNotExposed from './compose-port-not-exposed.js';
import composeServiceNoImage from './compose-service-no-image.js';
import copySourceMissing from './copy-source-missing.js';
import healthcheckToolMissing from './healthcheck-tool-missing.js';
import nginxAddHeaderDropped from './nginx-add-header-dropped.js';
import nginxSecurityHeadersMissing from './nginx-security-headers-missing.js';
import nginxServerTokens from './nginx-server-tokens.js';
import nginxSyntaxError from './nginx-syntax-error.js';
import nginxUpstreamPort from './nginx-upstream-port.js';
import nginxUpstreamUnknown from './nginx-upstream-unknown.js';
import nginxWebsocketHeadersMissing from './nginx-websocket-headers-missing.js';

export const projectRules: AnyRule[] = [
  composeBuildArgMissing,
  composeBuildArgUnused,
  composeBuildTargetMissing,
  composeDependsOnNoHealthcheck,
  composeHealthcheckToolMissing,
  composePathMissing,
  composePathOutsideRepo,
  composePortNotExposed,
  composeServiceNoImage,
  copySourceMissing,
  healthcheckToolMissing,
  nginxAddHeaderDropped,
  nginxSecurityHeadersMissing,
  nginxServerTokens,
  nginxSyntaxError,
  nginxUpstreamPort,
  nginxUpstreamUnknown,
  nginxWebsocketHeadersMissing,
];
