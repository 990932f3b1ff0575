/**
 * @fileoverview no-rbac-wildcard: Roles and ClusterRoles name the verbs, resources and API
 * groups they grant instead of `*`.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

const FIELDS = ['verbs', 'resources', 'apiGroups'] as const;

export default defineRule({
  id: 'no-rbac-wildcard',
  category: 'rbac',
  severity: 'warning',
  title: 'RBAC rules should not use wildcards',
  docs: {
    description: 'Reports `*` in the `verbs`, `resources` or `apiGroups` of a Role or ClusterRole rule.',
    rationale: 'A wildcard grants everything, including verbs and resources added later (custom resources, subresources such as `pods/exec`): it breaks least privilege, and whoever holds the role can often escalate to cluster-admin.',
    remediation: 'List only the verbs (get, list, watch…), resources and API groups the subject needs; `kubectl auth can-i --list --as=system:serviceaccount:NS:NAME` shows what it really uses.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/'],
    examples: {
      invalid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: all\nrules:\n- apiGroups: [""]\n  resources: ["pods"]\n  verbs: ["*"]\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: read-pods\nrules:\n- apiGroups: [""]\n  resources: ["pods"]\n  verbs: ["get", "list", "watch"]\n'],
    },
  },
  kinds: ['Role', 'ClusterRole'],
  messages: {
    verbs: 'This rule grants every verb ("*") on {{resources}}: that includes delete, escalate and verbs added later. List the verbs the subject needs.',
    resources: 'This rule grants access to every resource ("*"), including Secrets and subresources such as pods/exec. List the resources the subject needs.',
    apiGroups: 'This rule applies to every API group ("*"), including custom resources installed later. List the API groups the subject needs.',
  },
  check(ctx) {
    const rules = ctx.manifest.object.rules;
    if (!Array.isArray(rules)) return;
    rules.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      for (const field of FIELDS) {
        const values = rule[field];
        if (!Array.isArray(values)) continue;
        const at = values.indexOf('*');
        if (at < 0) continue;
        const resources = Array.isArray(rule.resources) ? rule.resources.join(', ') : 'the listed resources';
        ctx.report({ path: ['rules', i, field, at], messageId: field, data: { resources } });
      }
    });
  },
});
