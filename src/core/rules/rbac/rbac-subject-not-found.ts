/**
 * @fileoverview rbac-subject-not-found: the ServiceAccounts a binding grants a role to exist
 * among the inputs, and name their namespace in a ClusterRoleBinding.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { missingReferences } from '../references/reference-helpers';

export default defineRule({
  id: 'rbac-subject-not-found',
  category: 'rbac',
  severity: 'error',
  title: 'A binding\'s ServiceAccounts should exist',
  docs: {
    description: 'Reports a ServiceAccount subject of a RoleBinding or ClusterRoleBinding that is not among the inputs (`default` always exists), and a ServiceAccount subject of a ClusterRoleBinding without `namespace`. A missing ServiceAccount is an error when its namespace is described in full, info otherwise.',
    rationale: 'A binding to a ServiceAccount that does not exist grants nothing to the workload that was meant to get it (usually a typo in the name or namespace), and it grants the permissions in advance to whoever creates an account of that name later.',
    remediation: 'Add the ServiceAccount, or correct the subject\'s `name` and `namespace` to match the one the pods run as (`spec.serviceAccountName`).',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: web\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: default\n'],
    },
  },
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  messages: {
    notFound: 'ServiceAccount "{{name}}" is not found {{scope}}: the binding grants its role to nobody yet (a typo?), and to whoever creates that account later.{{hint}} Add the ServiceAccount or correct the subject.',
    noNamespace: 'ServiceAccount subject "{{name}}" has no namespace: in a ClusterRoleBinding the API server requires one. Add namespace: to the subject.',
  },
  check(ctx) {
    const subjects = ctx.manifest.object.subjects;
    if (ctx.manifest.kind === 'ClusterRoleBinding' && Array.isArray(subjects)) {
      subjects.forEach((s, i) => {
        if (isRecord(s) && s.kind === 'ServiceAccount' && typeof s.name === 'string' && !s.namespace) {
          ctx.report({ path: ['subjects', i, 'name'], messageId: 'noNamespace', data: { name: s.name } });
        }
      });
    }
    for (const m of missingReferences(ctx.index, ctx.manifest, 'ServiceAccount', ['subject'])) {
      if (m.reference.namespace === undefined) continue;
      const elsewhere = ctx.index.ofKind('ServiceAccount').find((sa) => sa.name === m.reference.name);
      const hint = elsewhere
        ? ` A ServiceAccount "${m.reference.name}" is in namespace "${ctx.index.namespaceOf(elsewhere)}"${elsewhere.namespace === undefined ? ' (it sets no namespace, so it lands in the one kubectl uses: apply it with -n ' + m.reference.namespace + '?)' : ''}.`
        : '';
      ctx.report({
        path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, scope: m.scope, hint },
        ...(elsewhere ? { related: [{ manifest: elsewhere, path: ['metadata', 'name'], message: `ServiceAccount "${m.reference.name}" in another namespace` }] } : {}),
      });
    }
  },
});
