/**
 * @fileoverview require-startup-probe (off by default): long-running app containers with a
 * liveness probe also have a startup probe, so a slow start is not mistaken for a hang.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { PROBED_KINDS } from './probe-helpers';

export default defineRule({
  id: 'require-startup-probe',
  category: 'reliability',
  severity: 'info',
  enabledByDefault: false,
  title: 'Containers with a liveness probe should have a startup probe',
  docs: {
    description: 'Reports app containers of long-running workloads that have a `livenessProbe` but no `startupProbe`. Off by default: fast-starting containers do not need one.',
    rationale: 'The liveness probe starts checking as soon as the container starts (after `initialDelaySeconds`). An application that sometimes starts slowly (a JVM, a cache to warm, a migration) is then killed before it is up, and restarts in a loop. A startup probe holds the liveness probe back until the application has started once.',
    remediation: 'Add a `startupProbe` with the same check as the liveness probe and a `failureThreshold` × `periodSeconds` long enough for the slowest start.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      tcpSocket: {port: 80}\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      tcpSocket: {port: 80}\n    startupProbe:\n      tcpSocket: {port: 80}\n      failureThreshold: 30\n      periodSeconds: 2\n'],
    },
  },
  kinds: PROBED_KINDS,
  fixable: 'suggestion',
  messages: {
    missing: 'Container "{{container}}" has a liveness probe but no startup probe: if it ever starts slowly, the liveness probe kills it before it is up and it restarts in a loop. Add a startupProbe with the same check and a generous failureThreshold.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' || !c.container.livenessProbe || c.container.startupProbe) continue;
      const liveness = c.container.livenessProbe as unknown as Record<string, unknown>;
      const handler = Object.fromEntries(Object.entries(liveness).filter(([k]) => ['httpGet', 'tcpSocket', 'grpc', 'exec'].includes(k)));
      ctx.report({
        path: [...c.path, 'livenessProbe'],
        target: 'key',
        messageId: 'missing',
        data: { container: c.name },
        ...(Object.keys(handler).length ? {
          suggestions: [{
            title: 'Add a startupProbe with the liveness check, allowing 5 minutes to start',
            ops: [{ op: 'set', path: [...c.path, 'startupProbe'], value: { ...handler, periodSeconds: 10, failureThreshold: 30 }, after: ['livenessProbe'] }],
          }],
        } : {}),
      });
    }
  },
});
