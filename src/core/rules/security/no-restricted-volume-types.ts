/**
 * @fileoverview no-restricted-volume-types: at the restricted level, pods use only the volume
 * types the Pod Security Standards restricted control "Volume Types" allows.
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { isRestricted, PSS_REFERENCE } from './pod-security';

const ALLOWED = new Set(['name', 'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

export default defineRule({
  id: 'no-restricted-volume-types',
  category: 'security',
  severity: 'warning',
  title: 'Pods should use only the volume types the restricted profile allows',
  docs: {
    description: 'When `podSecurity` is `restricted`, reports volumes of types other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret: the Pod Security Standards restricted control "Volume Types". `hostPath` volumes are reported by no-host-path-volume at every level.',
    rationale: 'Volume types such as nfs, iscsi, rbd or cephfs are mounted by the node with the pod\'s own connection details, bypassing the PersistentVolume and StorageClass model the cluster administrator controls.',
    remediation: 'Use a PersistentVolumeClaim bound to a PersistentVolume (or a StorageClass) for network storage, or one of the allowed types.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/concepts/storage/volumes/'],
    examples: {
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    restricted: 'Volume "{{volume}}" is of type {{type}}, which the restricted profile forbids: the node mounts it with the pod\'s own connection details, outside the PersistentVolume model (Pod Security Standards, restricted: "Volume Types"). Use a PersistentVolumeClaim instead.',
  },
  check(ctx) {
    if (!isRestricted(ctx.config)) return;
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const volumes = (template.spec as unknown as Record<string, unknown>).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((volume: unknown, i) => {
      if (!isRecord(volume)) return;
      const name = typeof volume.name === 'string' ? volume.name : `#${i}`;
      for (const type of Object.keys(volume)) {
        if (ALLOWED.has(type) || type === 'hostPath' || volume[type] === null) continue;
        ctx.report({ path: [...template.specPath, 'volumes', i, type], target: 'key', messageId: 'restricted', data: { volume: name, type } });
      }
    });
  },
});
