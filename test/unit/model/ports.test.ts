import * as assert from 'node:assert/strict';
import { findServicePort, resolveTargetPort, servicePorts } from '../../../src/core/model/ports';
import { podTemplateOf } from '../../../src/core/model/pod-template';
import { parseFile } from '../../../src/core/source/parse';

const template = podTemplateOf(parseFile('p.yaml', `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: migrate
    image: app:1
    ports:
    - name: ignored
      containerPort: 5000
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
    - name: dns
      containerPort: 53
      protocol: UDP
`).manifests[0]!)!;

describe('model/ports', () => {
  it('servicePorts defaults targetPort to port and reads numeric strings as numbers', () => {
    const ports = servicePorts({ ports: [{ port: 80 }, { name: 'web', port: 443, targetPort: 'http' }, { port: 81, targetPort: '8081', protocol: 'UDP', nodePort: 30081 }] });
    assert.deepEqual(ports.map((p) => [p.port, p.targetPort, p.targetPortWritten, p.protocol, p.nodePort, p.path.join('.')]), [
      [80, 80, false, 'TCP', undefined, 'spec.ports.0'],
      [443, 'http', true, 'TCP', undefined, 'spec.ports.1'],
      [81, 8081, true, 'UDP', 30081, 'spec.ports.2'],
    ]);
  });

  it('resolveTargetPort matches by name or number and protocol, on long-running containers only', () => {
    assert.equal(resolveTargetPort('http', 'TCP', template).status, 'found');
    assert.equal(resolveTargetPort(8080, 'TCP', template).status, 'found');
    assert.equal(resolveTargetPort(53, 'UDP', template).status, 'found');
    assert.equal(resolveTargetPort(53, 'TCP', template).status, 'undeclared');
    assert.equal(resolveTargetPort('dns', 'TCP', template).status, 'unknownName');
    assert.equal(resolveTargetPort('ignored', 'TCP', template).status, 'unknownName', 'a plain init container is gone when traffic arrives');
  });

  it('findServicePort finds an Ingress backend port by number or name', () => {
    const ports = servicePorts({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    assert.equal(findServicePort(ports, 80)?.name, 'http');
    assert.equal(findServicePort(ports, 'http')?.port, 80);
    assert.equal(findServicePort(ports, 8080), undefined);
  });
});
