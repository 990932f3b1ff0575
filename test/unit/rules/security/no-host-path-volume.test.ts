import * as assert from 'node:assert/strict';
import rule, { sensitiveHostPath } from '../../../../src/core/rules/security/no-host-path-volume';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (volumes: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
  volumes:
${volumes}`;

runRuleTests(rule, {
  valid: [
    pod('  - name: cache\n    emptyDir: {}\n  - name: data\n    persistentVolumeClaim: {claimName: data}\n'),
  ],
  invalid: [
    {
      name: 'an ordinary directory is a warning',
      code: pod('  - name: data\n    hostPath:\n      path: /srv/data\n      type: DirectoryOrCreate\n'),
      errors: [{ messageId: 'hostPath', line: 12, column: 13, endLine: 12, endColumn: 22, severity: 'warning', messageIncludes: ['"data"', '/srv/data', 'HostPath Volumes'] }],
      output: null,
    },
    {
      name: 'the runtime socket and the root are errors',
      code: pod('  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n  - name: root\n    hostPath: {path: /}\n'),
      errors: [
        { messageId: 'sensitive', line: 12, column: 13, endLine: 12, endColumn: 33, severity: 'error', messageIncludes: ['"sock"', 'socket'] },
        { messageId: 'sensitive', line: 14, column: 22, endLine: 14, endColumn: 23, severity: 'error', messageIncludes: ['"root"', 'whole file system'] },
      ],
      output: null,
    },
  ],
});

describe('sensitiveHostPath', () => {
  it('flags the node\'s system trees and sockets, however the path is written', () => {
    for (const p of ['/', '/etc', '/etc/', '/etc/kubernetes/pki', '//proc', '/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/lib/kubelet/pods', '/sys/fs/cgroup', '/var/run']) {
      assert.ok(sensitiveHostPath(p), p);
    }
  });
  it('leaves ordinary directories alone', () => {
    for (const p of ['/srv/data', '/var/log', '/data', '/etcd-backup', '/opt/app', '/var/lib/app']) assert.equal(sensitiveHostPath(p), undefined, p);
  });
});
