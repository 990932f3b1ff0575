/**
 * @fileoverview no-cluster-admin-binding: nothing is bound to `cluster-admin`, above all not a
 * ServiceAccount or everyone (`system:authenticated`, `system:unauthenticated`, `system:anonymous`).
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

const EVERYONE = ['system:authenticated', 'system:unauthenticated', 'system:anonymous'];

export default defineRule({
  id: 'no-cluster-admin-binding',
  category: 'rbac',
  severity: 'warning',
  title: 'Nothing should be bound to cluster-admin',
  docs: {
    description: 'Reports RoleBindings and ClusterRoleBindings that grant the `cluster-admin` ClusterRole: a warning for users and groups, an error for ServiceAccounts and for the groups `system:authenticated`, `system:unauthenticated` and the user `system:anonymous`.',
    rationale: '`cluster-admin` can do anything, everywhere: read every Secret, run privileged pods, grant itself more. A ServiceAccount token holding it is one stolen file away from a lost cluster (a compromised pod is enough); bound to `system:authenticated` or `system:anonymous`, it gives the cluster to anyone who can reach the API server.',
    remediation: 'Bind a Role or ClusterRole that lists only what the subject needs (`view`, `edit`, or your own); for people, prefer `admin` through a RoleBinding in their namespace. Keep `cluster-admin` for break-glass users.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    examples: {
      invalid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: dashboard-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: ServiceAccount\n  name: kubernetes-dashboard\n  namespace: kubernetes-dashboard\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: dashboard-view\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: kubernetes-dashboard\n  namespace: kubernetes-dashboard\n'],
    },
  },
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  messages: {
    bound: 'This binding grants cluster-admin{{scope}} to {{subjects}}: full control, including every Secret and the power to grant more. Bind a role that lists only what is needed.',
    serviceAccount: 'ServiceAccount "{{name}}" gets cluster-admin{{scope}}: any pod running as it (or anyone who steals its token) controls the cluster. Bind a role that lists only what this workload needs.',
    everyone: '"{{name}}" gets cluster-admin{{scope}}: that is everyone who can reach the API server{{who}}. Remove this subject.',
  },
  check(ctx) {
    const o = ctx.manifest.object;
    if (!isRecord(o.roleRef) || o.roleRef.kind !== 'ClusterRole' || o.roleRef.name !== 'cluster-admin') return;
    const scope = ctx.manifest.kind === 'RoleBinding' ? ` in namespace "${ctx.namespace}"` : ' on the whole cluster';
    const subjects = Array.isArray(o.subjects) ? o.subjects : [];
    let specific = false;
    subjects.forEach((s, i) => {
      if (!isRecord(s) || typeof s.name !== 'string') return;
      if (s.kind === 'ServiceAccount') {
        specific = true;
        ctx.report({ path: ['subjects', i, 'name'], messageId: 'serviceAccount', severity: 'error', data: { name: s.name, scope } });
      } else if (EVERYONE.includes(s.name) && (s.kind === 'Group' || s.kind === 'User')) {
        specific = true;
        const who = s.name === 'system:authenticated' ? ' with any valid credential' : ', even without credentials';
        ctx.report({ path: ['subjects', i, 'name'], messageId: 'everyone', severity: 'error', data: { name: s.name, scope, who } });
      }
    });
    if (specific) return;
    const names = subjects.filter(isRecord).map((s) => `${String(s.kind)} "${String(s.name)}"`);
    ctx.report({ path: ['roleRef', 'name'], messageId: 'bound', data: { scope, subjects: names.length ? names.join(', ') : 'its subjects' } });
  },
});
