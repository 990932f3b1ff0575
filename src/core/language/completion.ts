/**
 * @fileoverview Completion of names the workspace knows: at a field that names another object
 * (a ConfigMap in `configMapKeyRef.name`, a PVC in `claimName`, a ServiceAccount...), the names
 * of the objects of that kind in the manifest's namespace.
 */
import type { WorkspaceIndex } from '../model/workspace-index';
import type { SourceFile } from '../source/parse';
import type { Path } from '../source/path';
import { pathAt } from './position';

/** Field paths (their last segments; `#` stands for any index) that name an object of a kind. */
const NAME_FIELDS: ReadonlyArray<{ suffix: ReadonlyArray<string>; kind: string; in?: readonly string[] }> = [
  { suffix: ['configMapKeyRef', 'name'], kind: 'ConfigMap' },
  { suffix: ['configMapRef', 'name'], kind: 'ConfigMap' },
  { suffix: ['configMap', 'name'], kind: 'ConfigMap' },
  { suffix: ['secretKeyRef', 'name'], kind: 'Secret' },
  { suffix: ['secretRef', 'name'], kind: 'Secret' },
  { suffix: ['secret', 'secretName'], kind: 'Secret' },
  { suffix: ['secret', 'name'], kind: 'Secret' },
  { suffix: ['imagePullSecrets', '#', 'name'], kind: 'Secret' },
  { suffix: ['tls', '#', 'secretName'], kind: 'Secret', in: ['Ingress'] },
  { suffix: ['persistentVolumeClaim', 'claimName'], kind: 'PersistentVolumeClaim' },
  { suffix: ['serviceAccountName'], kind: 'ServiceAccount' },
  { suffix: ['service', 'name'], kind: 'Service', in: ['Ingress'] },
  { suffix: ['spec', 'serviceName'], kind: 'Service', in: ['StatefulSet'] },
  { suffix: ['storageClassName'], kind: 'StorageClass' },
  { suffix: ['priorityClassName'], kind: 'PriorityClass' },
  { suffix: ['ingressClassName'], kind: 'IngressClass', in: ['Ingress'] },
];

const endsWith = (path: Path, suffix: ReadonlyArray<string>): boolean =>
  suffix.length <= path.length &&
  suffix.every((s, i) => {
    const segment = path[path.length - suffix.length + i];
    return s === '#' ? typeof segment === 'number' : segment === s;
  });

export interface NameCompletions {
  /** The kind the field names. */
  kind: string;
  /** Names of the objects of that kind in the manifest's namespace (or cluster-wide), sorted. */
  names: string[];
}

/** Names to offer at `offset`, when it is on the value of a field that names another object. */
export function nameCompletionsAt(index: WorkspaceIndex, source: SourceFile, offset: number): NameCompletions | undefined {
  const at = pathAt(source, offset);
  if (!at || at.onKey) return undefined;
  let kind = NAME_FIELDS.find((f) => endsWith(at.path, f.suffix) && (!f.in || f.in.includes(at.manifest.kind)))?.kind;
  if (at.path.length === 2 && at.path[0] === 'roleRef' && at.path[1] === 'name') {
    const roleRef = at.manifest.object.roleRef as { kind?: unknown } | undefined;
    kind = roleRef?.kind === 'Role' || roleRef?.kind === 'ClusterRole' ? roleRef.kind : undefined;
  }
  if (!kind) return undefined;
  const namespace = index.namespaceOf(at.manifest);
  const names = new Set<string>();
  for (const m of index.ofKind(kind)) {
    if (m.name && index.namespaceOf(m) === (index.namespaceOf(m) === undefined ? undefined : namespace)) names.add(m.name);
  }
  return { kind, names: [...names].sort() };
}
