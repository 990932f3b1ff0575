/**
 * @fileoverview What references what: every place a manifest names another object by name
 * (a ConfigMap in `envFrom`, a Secret in a volume, a PVC's StorageClass, a binding's role...),
 * with the path where the name is written. Rules check that the target exists; the editor
 * uses the same list for go-to-definition and find-references.
 */
import type { Manifest } from '../source/parse';
import { isRecord } from '../source/parse';
import type { Path } from '../source/path';
import { containersOf, podTemplateOf, type PodTemplate } from './pod-template';
import { CLUSTER_SCOPED_KINDS } from './workspace-index';

/** How the reference is made, for messages ("volume \"config\"", "envFrom of container \"web\""). */
export type ReferenceVia =
  | 'env' // env[].valueFrom.configMapKeyRef / secretKeyRef
  | 'envFrom'
  | 'volume' // volumes[].configMap / secret / persistentVolumeClaim
  | 'projected' // volumes[].projected.sources[]
  | 'imagePullSecrets'
  | 'serviceAccountName'
  | 'priorityClassName'
  | 'storageClassName' // a PVC's, or a StatefulSet volumeClaimTemplate's
  | 'serviceName' // a StatefulSet's governing Service
  | 'ingressBackend'
  | 'ingressTls'
  | 'ingressClassName'
  | 'roleRef'
  | 'subject';

export interface Reference {
  /** Kind of the object referred to. */
  kind: string;
  /** Its namespace; undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  name: string;
  /** True when the reference may be missing (`optional: true`): the pod starts anyway. */
  optional: boolean;
  /** Path of the name in the referring manifest. */
  path: Path;
  via: ReferenceVia;
  /** The container that makes the reference (env, envFrom), when one does. */
  container?: string;
  /** The volume that makes the reference, when one does. */
  volume?: string;
  /** Keys read inside the target (configMapKeyRef.key, a volume's items[].key), with their paths. */
  keys?: Array<{ name: string; path: Path }>;
}

/** The namespace a manifest lands in, as the index says (kept as a parameter so this module stays index-free). */
export type NamespaceOf = (m: Manifest) => string | undefined;

/** Every reference a manifest makes to another object, in document order. */
export function referencesOf(manifest: Manifest, namespaceOf: NamespaceOf): Reference[] {
  const out: Reference[] = [];
  const ns = namespaceOf(manifest);
  const add = (r: Omit<Reference, 'namespace'> & { namespace?: string }): void => {
    if (typeof r.name !== 'string' || r.name === '') return;
    r.namespace = CLUSTER_SCOPED_KINDS.has(r.kind) ? undefined : (r.namespace ?? ns);
    out.push(r as Reference);
  };
  const o = manifest.object;
  const template = podTemplateOf(manifest);
  if (template) podSpecReferences(template, add);
  if (template && manifest.kind === 'StatefulSet' && isRecord(o.spec)) {
    if (typeof o.spec.serviceName === 'string') add({ kind: 'Service', name: o.spec.serviceName, optional: false, path: ['spec', 'serviceName'], via: 'serviceName' });
    const claims = o.spec.volumeClaimTemplates;
    if (Array.isArray(claims)) {
      claims.forEach((c, i) => {
        if (isRecord(c) && isRecord(c.spec) && typeof c.spec.storageClassName === 'string') {
          add({ kind: 'StorageClass', name: c.spec.storageClassName, optional: false, path: ['spec', 'volumeClaimTemplates', i, 'spec', 'storageClassName'], via: 'storageClassName' });
        }
      });
    }
  }
  if (manifest.kind === 'PersistentVolumeClaim' && isRecord(o.spec) && typeof o.spec.storageClassName === 'string') {
    add({ kind: 'StorageClass', name: o.spec.storageClassName, optional: false, path: ['spec', 'storageClassName'], via: 'storageClassName' });
  }
  if (manifest.kind === 'Ingress' && isRecord(o.spec)) ingressReferences(o.spec, add);
  if ((manifest.kind === 'RoleBinding' || manifest.kind === 'ClusterRoleBinding')) bindingReferences(manifest, add);
  return out;
}

type Add = (r: Omit<Reference, 'namespace'> & { namespace?: string }) => void;

