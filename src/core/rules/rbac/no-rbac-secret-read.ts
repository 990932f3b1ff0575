/**
 * @fileoverview no-rbac-secret-read: Roles and ClusterRoles do not grant get, list or watch
 * on every Secret.
 */
import { defineRule } from '../types';
import { coversGroup, policyRules, resourceIndex } from './rbac-helpers';

const READ = ['get', 'list', 'watch', '*'];

export default defineRule({
  id: 'no-rbac-secret-read',
  category: 'rbac',
  severity: 'warning',
  title: 'Roles should not read every Secret',
  docs: {
    description: 'Reports a Role or ClusterRole rule that grants `get`, `list`, `watch` (or `*`) on `secrets` in the core API group without `resourceNames`. A rule limited to named Secrets is not reported (`resourceNames` limits `list` and `watch` too, since they then need a `metadata.name` field selector).',
    rationale: '`list` and `watch` return the content of every Secret of the namespace (of the cluster, for a ClusterRole bound cluster-wide): database passwords, TLS keys and the tokens of other ServiceAccounts, which often lead to more privileges.',
    remediation: 'Mount the Secrets the workload needs as volumes or environment variables instead of reading them through the API; when it must use the API, grant `get` with `resourceNames` listing those Secrets.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets', 'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets'],
    examples: {
      invalid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n- apiGroups: [""]\n  resources: ["secrets"]\n  verbs: ["get", "list"]\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n- apiGroups: [""]\n  resources: ["secrets"]\n  resourceNames: ["app-tls"]\n  verbs: ["get"]\n'],
    },
  },
  kinds: ['Role', 'ClusterRole'],
  messages: {
    read: 'This rule grants {{verbs}} on every Secret{{scope}}: whoever holds it reads all passwords, keys and ServiceAccount tokens there. Mount the Secrets you need, or grant get with resourceNames.',
  },
  check(ctx) {
    for (const rule of policyRules(ctx.manifest)) {
      if (!coversGroup(rule, '')) continue;
      const at = resourceIndex(rule, 'secrets');
      if (at < 0) continue;
      const verbs = rule.verbs.filter((v) => READ.includes(v));
      if (verbs.length === 0) continue;
      // resourceNames limits every verb, list and watch included (through a metadata.name field selector).
      if (rule.resourceNames.length > 0) continue;
      const scope = ctx.manifest.kind === 'Role' ? ` of namespace "${ctx.namespace}"` : ' (of every namespace, when bound by a ClusterRoleBinding)';
      ctx.report({ path: ['rules', rule.index, 'resources', at], messageId: 'read', data: { verbs: verbs.join(', '), scope } });
    }
  },
});
