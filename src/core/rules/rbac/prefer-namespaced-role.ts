/**
 * @fileoverview prefer-namespaced-role: a ClusterRole that only grants namespaced resources and
 * is only ever bound in one namespace would be a Role in that namespace.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { NAMESPACED_RESOURCES, policyRules } from './rbac-helpers';

export default defineRule({
  id: 'prefer-namespaced-role',
  category: 'rbac',
  severity: 'info',
  title: 'A ClusterRole used in one namespace only should be a Role',
  docs: {
    description: 'Reports a ClusterRole of the inputs whose rules name only namespaced resources (pods, secrets, deployments…; no `nonResourceURLs`, no wildcard, no aggregation) and whose only bindings among the inputs are RoleBindings of a single namespace.',
    rationale: 'A ClusterRole is a cluster-wide object: anyone who later binds it with a ClusterRoleBinding, or in another namespace, hands out the same permissions there. A Role lives and dies with its namespace and says in its own YAML where it applies, which keeps least privilege visible.',
    remediation: 'Turn the ClusterRole into a Role in that namespace (`kind: Role`, `metadata.namespace`) and change the RoleBindings\' `roleRef.kind` to `Role` (re-create them: `roleRef` is immutable). Keep the ClusterRole when it is meant to be reused in other namespaces.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege'],
    examples: {
      invalid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: pod-reader\nrules:\n- apiGroups: [""]\n  resources: ["pods"]\n  verbs: ["get", "list"]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: pod-reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: pod-reader\nsubjects:\n- kind: ServiceAccount\n  name: web\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: node-reader\nrules:\n- apiGroups: [""]\n  resources: ["nodes"]\n  verbs: ["get", "list"]\n'],
    },
  },
  kinds: ['ClusterRole'],
  messages: {
    oneNamespace: 'ClusterRole "{{name}}" grants only namespaced resources and is bound only in namespace "{{namespace}}" ({{bindings}}): a Role there would say so and could not be reused elsewhere by mistake. Make it a Role in "{{namespace}}".',
  },
  check(ctx) {
    const o = ctx.manifest.object;
    if (o.aggregationRule !== undefined || isRecord(o.metadata) && isRecord(o.metadata.labels) && Object.keys(o.metadata.labels).some((k) => k.startsWith('rbac.authorization.k8s.io/aggregate-to-'))) return;
    const rules = policyRules(ctx.manifest);
    if (rules.length === 0) return;
    for (const r of rules) {
      if (r.nonResourceURLs.length > 0 || r.resources.length === 0) return;
      if (!r.resources.every((res) => NAMESPACED_RESOURCES.has(res.split('/')[0]!))) return;
    }
    const bindings = ctx.index.derived('rbac:bindingsByClusterRole', (index) => {
      const map = new Map<string, Array<{ kind: string; namespace: string | undefined; name: string }>>();
      for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
        for (const b of index.ofKind(kind)) {
          const ref = b.object.roleRef;
          if (!isRecord(ref) || ref.kind !== 'ClusterRole' || typeof ref.name !== 'string') continue;
          const list = map.get(ref.name) ?? [];
          list.push({ kind, namespace: index.namespaceOf(b), name: b.name });
          map.set(ref.name, list);
        }
      }
      return map;
    }).get(ctx.manifest.name) ?? [];
    if (bindings.length === 0 || bindings.some((b) => b.kind === 'ClusterRoleBinding')) return;
    const namespaces = new Set(bindings.map((b) => b.namespace));
    if (namespaces.size !== 1) return;
    ctx.report({
      path: ['kind'], messageId: 'oneNamespace',
      data: { name: ctx.manifest.name, namespace: String(bindings[0]!.namespace), bindings: bindings.map((b) => `RoleBinding "${b.name}"`).join(', ') },
    });
  },
});
