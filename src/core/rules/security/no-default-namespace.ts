/**
 * @fileoverview no-default-namespace: resources go to a namespace of their own, not `default`.
 */
import { defineRule } from '../types';

/**
 * Built-in API groups (core, apps, batch, autoscaling, policy, *.k8s.io): their namespaced kinds
 * are known. A custom resource may be cluster-scoped (a ClusterIssuer, say), so it is not reported.
 */
function isBuiltInApi(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return ['apps', 'batch', 'autoscaling', 'policy'].includes(group) || group.endsWith('.k8s.io');
}

export default defineRule({
  id: 'no-default-namespace',
  category: 'security',
  severity: 'info',
  title: 'Resources should not be created in the default namespace',
  docs: {
    description: 'Reports namespaced resources of the built-in APIs that land in the `default` namespace: written `namespace: default`, or no namespace when the configured default namespace is `default`. Custom resources are not reported (they may be cluster-scoped).',
    rationale: 'Namespaces are the unit of isolation in Kubernetes: RBAC, NetworkPolicies, ResourceQuotas and Pod Security levels apply per namespace. Everything in `default` shares one set of them, and Pod Security Admission and quotas are rarely configured there.',
    remediation: 'Create a Namespace per application or team and set `metadata.namespace` (or deploy with `kubectl -n` and set `defaultNamespace` in `.kubeplan.yaml`).',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/', 'https://kubernetes.io/docs/concepts/security/multi-tenancy/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n'],
      valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n'],
    },
  },
  kinds: '*',
  messages: {
    defaultNamespace: 'This {{kind}} lands in the "default" namespace, which shares one set of RBAC, NetworkPolicies, quotas and Pod Security settings with everything else put there. Give the application a namespace of its own.',
  },
  check(ctx) {
    if (ctx.namespace !== 'default' || ctx.manifest.kind === 'Event' || !isBuiltInApi(ctx.manifest.apiVersion)) return;
    // The API server's own objects in default (the kubernetes Service and its endpoints) are not user resources.
    if (ctx.manifest.name === 'kubernetes' && ['Service', 'Endpoints', 'EndpointSlice'].includes(ctx.manifest.kind)) return;
    ctx.report({ path: ctx.manifest.namespace ? ['metadata', 'namespace'] : ['metadata', 'name'], messageId: 'defaultNamespace', data: { kind: ctx.manifest.kind } });
  },
});
