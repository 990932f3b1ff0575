/**
 * @fileoverview storage-class-not-found: the StorageClass a PersistentVolumeClaim (or a
 * StatefulSet claim template) asks for exists among the inputs.
 */
import { defineRule } from '../types';
import { missingReferences } from './reference-helpers';

export default defineRule({
  id: 'storage-class-not-found',
  category: 'references',
  severity: 'warning',
  title: 'A claim\'s StorageClass should exist',
  docs: {
    description: 'Reports a `storageClassName` of a PersistentVolumeClaim or of a StatefulSet `volumeClaimTemplates` entry that names no StorageClass among the inputs. An empty `storageClassName: ""` (no dynamic provisioning) is not a reference. StorageClasses are cluster-scoped and usually come with the cluster (`local-path` on k3s, `standard` on kind), so this is info.',
    rationale: 'A claim whose StorageClass does not exist is never bound: it stays Pending and so do the pods that mount it.',
    remediation: 'Use a StorageClass of the target cluster (`kubectl get storageclass`), add the StorageClass to the inputs, or remove `storageClassName` to use the cluster\'s default class.',
    references: ['https://kubernetes.io/docs/concepts/storage/storage-classes/', 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1'],
    examples: {
      invalid: ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast-ssd\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n'],
      valid: ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n'],
    },
  },
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  messages: {
    notFound: 'StorageClass "{{name}}" is not found {{scope}}: a claim whose class does not exist stays Pending, and so do its pods. Use a class of the target cluster or remove storageClassName to use the default one.',
  },
  check(ctx) {
    for (const m of missingReferences(ctx.index, ctx.manifest, 'StorageClass')) {
      ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, scope: m.scope } });
    }
  },
});