/** The fields of an `env[].valueFrom` and of an `envFrom[]` entry that name a ConfigMap or a Secret. */
const KEY_REFS = [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const;
const SOURCE_REFS = [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const;

function podSpecReferences(template: PodTemplate, add: Add): void {
  const spec = template.spec as unknown as Record<string, unknown>;
  const specPath = template.specPath;
  const sa = typeof spec.serviceAccountName === 'string' ? 'serviceAccountName' : typeof spec.serviceAccount === 'string' ? 'serviceAccount' : undefined;
  if (sa) add({ kind: 'ServiceAccount', name: spec[sa] as string, optional: false, path: [...specPath, sa], via: 'serviceAccountName' });
  if (typeof spec.priorityClassName === 'string') {
    add({ kind: 'PriorityClass', name: spec.priorityClassName, optional: false, path: [...specPath, 'priorityClassName'], via: 'priorityClassName' });
  }
  if (Array.isArray(spec.imagePullSecrets)) {
    spec.imagePullSecrets.forEach((s, i) => {
      if (isRecord(s) && typeof s.name === 'string') add({ kind: 'Secret', name: s.name, optional: false, path: [...specPath, 'imagePullSecrets', i, 'name'], via: 'imagePullSecrets' });
    });
  }
  for (const c of containersOf(template)) {
    const container = c.container as unknown as Record<string, unknown>;
    if (Array.isArray(container.env)) {
      container.env.forEach((e, i) => {
        if (!isRecord(e) || !isRecord(e.valueFrom)) return;
        for (const [field, kind] of KEY_REFS) {
          const ref = e.valueFrom[field];
          if (!isRecord(ref) || typeof ref.name !== 'string') continue;
          const base = [...c.path, 'env', i, 'valueFrom', field];
          add({
            kind, name: ref.name, optional: ref.optional === true, path: [...base, 'name'], via: 'env', container: c.name,
            ...(typeof ref.key === 'string' ? { keys: [{ name: ref.key, path: [...base, 'key'] }] } : {}),
          });
        }
      });
    }
    if (Array.isArray(container.envFrom)) {
      container.envFrom.forEach((e, i) => {
        if (!isRecord(e)) return;
        for (const [field, kind] of SOURCE_REFS) {
          const ref = e[field];
          if (isRecord(ref) && typeof ref.name === 'string') {
            add({ kind, name: ref.name, optional: ref.optional === true, path: [...c.path, 'envFrom', i, field, 'name'], via: 'envFrom', container: c.name });
          }
        }
      });
    }
  }
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((v, i) => {
      if (!isRecord(v)) return;
      const volume = typeof v.name === 'string' ? v.name : `#${i}`;
      const base = [...specPath, 'volumes', i];
      if (isRecord(v.configMap)) source(v.configMap, 'ConfigMap', 'name', [...base, 'configMap'], 'volume', volume, add);
      if (isRecord(v.secret)) source(v.secret, 'Secret', 'secretName', [...base, 'secret'], 'volume', volume, add);
      if (isRecord(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string') {
        add({ kind: 'PersistentVolumeClaim', name: v.persistentVolumeClaim.claimName, optional: false, path: [...base, 'persistentVolumeClaim', 'claimName'], via: 'volume', volume });
      }
      if (isRecord(v.projected) && Array.isArray(v.projected.sources)) {
        v.projected.sources.forEach((s, j) => {
          if (!isRecord(s)) return;
          const at = [...base, 'projected', 'sources', j];
          if (isRecord(s.configMap)) source(s.configMap, 'ConfigMap', 'name', [...at, 'configMap'], 'projected', volume, add);
          if (isRecord(s.secret)) source(s.secret, 'Secret', 'name', [...at, 'secret'], 'projected', volume, add);
        });
      }
    });
  }
}

/** A ConfigMap or Secret volume source: the object, and each `items[].key` it projects. */
function source(src: Record<string, unknown>, kind: string, nameField: string, at: Path, via: ReferenceVia, volume: string, add: Add): void {
  const name = src[nameField];
  if (typeof name !== 'string') return;
  const keys: Array<{ name: string; path: Path }> = [];
  if (Array.isArray(src.items)) {
    src.items.forEach((item, k) => {
      if (isRecord(item) && typeof item.key === 'string') keys.push({ name: item.key, path: [...at, 'items', k, 'key'] });
    });
  }
  add({ kind, name, optional: src.optional === true, path: [...at, nameField], via, volume, ...(keys.length ? { keys } : {}) });
}

function ingressReferences(spec: Record<string, unknown>, add: Add): void {
  if (typeof spec.ingressClassName === 'string') add({ kind: 'IngressClass', name: spec.ingressClassName, optional: false, path: ['spec', 'ingressClassName'], via: 'ingressClassName' });
  for (const b of ingressBackends(spec)) {
    add({ kind: 'Service', name: b.service, optional: false, path: [...b.path, 'service', 'name'], via: 'ingressBackend' });
  }
  if (Array.isArray(spec.tls)) {
    spec.tls.forEach((t, i) => {
      if (isRecord(t) && typeof t.secretName === 'string') add({ kind: 'Secret', name: t.secretName, optional: false, path: ['spec', 'tls', i, 'secretName'], via: 'ingressTls' });
    });
  }
}

/** A Service backend of an Ingress (networking.k8s.io/v1 shape). */
export interface IngressBackend {
  /** Path of the backend mapping (`spec.defaultBackend` or `...paths[j].backend`). */
  path: Path;
  service: string;
  /** `port.number` or `port.name`, with the path of that field. */
  port?: { value: number | string; path: Path };
  host?: string;
  /** The HTTP path (`/api`) for rule backends. */
  httpPath?: string;
}

/** The Service backends of an Ingress spec: the default backend, then every rule's paths. */
export function ingressBackends(spec: Record<string, unknown>): IngressBackend[] {
  const out: IngressBackend[] = [];
  const read = (backend: unknown, path: Path, extra: Partial<IngressBackend>): void => {
    if (!isRecord(backend) || !isRecord(backend.service) || typeof backend.service.name !== 'string') return;
    const port = isRecord(backend.service.port) ? backend.service.port : undefined;
    const b: IngressBackend = { path, service: backend.service.name, ...extra };
    if (port && typeof port.number === 'number') b.port = { value: port.number, path: [...path, 'service', 'port', 'number'] };
    else if (port && typeof port.name === 'string') b.port = { value: port.name, path: [...path, 'service', 'port', 'name'] };
    out.push(b);
  };
  read(spec.defaultBackend, ['spec', 'defaultBackend'], {});
  if (Array.isArray(spec.rules)) {
    spec.rules.forEach((rule, i) => {
      if (!isRecord(rule) || !isRecord(rule.http) || !Array.isArray(rule.http.paths)) return;
      const host = typeof rule.host === 'string' ? rule.host : undefined;
      rule.http.paths.forEach((p, j) => {
        if (!isRecord(p)) return;
        read(p.backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend'], { ...(host !== undefined ? { host } : {}), httpPath: typeof p.path === 'string' ? p.path : '/' });
      });
    });
  }
  return out;
}

function bindingReferences(manifest: Manifest, add: Add): void {
  const o = manifest.object;
  if (isRecord(o.roleRef) && typeof o.roleRef.name === 'string' && (o.roleRef.kind === 'Role' || o.roleRef.kind === 'ClusterRole')) {
    add({ kind: o.roleRef.kind, name: o.roleRef.name, optional: false, path: ['roleRef', 'name'], via: 'roleRef' });
  }
  if (Array.isArray(o.subjects)) {
    o.subjects.forEach((s, i) => {
      if (!isRecord(s) || s.kind !== 'ServiceAccount' || typeof s.name !== 'string') return;
      const namespace = typeof s.namespace === 'string' && s.namespace ? s.namespace : undefined;
      add({ kind: 'ServiceAccount', name: s.name, ...(namespace ? { namespace } : {}), optional: false, path: ['subjects', i, 'name'], via: 'subject' });
    });
  }
}

/** Objects every cluster has, which inputs never need to describe. */
export function isBuiltIn(kind: string, name: string): boolean {
  switch (kind) {
    case 'ServiceAccount': return name === 'default';
    case 'ConfigMap': return name === 'kube-root-ca.crt';
    case 'PriorityClass': return name === 'system-cluster-critical' || name === 'system-node-critical';
    case 'ClusterRole': return ['cluster-admin', 'admin', 'edit', 'view'].includes(name) || name.startsWith('system:');
    case 'Role': return name.startsWith('system:');
    default: return false;
  }
}

/** How a reference reads in a message: `volume "config"`, `envFrom of container "web"`. */
export function describeReference(r: Reference): string {
  switch (r.via) {
    case 'env': return `env of container "${r.container}"`;
    case 'envFrom': return `envFrom of container "${r.container}"`;
    case 'volume': case 'projected': return `volume "${r.volume}"`;
    case 'imagePullSecrets': return 'imagePullSecrets';
    case 'serviceAccountName': return 'serviceAccountName';
    case 'priorityClassName': return 'priorityClassName';
    case 'storageClassName': return 'storageClassName';
    case 'serviceName': return 'serviceName';
    case 'ingressBackend': return 'an Ingress backend';
    case 'ingressTls': return 'Ingress tls';
    case 'ingressClassName': return 'ingressClassName';
    case 'roleRef': return 'roleRef';
    case 'subject': return 'subjects';
  }
}
