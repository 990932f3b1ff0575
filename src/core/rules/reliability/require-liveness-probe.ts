/**
 * @fileoverview require-liveness-probe: every long-running app container has a liveness probe.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { PROBED_KINDS, probeSuggestion } from './probe-helpers';

export default defineRule({
  id: 'require-liveness-probe',
  category: 'reliability',
  severity: 'warning',
  title: 'Containers should have a liveness probe',
  docs: {
    description: 'Reports app containers of long-running workloads (not Jobs, not init containers) that have no `livenessProbe`.',
    rationale: 'Without a liveness probe, the kubelet restarts a container only when its process exits. A process that deadlocks or hangs keeps running, and keeps receiving traffic, until someone notices.',
    remediation: 'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when the process is stuck and a restart would help; do not make it depend on other services.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      httpGet:\n        path: /\n        port: 80\n'],
    },
  },
  kinds: PROBED_KINDS,
  fixable: 'suggestion',
  messages: {
    missing: 'Container "{{container}}" has no liveness probe: if it hangs, Kubernetes will not restart it. Add a livenessProbe that fails when the process is stuck.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' || c.container.livenessProbe) continue;
      const suggestion = probeSuggestion(c, 'livenessProbe');
      ctx.report({
        path: [...c.path, 'name'],
        messageId: 'missing',
        data: { container: c.name },
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
