/**
 * @fileoverview pvc-not-found: PersistentVolumeClaims mounted by pods exist among the inputs.
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { describeReference } from '../../model/references';
import { defineRule } from '../types';
import { missingReferences } from './reference-helpers';

export default defineRule({
  id: 'pvc-not-found',
  category: 'references',
  severity: 'error',
  title: 'Mounted PersistentVolumeClaims should exist',
  docs: {
    description: 'Reports a `persistentVolumeClaim.claimName` of a pod template that names no PersistentVolumeClaim among the inputs: an error when the namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise. StatefulSet `volumeClaimTemplates` are not references (the controller creates those claims).',
    rationale: 'A pod whose claim does not exist is never scheduled: it stays Pending with "persistentvolumeclaim not found" until someone creates the claim.',
    remediation: 'Add the PersistentVolumeClaim to the manifests, correct `claimName`, or, for a StatefulSet, use `volumeClaimTemplates` so that each replica gets its own claim.',
    references: ['https://kubernetes.io/docs/concepts/storage/persistent-volumes/#claims-as-volumes'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  containers:\n  - name: db\n    image: postgres:17\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: db-data\n'],
      valid: ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: db-data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: db\n    image: postgres:17\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: db-data\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    notFound: 'PersistentVolumeClaim "{{name}}" (used by {{where}}) is not found {{scope}}: the pod stays Pending until it exists. Create the claim or correct claimName.',
  },
  check(ctx) {
    for (const m of missingReferences(ctx.index, ctx.manifest, 'PersistentVolumeClaim')) {
      ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, where: describeReference(m.reference), scope: m.scope } });
    }
  },
});
