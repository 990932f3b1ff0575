/**
 * @fileoverview no-identical-liveness-readiness: a container's liveness probe is not an exact
 * copy of its readiness probe.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { PROBED_KINDS } from './probe-helpers';

/** Equal as data, whatever the order of the keys (no copy made: most probes differ early). */
function sameIgnoringKeyOrder(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameIgnoringKeyOrder(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameIgnoringKeyOrder(a[k], b[k]));
}

export default defineRule({
  id: 'no-identical-liveness-readiness',
  category: 'reliability',
  severity: 'warning',
  title: 'Liveness and readiness probes should differ',
  docs: {
    description: 'Reports containers whose `livenessProbe` is identical to their `readinessProbe` (same check, same timings).',
    rationale: 'The two probes answer different questions: readiness "can it serve now?" (a failure takes the pod out of its Service for a while), liveness "is it stuck for good?" (a failure restarts it). When they are identical, a pod that is only overloaded is restarted at the very moment it is taken out of traffic, which turns a slowdown into an outage.',
    remediation: 'Give the liveness probe a higher `failureThreshold` (or `periodSeconds`) than the readiness probe, and ideally a cheaper check that does not depend on other services.',
    references: ['https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/', 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /healthz, port: 80}\n    readinessProbe:\n      httpGet: {path: /healthz, port: 80}\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /healthz, port: 80}\n      failureThreshold: 6\n    readinessProbe:\n      httpGet: {path: /healthz, port: 80}\n'],
    },
  },
  kinds: PROBED_KINDS,
  fixable: 'suggestion',
  messages: {
    identical: 'The liveness probe of container "{{container}}" is identical to its readiness probe: when the container is merely overloaded it is restarted at the moment it leaves the Service, turning a slowdown into an outage. Give the liveness probe a higher failureThreshold, or a cheaper check.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' && c.kind !== 'sidecar') continue;
      const { livenessProbe: liveness, readinessProbe: readiness } = c.container;
      if (!isRecord(liveness) || !isRecord(readiness) || !sameIgnoringKeyOrder(liveness, readiness)) continue;
      const threshold = typeof liveness.failureThreshold === 'number' ? liveness.failureThreshold : 3;
      ctx.report({
        path: [...c.path, 'livenessProbe'],
        target: 'key',
        messageId: 'identical',
        data: { container: c.name },
        suggestions: [{ title: `Set the liveness failureThreshold to ${threshold * 2}`, ops: [{ op: 'set', path: [...c.path, 'livenessProbe', 'failureThreshold'], value: threshold * 2 }] }],
      });
    }
  },
});
