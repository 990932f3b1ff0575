/**
 * @fileoverview Shared by the service account rules: the account a pod template runs as, whether
 * its token is mounted, and which accounts RBAC bindings of the inputs grant anything to.
 */
import type { PodTemplate } from '../../model/pod-template';
import type { WorkspaceIndex } from '../../model/workspace-index';
import { isRecord } from '../../source/parse';

/** The service account a pod runs as (`default` when unset; the deprecated `serviceAccount` is honoured). */
export function serviceAccountOf(template: PodTemplate): { name: string; written: 'serviceAccountName' | 'serviceAccount' | undefined } {
  const spec = template.spec as unknown as Record<string, unknown>;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') return { name: spec.serviceAccountName, written: 'serviceAccountName' };
  if (typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '') return { name: spec.serviceAccount, written: 'serviceAccount' };
  return { name: 'default', written: undefined };
}

/** Service accounts (`namespace/name`) that a RoleBinding or ClusterRoleBinding of the inputs names as a subject. */
export function boundServiceAccounts(index: WorkspaceIndex): ReadonlySet<string> {
  return index.derived('security/bound-service-accounts', (ix) => {
    const out = new Set<string>();
    for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
      for (const binding of ix.ofKind(kind)) {
        const subjects = binding.object.subjects;
        if (!Array.isArray(subjects)) continue;
        for (const s of subjects) {
          if (!isRecord(s) || typeof s.name !== 'string') continue;
          if (s.kind === 'ServiceAccount') {
            const ns = typeof s.namespace === 'string' && s.namespace ? s.namespace : ix.namespaceOf(binding) ?? '';
            out.add(`${ns}/${s.name}`);
          } else if (s.kind === 'Group' && typeof s.name === 'string' && s.name.startsWith('system:serviceaccounts')) {
            // system:serviceaccounts (all) or system:serviceaccounts:<ns> (a namespace's): every account there is bound.
            out.add(s.name === 'system:serviceaccounts' ? '*' : `${s.name.slice('system:serviceaccounts:'.length)}/*`);
          }
        }
      }
    }
    return out;
  });
}

/** True when a binding of the inputs grants this service account something. */
export function isBound(index: WorkspaceIndex, namespace: string, name: string): boolean {
  const bound = boundServiceAccounts(index);
  return bound.has(`${namespace}/${name}`) || bound.has(`${namespace}/*`) || bound.has('*');
}

/** `automountServiceAccountToken` of the ServiceAccount object among the inputs, when there is one. */
export function accountAutomount(index: WorkspaceIndex, namespace: string, name: string): boolean | undefined {
  for (const sa of index.find('ServiceAccount', namespace, name)) {
    const value = sa.object.automountServiceAccountToken;
    if (typeof value === 'boolean') return value;
  }
  return undefined;
}

/** Whether the pod gets an API token: its own setting wins, then its ServiceAccount's; true by default. */
export function mountsToken(index: WorkspaceIndex, template: PodTemplate, namespace: string): boolean {
  const own = (template.spec as unknown as Record<string, unknown>).automountServiceAccountToken;
  if (typeof own === 'boolean') return own;
  return accountAutomount(index, namespace, serviceAccountOf(template).name) ?? true;
}
