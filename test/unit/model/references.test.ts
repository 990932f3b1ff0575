import * as assert from 'node:assert/strict';
import { describeReference, ingressBackends, isBuiltIn, referencesOf } from '../../../src/core/model/references';
import { parseFile } from '../../../src/core/source/parse';
import { CLUSTER_SCOPED_KINDS } from '../../../src/core/model/workspace-index';

const refs = (yaml: string): Array<Record<string, unknown>> => {
  const m = parseFile('a.yaml', yaml).manifests[0]!;
  return referencesOf(m, (x) => (CLUSTER_SCOPED_KINDS.has(x.kind) ? undefined : x.namespace ?? 'default')).map((r) => ({ ...r, path: r.path.join('.') }));
};

describe('model/references', () => {
  it('lists what a pod template names, with paths, namespaces and optional flags', () => {
    const found = refs(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: web
      priorityClassName: high
      imagePullSecrets:
      - name: registry
      initContainers:
      - name: init
        image: busybox:1.36
        envFrom:
        - configMapRef:
            name: init-config
            optional: true
      containers:
      - name: web
        image: nginx:1.27
        env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
      volumes:
      - name: conf
        configMap:
          name: web-config
          items:
          - key: nginx.conf
            path: nginx.conf
      - name: data
        persistentVolumeClaim:
          claimName: uploads
      - name: all
        projected:
          sources:
          - secret:
              name: tls
`);
    assert.deepEqual(found.map((r) => `${r.kind}/${r.namespace ?? '-'}/${r.name} ${r.via} ${r.optional ? 'optional ' : ''}${r.path}`), [
      'ServiceAccount/shop/web serviceAccountName spec.template.spec.serviceAccountName',
      'PriorityClass/-/high priorityClassName spec.template.spec.priorityClassName',
      'Secret/shop/registry imagePullSecrets spec.template.spec.imagePullSecrets.0.name',
      'ConfigMap/shop/init-config envFrom optional spec.template.spec.initContainers.0.envFrom.0.configMapRef.name',
      'Secret/shop/db env spec.template.spec.containers.0.env.0.valueFrom.secretKeyRef.name',
      'ConfigMap/shop/web-config volume spec.template.spec.volumes.0.configMap.name',
      'PersistentVolumeClaim/shop/uploads volume spec.template.spec.volumes.1.persistentVolumeClaim.claimName',
      'Secret/shop/tls projected spec.template.spec.volumes.2.projected.sources.0.secret.name',
    ]);
    const db = found.find((r) => r.name === 'db')!;
    assert.deepEqual((db.keys as Array<{ name: string; path: unknown[] }>).map((k) => [k.name, k.path.join('.')]), [['password', 'spec.template.spec.containers.0.env.0.valueFrom.secretKeyRef.key']]);
    assert.equal(describeReference(db as never), 'env of container "web"');
    assert.equal(describeReference(found.find((r) => r.name === 'web-config') as never), 'volume "conf"');
  });

  it('reads bindings: roleRef and ServiceAccount subjects (their own namespace, else the binding\'s)', () => {
    const found = refs(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: web
- kind: ServiceAccount
  name: prometheus
  namespace: monitoring
- kind: User
  name: jean
`);
    assert.deepEqual(found.map((r) => `${r.kind}/${r.namespace ?? '-'}/${r.name} ${r.path}`), [
      'ClusterRole/-/view roleRef.name',
      'ServiceAccount/shop/web subjects.0.name',
      'ServiceAccount/monitoring/prometheus subjects.1.name',
    ]);
  });

  it('reads Ingress backends, TLS secrets and class; PVC storage classes; StatefulSet services', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  tls:
  - secretName: web-tls
  defaultBackend:
    service:
      name: fallback
      port:
        name: http
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
`;
    assert.deepEqual(refs(ingress).map((r) => `${r.kind}/${r.name} ${r.via}`), ['IngressClass/nginx ingressClassName', 'Service/fallback ingressBackend', 'Service/api ingressBackend', 'Secret/web-tls ingressTls']);
    const spec = parseFile('a.yaml', ingress).manifests[0]!.object.spec as Record<string, unknown>;
    assert.deepEqual(ingressBackends(spec).map((b) => [b.service, b.port?.value, b.host, b.httpPath, b.port?.path.join('.')]), [
      ['fallback', 'http', undefined, undefined, 'spec.defaultBackend.service.port.name'],
      ['api', 8080, 'shop.example.com', '/api', 'spec.rules.0.http.paths.0.backend.service.port.number'],
    ]);
    assert.deepEqual(refs('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  storageClassName: ""\n').length, 0, 'an empty class is no reference');
  });

  it('knows the objects every cluster has', () => {
    assert.equal(isBuiltIn('ServiceAccount', 'default'), true);
    assert.equal(isBuiltIn('ConfigMap', 'kube-root-ca.crt'), true);
    assert.equal(isBuiltIn('ClusterRole', 'system:auth-delegator'), true);
    assert.equal(isBuiltIn('ClusterRole', 'edit'), true);
    assert.equal(isBuiltIn('ClusterRole', 'editor'), false);
    assert.equal(isBuiltIn('Secret', 'default'), false);
  });
});
