// Compose rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import composeBuildAndImage from './compose-build-and-image.js';
import composeCapDrop from './compose-cap-drop.js';
import composeDatabasePortPublished from './compose-database-port-published.js';
import composeDependsOnNoCondition from './compose-depends-on-no-condition.js';
import composeDockerSocket from './compose-docker-socket.js';
import composeHardcodedSecret from './compose-hardcoded-secret.js';
import composeHealthcheckMissing from './compose-healthcheck-missing.js';
import composeHostNamespaces from './compose-host-namespaces.js';
import composeImageUnpinned from './compose-image-unpinned.js';
import composeLoggingUnbounded from './compose-logging-unbounded.js';
import composeNoNewPrivileges from './compose-no-new-privileges.js';
import composePidsLimitMissing from './compose-pids-limit-missing.js';
import composePortUnboundInterface from './compose-port-unbound-interface.js';
import composePrivileged from './compose-privileged.js';
import composePrivilegedPort from './compose-privileged-port.js';
import composeReadOnly from './compose-read-only.js';
import composeResourcesUnlimited from './compose-resources-unlimited.js';
import composeRestartMissing from './compose-restart-missing.js';
import composeRootForced from './compose-root-forced.js';
import composeSchema from './compose-schema.js';
import composeSensitiveHostMount from './compose-sensitive-host-mount.js';
import composeVersionObsolete from './compose-version-obsolete.js';

export const composeRules: AnyRule[] = [
  composeBuildAndImage,
  composeCapDrop,
  composeDatabasePortPublished,
  composeDependsOnNoCondition,
  composeDockerSocket,
  composeHardcodedSecret,
  composeHealthcheckMissing,
  composeHostNamespaces,
  composeImageUnpinned,
  composeLoggingUnbounded,
  composeNoNewPrivileges,
  composePidsLimitMissing,
  composePortUnboundInterface,
  composePrivileged,
  composePrivilegedPort,
  composeReadOnly,
  composeResourcesUnlimited,
  composeRestartMissing,
  composeRootForced,
  composeSchema,
  composeSensitiveHostMount,
  composeVersionObsolete,
];
