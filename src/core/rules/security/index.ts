import noAddedCapabilities from './no-added-capabilities';
import noAutomountServiceAccountToken from './no-automount-service-account-token';
import noCustomSelinuxOptions from './no-custom-selinux-options';
import noDefaultNamespace from './no-default-namespace';
import noDefaultServiceAccount from './no-default-service-account';
import noHostNamespaces from './no-host-namespaces';
import noHostPathVolume from './no-host-path-volume';
import noHostPort from './no-host-port';
import noHostProcess from './no-host-process';
import noInvalidSecretData from './no-invalid-secret-data';
import noPrivilegeEscalation from './no-privilege-escalation';
import noPrivilegedContainer from './no-privileged-container';
import noRestrictedVolumeTypes from './no-restricted-volume-types';
import noSecretInEnv from './no-secret-in-env';
import noSecretLiterals from './no-secret-literals';
import noUnconfinedApparmor from './no-unconfined-apparmor';
import noUnmaskedProcMount from './no-unmasked-proc-mount';
import noUnsafeSysctls from './no-unsafe-sysctls';
import requireDropAllCapabilities from './require-drop-all-capabilities';
import requireReadOnlyRootFilesystem from './require-read-only-root-filesystem';
import requireRunAsNonRoot from './require-run-as-non-root';
import requireSeccompProfile from './require-seccomp-profile';

export default [
  noAddedCapabilities, noAutomountServiceAccountToken, noCustomSelinuxOptions, noDefaultNamespace, noDefaultServiceAccount,
  noHostNamespaces, noHostPathVolume, noHostPort, noHostProcess, noInvalidSecretData, noPrivilegeEscalation, noPrivilegedContainer,
  noRestrictedVolumeTypes, noSecretInEnv, noSecretLiterals, noUnconfinedApparmor, noUnmaskedProcMount, noUnsafeSysctls,
  requireDropAllCapabilities, requireReadOnlyRootFilesystem, requireRunAsNonRoot, requireSeccompProfile,
];
