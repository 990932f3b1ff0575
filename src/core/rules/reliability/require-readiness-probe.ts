/**
 * @fileoverview require-readiness-probe: every long-running app container has a readiness probe.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { PROBED_KINDS, probeSuggestion } from './probe-helpers';

export default defineRule({
  id: 'require-readiness-probe',
  category: 'reliability',
  severity: 'warning',
  title: 'Containers should have a readiness probe',
  docs: {
    description: 'Reports app containers of long-running workloads (not Jobs, not init containers) that have no `readinessProbe`.',
    rationale: 'Without a readiness probe, a pod receives Service traffic as soon as its containers start, before the application can answer, and keeps receiving it when the application cannot serve. Rolling updates then drop requests.',
    remediation: 'Add a `readinessProbe` that succeeds only when the container can serve requests (an HTTP health endpoint, a TCP port, a gRPC health check or a command).',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    readinessProbe:\n      tcpSocket:\n        port: 80\n'],
    },
  },
  kinds: PROBED_KINDS,
  fixable: 'suggestion',
  messages: {
    missing: 'Container "{{container}}" has no readiness probe: it will receive traffic before it can serve it, and during rollouts requests will fail. Add a readinessProbe.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' || c.container.readinessProbe) continue;
      const suggestion = probeSuggestion(c, 'readinessProbe');
      ctx.report({
        path: [...c.path, 'name'],
        messageId: 'missing',
        data: { container: c.name },
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
