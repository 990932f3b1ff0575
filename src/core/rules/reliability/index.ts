import requireLivenessProbe from './require-liveness-probe';
import requireReadinessProbe from './require-readiness-probe';

export default [requireLivenessProbe, requireReadinessProbe];
