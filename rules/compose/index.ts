// Compose rules, one module each. Keep alphabetical.
import type { AnyRule } from '../../src/engine/rule.js';
import composeBuildAndImage from './compose-build-and-image.js';
import composeCapDrop from './compose-cap-drop.js';
import composeCgroupParent from './compose-cgroup-parent.js';
import composeContainerNameInvalid from './compose-container-name-invalid.js';
import composeCpusUnlimited from './compose-cpus-unlimited.js';
import composeDatabasePortPublished from './compose-database-port-published.js';
import composeDependsOnNoCondition from './compose-depends-on-no-condition.js';
import composeDependsOnOrder from './compose-depends-on-order.js';
import composeDockerSocket from './compose-docker-socket.js';
import composeEnvironmentDuplicated from './compose-environment-duplicated.js';
import composeFrontendOnBackendNetwork from './compose-frontend-on-backend-network.js';
import composeGpuReservation from './compose-gpu-reservation.js';
import composeGpuRuntimeLegacy from './compose-gpu-runtime-legacy.js';
import composeHardcodedSecret from './compose-hardcoded-secret.js';
import composeHealthcheckMissing from './compose-healthcheck-missing.js';
import composeHostNamespaces from './compose-host-namespaces.js';
import composeHostPortConflict from './compose-host-port-conflict.js';
import composeImageUnpinned from './compose-image-unpinned.js';
import composeLocalhostUrl from './compose-localhost-url.js';
import composeLoggingUnbounded from './compose-logging-unbounded.js';
import composeMountPropagation from './compose-mount-propagation.js';
import composeNoNewPrivileges from './compose-no-new-privileges.js';
import composePidsLimitMissing from './compose-pids-limit-missing.js';
import composePortUnboundInterface from './compose-port-unbound-interface.js';
import composePortUnquoted from './compose-port-unquoted.js';
import composePrivileged from './compose-privileged.js';
import composePrivilegedPort from './compose-privileged-port.js';
import composeReadOnly from './compose-read-only.js';
import composeResourcesUnlimited from './compose-resources-unlimited.js';
import composeRestartMissing from './compose-restart-missing.js';
import composeRestartOnFailureUnbounded from './compose-restart-on-failure-unbounded.js';
import composeRootForced from './compose-root-forced.js';
import composeSchema from './compose-schema.js';
import composeSensitiveHostMount from './compose-sensitive-host-mount.js';
import composeServiceKeysOrder from './compose-service-keys-order.js';
import composeServicesOrder from './compose-services-order.js';
import composeSharedVolume from './compose-shared-volume.js';
import composeTmpfsNoSize from './compose-tmpfs-no-size.js';
import composeTopLevelOrder from './compose-top-level-order.js';
import composeVersionObsolete from './compose-version-obsolete.js';
import composeVolumeQuoted from './compose-volume-quoted.js';

export const composeRules: AnyRule[] = [
  composeBuildAndImage,
  composeCapDrop,
  composeCgroupParent,
  composeContainerNameInvalid,
  composeCpusUnlimited,
  composeDatabasePortPublished,
  composeDependsOnNoCondition,
  composeDependsOnOrder,
  composeDockerSocket,
  composeEnvironmentDuplicated,
  composeFrontendOnBackendNetwork,
  composeGpuReservation,
  composeGpuRuntimeLegacy,
  composeHardcodedSecret,
  composeHealthcheckMissing,
  composeHostNamespaces,
  composeHostPortConflict,
  composeImageUnpinned,
  composeLocalhostUrl,
  composeLoggingUnbounded,
  composeMountPropagation,
  composeNoNewPrivileges,
  composePidsLimitMissing,
  composePortUnboundInterface,
  composePortUnquoted,
  composePrivileged,
  composePrivilegedPort,
  composeReadOnly,
  composeResourcesUnlimited,
  composeRestartMissing,
  composeRestartOnFailureUnbounded,
  composeRootForced,
  composeSchema,
  composeSensitiveHostMount,
  composeServiceKeysOrder,
  composeServicesOrder,
  composeSharedVolume,
  composeTmpfsNoSize,
  composeTopLevelOrder,
  composeVersionObsolete,
  composeVolumeQuoted,
];
