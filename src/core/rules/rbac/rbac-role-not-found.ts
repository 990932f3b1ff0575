/**
 * @fileoverview rbac-role-not-found: the Role or ClusterRole a binding grants exists among the
 * inputs (built-in ClusterRoles excepted).
 */
import { defineRule } from '../types';
import { missingReferences } from '../references/reference-helpers';

export default defineRule({
  id: 'rbac-role-not-found',
  category: 'rbac',
  severity: 'error',
  title: 'A binding\'s role should exist',
  docs: {
    description: 'Reports a RoleBinding or ClusterRoleBinding whose `roleRef` names a Role or ClusterRole that is not among the inputs. Built-in ClusterRoles (`cluster-admin`, `admin`, `edit`, `view`, `system:*`) are never reported. A missing Role is an error when its namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise; a missing ClusterRole is info.',
    rationale: 'The API server accepts a binding to a role that does not exist, and the subjects silently get nothing: the application then fails with "forbidden" errors far from their cause. `roleRef` cannot be changed afterwards, so a wrong name means deleting and re-creating the binding.',
    remediation: 'Add the Role or ClusterRole to the manifests, or correct `roleRef.name` and `roleRef.kind` (a RoleBinding can grant a ClusterRole inside its namespace).',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: web-reader\nsubjects:\n- kind: ServiceAccount\n  name: default\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: default\n'],
    },
  },
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  messages: {
    notFound: '{{kind}} "{{name}}" is not found {{scope}}: the binding grants nothing and its subjects get "forbidden" errors. Add the {{kind}} or correct roleRef (which cannot be changed later: the binding must be re-created).',
  },
  check(ctx) {
    for (const kind of ['Role', 'ClusterRole']) {
      for (const m of missingReferences(ctx.index, ctx.manifest, kind, ['roleRef'])) {
        ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { kind, name: m.reference.name, scope: m.scope } });
      }
    }
  },
});
