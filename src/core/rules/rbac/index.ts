import type { Rule } from '../types';
import noClusterAdminBinding from './no-cluster-admin-binding';
import noRbacEscalation from './no-rbac-escalation';
import noRbacSecretRead from './no-rbac-secret-read';
import noRbacWildcard from './no-rbac-wildcard';
import preferNamespacedRole from './prefer-namespaced-role';
import rbacRoleNotFound from './rbac-role-not-found';
import rbacSubjectNotFound from './rbac-subject-not-found';

export default [
  noClusterAdminBinding,
  noRbacEscalation,
  noRbacSecretRead,
  noRbacWildcard,
  preferNamespacedRole,
  rbacRoleNotFound,
  rbacSubjectNotFound,
] as Array<Rule<string, any>>;
