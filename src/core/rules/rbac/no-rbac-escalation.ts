/**
 * @fileoverview no-rbac-escalation: Roles and ClusterRoles do not grant the permissions that
 * lead to more permissions (pods/exec, pods/attach, create pods, escalate, bind, impersonate,
 * nodes/proxy).
 */
import { defineRule } from '../types';
import { coversGroup, policyRules, type PolicyRule } from './rbac-helpers';

type MessageId = 'exec' | 'attach' | 'createPods' | 'escalate' | 'bind' | 'impersonate' | 'nodesProxy';

/** Permissions granted on a named resource (reported at the resource). */
const RESOURCES: Array<{ resource: string; group: string; verbs: string[]; messageId: MessageId }> = [
  { resource: 'pods/exec', group: '', verbs: ['create', 'get', '*'], messageId: 'exec' },
  { resource: 'pods/attach', group: '', verbs: ['create', 'get', '*'], messageId: 'attach' },
  { resource: 'nodes/proxy', group: '', verbs: ['get', 'create', 'update', 'patch', 'delete', '*'], messageId: 'nodesProxy' },
];

/** Verbs that are dangerous in themselves (reported at the verb, when written out). */
const VERBS: Array<{ verb: string; group: string; resources: string[]; messageId: MessageId }> = [
  { verb: 'escalate', group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles', '*'], messageId: 'escalate' },
  { verb: 'bind', group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles', '*'], messageId: 'bind' },
  { verb: 'impersonate', group: '', resources: ['users', 'groups', 'serviceaccounts', 'uids', '*'], messageId: 'impersonate' },
  { verb: 'impersonate', group: 'authentication.k8s.io', resources: ['userextras/scopes', 'uids', '*'], messageId: 'impersonate' },
  { verb: 'create', group: '', resources: ['pods'], messageId: 'createPods' },
];

export default defineRule({
  id: 'no-rbac-escalation',
  category: 'rbac',
  severity: 'warning',
  title: 'Roles should not grant permissions that lead to more permissions',
  docs: {
    description: 'Reports Role and ClusterRole rules granting `pods/exec` or `pods/attach`, `create` on `pods`, the `escalate` or `bind` verbs on roles, `impersonate`, or `nodes/proxy`. Wildcards are left to no-rbac-wildcard.',
    rationale: 'Each is a known path to privilege escalation: exec and attach run commands in pods and read their mounted tokens; creating pods lets one mount any Secret or ServiceAccount of the namespace; `escalate` and `bind` grant permissions the holder does not have; `impersonate` acts as another user; `nodes/proxy` reaches the kubelet API, which bypasses audit and admission.',
    remediation: 'Remove the permission, or keep it in a separate role bound only to the people (not the workloads) who need it; give controllers that create pods a Deployment or Job to manage instead.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping'],
    examples: {
      invalid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: debug\nrules:\n- apiGroups: [""]\n  resources: ["pods/exec"]\n  verbs: ["create"]\n'],
      valid: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: logs\nrules:\n- apiGroups: [""]\n  resources: ["pods", "pods/log"]\n  verbs: ["get", "list"]\n'],
    },
  },
  kinds: ['Role', 'ClusterRole'],
  messages: {
    exec: 'This rule grants pods/exec: the holder runs commands in any pod{{scope}} and reads the Secrets and tokens mounted there. Keep it for people who debug, not for workloads.',
    attach: 'This rule grants pods/attach: the holder attaches to the processes of any pod{{scope}}, much like exec. Keep it for people who debug, not for workloads.',
    createPods: 'This rule grants create on pods: the holder can start a pod{{scope}} that mounts any Secret or runs as any ServiceAccount there. Let a Deployment or Job create pods instead, or bind this role only where needed.',
    escalate: 'This rule grants escalate on roles: the holder can give a role permissions it does not have itself. Remove it unless this subject manages RBAC.',
    bind: 'This rule grants bind on roles: the holder can bind any role, even one with more permissions than its own, to anyone. Remove it unless this subject manages RBAC.',
    impersonate: 'This rule grants impersonate: the holder acts as other users, groups or ServiceAccounts, with their permissions. Remove it unless this subject is an authenticating proxy.',
    nodesProxy: 'This rule grants nodes/proxy: the holder reaches the kubelet API of every node (exec in any pod, bypassing audit and admission). Remove it; use the metrics APIs for monitoring.',
  },
  check(ctx) {
    const scope = ctx.manifest.kind === 'Role' ? ` of namespace "${ctx.namespace}"` : '';
    for (const rule of policyRules(ctx.manifest)) {
      for (const r of RESOURCES) {
        const at = rule.resources.indexOf(r.resource);
        if (at < 0 || !coversGroup(rule, r.group) || !rule.verbs.some((v) => r.verbs.includes(v))) continue;
        ctx.report({ path: ['rules', rule.index, 'resources', at], messageId: r.messageId, data: { scope } });
      }
      const reported = new Set<number>();
      for (const v of VERBS) {
        const at = rule.verbs.indexOf(v.verb);
        if (at < 0 || reported.has(at) || !coversGroup(rule, v.group) || !grantsAny(rule, v.resources)) continue;
        reported.add(at);
        ctx.report({ path: ['rules', rule.index, 'verbs', at], messageId: v.messageId, data: { scope } });
      }
    }
  },
});

function grantsAny(rule: PolicyRule, resources: string[]): boolean {
  return rule.resources.some((r) => resources.includes(r));
}
