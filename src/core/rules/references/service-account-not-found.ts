/**
 * @fileoverview service-account-not-found: the ServiceAccount a pod template runs as exists
 * among the inputs (`default` always exists).
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { missingReferences } from './reference-helpers';

export default defineRule({
  id: 'service-account-not-found',
  category: 'references',
  severity: 'error',
  title: 'A pod\'s ServiceAccount should exist',
  docs: {
    description: 'Reports a `serviceAccountName` (or the deprecated `serviceAccount`) of a pod template that names no ServiceAccount among the inputs. `default` is never reported: every namespace has it. An error when the namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise.',
    rationale: 'The API server refuses a pod whose ServiceAccount does not exist: a Deployment then shows no pods at all, only a `FailedCreate` event on its ReplicaSet ("serviceaccount not found"), which is easy to miss.',
    remediation: 'Add the ServiceAccount next to the workload (`kubectl create serviceaccount NAME -n NAMESPACE --dry-run=client -o yaml`) or correct the name.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    notFound: 'ServiceAccount "{{name}}" is not found {{scope}}: the API server refuses pods that run as a missing ServiceAccount, so no pod is created. Add the ServiceAccount or correct the name.',
  },
  check(ctx) {
    for (const m of missingReferences(ctx.index, ctx.manifest, 'ServiceAccount', ['serviceAccountName'])) {
      ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, scope: m.scope } });
    }
  },
});
