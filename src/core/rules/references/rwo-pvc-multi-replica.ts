/**
 * @fileoverview rwo-pvc-multi-replica: a ReadWriteOnce (or ReadWriteOncePod) claim is not
 * shared by the replicas of a Deployment or ReplicaSet.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { cachedReferences } from './reference-helpers';

const KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController'];

export default defineRule({
  id: 'rwo-pvc-multi-replica',
  category: 'references',
  severity: 'warning',
  title: 'A ReadWriteOnce claim should not be shared by several replicas',
  docs: {
    description: 'Reports a Deployment, ReplicaSet or ReplicationController with more than one replica that mounts a PersistentVolumeClaim of the inputs whose access modes are only `ReadWriteOnce` or `ReadWriteOncePod`.',
    rationale: 'Every replica mounts the same claim. A `ReadWriteOnce` volume attaches to one node only: replicas scheduled elsewhere stay in ContainerCreating with a Multi-Attach error, and those on the same node write to the same files. With `ReadWriteOncePod` only one pod can use it at all.',
    remediation: 'Use a StatefulSet with `volumeClaimTemplates` (one claim per replica), a `ReadWriteMany` storage class, or a single replica.',
    references: ['https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes', 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data\n'],
      valid: ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteMany]\n  resources:\n    requests:\n      storage: 1Gi\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data\n'],
    },
  },
  kinds: KINDS,
  messages: {
    shared: 'Claim "{{name}}" (volume "{{volume}}") is {{mode}} but this {{kind}} runs {{replicas}} replicas: replicas on other nodes cannot attach it (Multi-Attach error). Use a StatefulSet with volumeClaimTemplates, a ReadWriteMany class, or one replica.',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec;
    const replicas = isRecord(spec) && typeof spec.replicas === 'number' ? spec.replicas : 1;
    if (replicas < 2) return;
    for (const r of cachedReferences(ctx.index, ctx.manifest)) {
      if (r.kind !== 'PersistentVolumeClaim' || r.via !== 'volume') continue;
      const claims = ctx.index.find('PersistentVolumeClaim', r.namespace, r.name);
      if (claims.length !== 1) continue;
      const claimSpec = claims[0]!.object.spec;
      const modes = isRecord(claimSpec) && Array.isArray(claimSpec.accessModes) ? claimSpec.accessModes.map(String) : [];
      if (modes.length === 0 || !modes.every((m) => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod')) continue;
      ctx.report({
        path: r.path, messageId: 'shared',
        data: { name: r.name, volume: r.volume ?? '', mode: modes.join('/'), kind: ctx.manifest.kind, replicas },
        related: [{ manifest: claims[0]!, path: ['spec', 'accessModes'], message: `access modes of claim "${r.name}"` }],
      });
    }
  },
});
