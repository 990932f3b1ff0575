/**
 * @fileoverview secret-not-found: Secrets that pods read (env, envFrom, volumes, projected
 * volumes, imagePullSecrets) exist among the inputs, with the keys they read.
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { checkKeyedReferences } from './reference-helpers';

export default defineRule({
  id: 'secret-not-found',
  category: 'references',
  severity: 'error',
  title: 'Referenced Secrets should exist',
  docs: {
    description: 'Reports a Secret named by a pod template (`secretKeyRef`, `envFrom.secretRef`, a `secret` or projected volume, `imagePullSecrets`) that is not among the inputs, and a key read from a Secret of the inputs that it does not define. References marked `optional: true` are skipped. A missing Secret is an error when its namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise.',
    rationale: 'The kubelet cannot build the container\'s environment or mount the volume: the pod stays in `CreateContainerConfigError` or `ContainerCreating` until the Secret (and key) appears; a missing pull secret ends in `ImagePullBackOff` for a private image. Secrets are often created out of band (sealed-secrets, external-secrets, `kubectl create secret`), so this is info unless the namespace is described in full.',
    remediation: 'Create the Secret (`kubectl create secret generic NAME --from-literal=…`, or through your secrets tool), correct the name or key, or set `optional: true` when the application copes without it.',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/', 'https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    envFrom:\n    - secretRef:\n        name: web-secrets\n'],
      valid: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-secrets\nstringData:\n  TOKEN: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    envFrom:\n    - secretRef:\n        name: web-secrets\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    notFound: 'Secret "{{name}}" (used by {{where}}) is not found {{scope}}: the pod cannot start until it exists. Create it, correct the name, or mark the reference optional: true.',
    keyNotFound: 'Secret "{{name}}" has no key "{{key}}" (used by {{where}}): the pod cannot start until the key exists. Add the key to the Secret or correct the key name.',
  },
  check(ctx) {
    checkKeyedReferences(ctx, 'Secret');
  },
});
