/**
 * @fileoverview no-host-path-volume: pods do not mount directories of the node (Pod Security
 * Standards, baseline control "HostPath Volumes"); sensitive paths (`/`, `/etc`, `/proc`, the
 * container runtime's socket...) are errors.
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { PSS_REFERENCE } from './pod-security';

/** Paths that give a pod the node itself: the root, its configuration, kernel interfaces, kubelet and runtime state. */
const SENSITIVE_TREES = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/rancher', '/var/lib/etcd', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio'];
/** Directories that hold the runtime sockets: sensitive themselves, not all that is below them. */
const SENSITIVE_EXACT = ['/', '/var', '/run', '/var/run', '/usr', '/home'];
const SOCKET = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|podman|k3s)\.sock$/;

/** Why a host path is sensitive, or undefined when it is an ordinary directory. */
export function sensitiveHostPath(raw: string): string | undefined {
  const path = ('/' + raw.trim()).replace(/\/+/g, '/').replace(/(.)\/$/, '$1').replace(/\/\.$/, '') || '/';
  if (SOCKET.test(path)) return 'the container runtime\'s socket, which lets the pod start privileged containers on the node';
  if (SENSITIVE_EXACT.includes(path)) return path === '/' ? 'the node\'s whole file system' : 'a system directory of the node';
  const tree = SENSITIVE_TREES.find((t) => path === t || path.startsWith(t + '/'));
  if (tree) return path === tree ? `which holds the node's ${describeTree(tree)}` : `part of ${tree}, which holds the node's ${describeTree(tree)}`;
  return undefined;
}

function describeTree(tree: string): string {
  switch (tree) {
    case '/etc': return 'configuration and credentials';
    case '/proc': case '/sys': return 'kernel interfaces';
    case '/dev': return 'devices';
    case '/boot': return 'kernel and boot files';
    case '/root': return 'administrator\'s home';
    default: return 'kubelet, container runtime or cluster state';
  }
}

export default defineRule({
  id: 'no-host-path-volume',
  category: 'security',
  severity: 'warning',
  title: 'Pods should not mount host paths',
  docs: {
    description: 'Reports `hostPath` volumes: the Pod Security Standards baseline control "HostPath Volumes". Sensitive paths (`/`, `/etc`, `/proc`, `/sys`, `/dev`, the kubelet\'s and the container runtime\'s directories, `docker.sock` and `containerd.sock`) are reported as errors.',
    rationale: 'A hostPath volume ties the pod to one node and gives it the node\'s files: with `/etc` or `/` it can read credentials and rewrite the node\'s configuration; with the container runtime\'s socket it can start a privileged container and take the node over.',
    remediation: 'Use an `emptyDir`, a PersistentVolumeClaim, a ConfigMap or a Secret instead; node agents that truly need the node\'s files belong in a namespace labelled for the privileged profile, with the mount `readOnly: true`.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  volumes:\n  - name: cache\n    emptyDir: {}\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    hostPath: 'Volume "{{volume}}" mounts the node\'s directory "{{path}}": the pod is tied to that node and can read and change its files (Pod Security Standards, baseline: "HostPath Volumes"). Use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead.',
    sensitive: 'Volume "{{volume}}" mounts "{{path}}", {{reason}}: a compromise of this pod is a compromise of the node (Pod Security Standards, baseline: "HostPath Volumes"). Remove this volume, or mount a narrower, read-only path.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const volumes = (template.spec as unknown as Record<string, unknown>).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((volume: unknown, i) => {
      if (!isRecord(volume) || !isRecord(volume.hostPath)) return;
      const name = typeof volume.name === 'string' ? volume.name : `#${i}`;
      const hostPath = typeof volume.hostPath.path === 'string' ? volume.hostPath.path : '';
      const base = [...template.specPath, 'volumes', i, 'hostPath'];
      const path = typeof volume.hostPath.path === 'string' ? [...base, 'path'] : base;
      const reason = sensitiveHostPath(hostPath);
      if (reason) ctx.report({ path, messageId: 'sensitive', data: { volume: name, path: hostPath, reason }, severity: 'error' });
      else ctx.report({ path, messageId: 'hostPath', data: { volume: name, path: hostPath } });
    });
  },
});
