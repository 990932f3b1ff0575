import noLimitBelowRequest from './no-limit-below-request';
import requireEphemeralStorage from './require-ephemeral-storage';
import requireNamespaceQuota from './require-namespace-quota';
import requireResourceLimits from './require-resource-limits';
import requireResourceRequests from './require-resource-requests';

export default [noLimitBelowRequest, requireEphemeralStorage, requireNamespaceQuota, requireResourceLimits, requireResourceRequests];
