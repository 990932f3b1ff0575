/**
 * @fileoverview require-namespace-quota (off by default): every Namespace of the inputs has a
 * LimitRange or a ResourceQuota among the inputs.
 */
import type { WorkspaceIndex } from '../../model/workspace-index';
import { defineRule } from '../types';

/** Namespaces that have a LimitRange or a ResourceQuota among the inputs (computed once per lint). */
function constrainedNamespaces(index: WorkspaceIndex): ReadonlySet<string> {
  return index.derived('resources/constrained-namespaces', (ix) => {
    const out = new Set<string>();
    for (const kind of ['LimitRange', 'ResourceQuota']) {
      for (const m of ix.ofKind(kind)) {
        const ns = ix.namespaceOf(m);
        if (ns) out.add(ns);
      }
    }
    return out;
  });
}

export default defineRule({
  id: 'require-namespace-quota',
  category: 'resources',
  severity: 'info',
  enabledByDefault: false,
  title: 'Namespaces should have a LimitRange or a ResourceQuota',
  docs: {
    description: 'Reports Namespace objects with no LimitRange and no ResourceQuota in that namespace among the inputs (system namespaces, named kube-*, excepted). Off by default.',
    rationale: 'A LimitRange gives default requests and limits to containers that set none; a ResourceQuota caps what the namespace as a whole can take. Without either, one team\'s runaway Deployment can use the whole cluster.',
    remediation: 'Add a LimitRange with `default` and `defaultRequest` values for containers, and a ResourceQuota capping `requests.cpu`, `requests.memory` and `limits.memory` for the namespace.',
    references: ['https://kubernetes.io/docs/concepts/policy/limit-range/', 'https://kubernetes.io/docs/concepts/policy/resource-quotas/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n'],
      valid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: team-a\nspec:\n  limits:\n  - type: Container\n    defaultRequest: {cpu: 100m, memory: 128Mi}\n    default: {memory: 256Mi}\n'],
    },
  },
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{namespace}}" has no LimitRange and no ResourceQuota among the inputs: containers that set no resources get none, and nothing caps what the namespace can take from the cluster. Add a LimitRange with default requests and limits, or a ResourceQuota.',
  },
  check(ctx) {
    const name = ctx.manifest.name;
    if (!name || name.startsWith('kube-') || constrainedNamespaces(ctx.index).has(name)) return;
    ctx.report({ path: ['metadata', 'name'], messageId: 'missing', data: { namespace: name } });
  },
});
