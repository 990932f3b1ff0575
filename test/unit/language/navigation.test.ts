/**
 * @fileoverview Definitions, references, outline and name completion across files.
 */
import * as assert from 'node:assert/strict';
import { nameCompletionsAt } from '../../../src/core/language/completion';
import { definitionsAt, referencesAt } from '../../../src/core/language/navigation';
import { pathAt } from '../../../src/core/language/position';
import { documentSymbols } from '../../../src/core/language/symbols';
import { Linter } from '../../../src/core/lint';
import { LineIndex } from '../../../src/core/source/parse';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: web-sa
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: web-config
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef:
                  name: web-config
                  key: MODE
        - name: sidecar
          image: busybox:1.37
`;
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  MODE: prod\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web-sa\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n';

function setup(): Linter {
  const linter = new Linter();
  linter.setFile('deploy.yaml', DEPLOYMENT);
  linter.setFile('config.yaml', CONFIG);
  linter.setFile('service.yaml', SERVICE);
  return linter;
}

/** `file line:col-line:col` (0-based) of a location. */
function where(linter: Linter, l: { file: string; range: readonly [number, number] }): string {
  const lines = new LineIndex(linter.getSource(l.file)!.text);
  const a = lines.position(l.range[0]);
  const b = lines.position(l.range[1]);
  return `${l.file} ${a.line}:${a.column}-${b.line}:${b.column}`;
}

const at = (text: string, search: string, delta = 1): number => text.indexOf(search) + delta;

describe('language: navigation', () => {
  it('finds the path at an offset, on keys and values', () => {
    const linter = setup();
    const source = linter.getSource('deploy.yaml')!;
    assert.deepEqual(pathAt(source, at(DEPLOYMENT, 'web-config'))?.path, ['spec', 'template', 'spec', 'containers', 0, 'envFrom', 0, 'configMapRef', 'name']);
    const onKey = pathAt(source, at(DEPLOYMENT, 'serviceAccountName'))!;
    assert.deepEqual(onKey.path, ['spec', 'template', 'spec', 'serviceAccountName']);
    assert.equal(onKey.onKey, true);
  });

  it('goes from references to their targets: ConfigMap, key, ServiceAccount', () => {
    const linter = setup();
    const source = linter.getSource('deploy.yaml')!;
    assert.deepEqual(definitionsAt(linter.index, source, at(DEPLOYMENT, 'web-config')).map((l) => where(linter, l)), ['config.yaml 3:8-3:18']);
    assert.deepEqual(definitionsAt(linter.index, source, at(DEPLOYMENT, 'key: MODE', 6)).map((l) => where(linter, l)), ['config.yaml 5:2-5:6']);
    assert.deepEqual(definitionsAt(linter.index, source, at(DEPLOYMENT, 'web-sa')).map((l) => where(linter, l)), ['config.yaml 10:8-10:14']);
    assert.deepEqual(definitionsAt(linter.index, source, at(DEPLOYMENT, 'image: nginx', 8)), []);
  });

  it('goes from Service and NetworkPolicy selectors to the pod templates they select', () => {
    const linter = setup();
    const source = linter.getSource('service.yaml')!;
    assert.deepEqual(definitionsAt(linter.index, source, at(SERVICE, 'app: web', 6)).map((l) => where(linter, l)), ['deploy.yaml 10:6-10:12']);
    const policy = SERVICE.indexOf('podSelector');
    assert.deepEqual(definitionsAt(linter.index, source, SERVICE.indexOf('app: web', policy) + 6).map((l) => where(linter, l)), ['deploy.yaml 10:6-10:12']);
  });

  it('finds every reference to a ConfigMap, and the selectors that pick a workload', () => {
    const linter = setup();
    assert.deepEqual(referencesAt(linter.index, linter.getSource('config.yaml')!, at(CONFIG, 'web-config')).map((l) => where(linter, l)),
      ['deploy.yaml 19:22-19:32', 'deploy.yaml 24:24-24:34']);
    assert.deepEqual(referencesAt(linter.index, linter.getSource('deploy.yaml')!, at(DEPLOYMENT, 'name: web', 7)).map((l) => where(linter, l)),
      ['service.yaml 5:2-5:10', 'service.yaml 15:2-15:13']);
  });

  it('outlines a file: resources with their containers', () => {
    const linter = setup();
    const symbols = documentSymbols(linter.getSource('config.yaml')!);
    assert.deepEqual(symbols.map((s) => s.name), ['ConfigMap web-config', 'ServiceAccount web-sa']);
    const deploy = documentSymbols(linter.getSource('deploy.yaml')!);
    assert.deepEqual(deploy[0]!.children.map((c) => `${c.name} (${c.detail})`), ['web (container)', 'sidecar (container)']);
  });

  it('completes names of existing objects of the kind the field names', () => {
    const linter = setup();
    const source = linter.getSource('deploy.yaml')!;
    assert.deepEqual(nameCompletionsAt(linter.index, source, at(DEPLOYMENT, 'web-config', 0)), { kind: 'ConfigMap', names: ['web-config'] });
    assert.deepEqual(nameCompletionsAt(linter.index, source, at(DEPLOYMENT, 'web-sa', 0)), { kind: 'ServiceAccount', names: ['web-sa'] });
    assert.equal(nameCompletionsAt(linter.index, source, at(DEPLOYMENT, 'nginx', 0)), undefined);
  });

  it('completes after `name:` with no value yet', () => {
    const text = DEPLOYMENT.replace('                name: web-config\n          env:', '                name: \n          env:');
    const linter = setup();
    linter.setFile('deploy.yaml', text);
    const offset = text.indexOf('name: \n') + 'name: '.length;
    assert.deepEqual(nameCompletionsAt(linter.index, linter.getSource('deploy.yaml')!, offset)?.names, ['web-config']);
  });

  it('goes from a RoleBinding to its Role and ServiceAccount, and from an Ingress backend and a PVC claim to their targets', () => {
    const rbac = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\nsubjects:\n  - kind: ServiceAccount\n    name: web-sa\n';
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n';
    const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n    - name: db\n      image: postgres:17\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data\n';
    const linter = setup();
    linter.setFile('rbac.yaml', rbac);
    linter.setFile('ingress.yaml', ingress);
    linter.setFile('pvc.yaml', pvc);
    const defs = (file: string, text: string, search: string, delta = 1): string[] =>
      definitionsAt(linter.index, linter.getSource(file)!, text.indexOf(search) + delta).map((l) => where(linter, l));
    assert.deepEqual(defs('rbac.yaml', rbac, 'name: reader\nsubjects', 7), ['rbac.yaml 3:8-3:14']);
    assert.deepEqual(defs('rbac.yaml', rbac, 'web-sa'), ['config.yaml 10:8-10:14']);
    assert.deepEqual(defs('ingress.yaml', ingress, 'name: web\n                port', 7), ['service.yaml 3:8-3:11']);
    assert.deepEqual(defs('pvc.yaml', pvc, 'claimName: data', 12), ['pvc.yaml 3:8-3:12']);
  });
});
