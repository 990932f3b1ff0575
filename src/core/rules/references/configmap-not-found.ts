/**
 * @fileoverview configmap-not-found: ConfigMaps that pods read (env, envFrom, volumes,
 * projected volumes) exist among the inputs, with the keys they read.
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { checkKeyedReferences } from './reference-helpers';

export default defineRule({
  id: 'configmap-not-found',
  category: 'references',
  severity: 'error',
  title: 'Referenced ConfigMaps should exist',
  docs: {
    description: 'Reports a ConfigMap named by a pod template (`configMapKeyRef`, `envFrom.configMapRef`, a `configMap` or projected volume) that is not among the inputs, and a key read from a ConfigMap of the inputs that it does not define. References marked `optional: true` are skipped. A missing ConfigMap is an error when its namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise.',
    rationale: 'The kubelet cannot build the container\'s environment or mount the volume: the pod stays in `CreateContainerConfigError` or `ContainerCreating` until the ConfigMap (and key) appears. A typo in a name shows up only at deploy time.',
    remediation: 'Create the ConfigMap (`kubectl create configmap NAME --from-file=…` or a manifest next to the workload), correct the name or key, or set `optional: true` when the application copes without it.',
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/', 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    envFrom:\n    - configMapRef:\n        name: web-config\n'],
      valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  MODE: prod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    envFrom:\n    - configMapRef:\n        name: web-config\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    notFound: 'ConfigMap "{{name}}" (used by {{where}}) is not found {{scope}}: the pod cannot start until it exists. Create it, correct the name, or mark the reference optional: true.',
    keyNotFound: 'ConfigMap "{{name}}" has no key "{{key}}" (used by {{where}}): the pod cannot start until the key exists. Add the key to the ConfigMap or correct the key name.',
  },
  check(ctx) {
    checkKeyedReferences(ctx, 'ConfigMap');
  },
});
