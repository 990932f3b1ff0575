import noAddedCapabilities from './no-added-capabilities';
import noCustomSelinuxOptions from './no-custom-selinux-options';
import noHostNamespaces from './no-host-namespaces';
import noHostPathVolume from './no-host-path-volume';
import noHostPort from './no-host-port';
import noHostProcess from './no-host-process';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivilegedContainer from './no-privileged-container';
import noRestrictedVolumeTypes from './no-restricted-volume-types';
import noUnconfinedApparmor from './no-unconfined-apparmor';
import noUnmaskedProcMount from './no-unmasked-proc-mount';
import noUnsafeSysctls from './no-unsafe-sysctls';
import requireDropAllCapabilities from './require-drop-all-capabilities';
import requireReadOnlyRootFilesystem from './require-read-only-root-filesystem';
import requireRunAsNonRoot from './require-run-as-non-root';
import requireSeccompProfile from './require-seccomp-profile';

export default [
  noAddedCapabilities, noCustomSelinuxOptions, noHostNamespaces, noHostPathVolume, noHostPort, noHostProcess, noPrivilegeEscalation,
  noPrivilegedContainer, noRestrictedVolumeTypes, noUnconfinedApparmor, noUnmaskedProcMount, noUnsafeSysctls,
  requireDropAllCapabilities, requireReadOnlyRootFilesystem, requireRunAsNonRoot, requireSeccompProfile,
];
