import noAggressiveLivenessProbe from './no-aggressive-liveness-probe';
import noBlockingPodDisruptionBudget from './no-blocking-pod-disruption-budget';
import noHpaMinEqualsMax from './no-hpa-min-equals-max';
import noIdenticalLivenessReadiness from './no-identical-liveness-readiness';
import noReplicasWithHpa from './no-replicas-with-hpa';
import noStalledRollingUpdate from './no-stalled-rolling-update';
import noUndeclaredProbePort from './no-undeclared-probe-port';
import noUnknownHpaTarget from './no-unknown-hpa-target';
import requireHpaMinReplicas from './require-hpa-min-replicas';
import requireLivenessProbe from './require-liveness-probe';
import requireMatchingSelector from './require-matching-selector';
import requireMultipleReplicas from './require-multiple-replicas';
import requirePodAntiAffinity from './require-pod-anti-affinity';
import requirePodDisruptionBudget from './require-pod-disruption-budget';
import requirePreStopHook from './require-pre-stop-hook';
import requireReadinessProbe from './require-readiness-probe';
import requireStartupProbe from './require-startup-probe';

export default [
  noAggressiveLivenessProbe, noBlockingPodDisruptionBudget, noHpaMinEqualsMax, noIdenticalLivenessReadiness, noReplicasWithHpa,
  noStalledRollingUpdate, noUndeclaredProbePort, noUnknownHpaTarget, requireHpaMinReplicas, requireLivenessProbe,
  requireMatchingSelector, requireMultipleReplicas, requirePodAntiAffinity, requirePodDisruptionBudget, requirePreStopHook,
  requireReadinessProbe, requireStartupProbe,
];
