/**
 * @fileoverview no-aggressive-liveness-probe: liveness probes leave the container time to start
 * and do not restart it on a single failed check.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { PROBED_KINDS } from './probe-helpers';

/** Below this many seconds before the first restart, a liveness probe with no startup probe is clearly too tight. */
const MIN_START_WINDOW = 10;

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export default defineRule({
  id: 'no-aggressive-liveness-probe',
  category: 'reliability',
  severity: 'warning',
  title: 'Liveness probes should not be aggressive',
  docs: {
    description: `Reports liveness probes that are clearly unsafe: \`failureThreshold: 1\` (one slow answer restarts the container), or, with no startup probe, less than ${MIN_START_WINDOW} seconds between the container\'s start and its first restart (\`initialDelaySeconds\` + \`failureThreshold\` × \`periodSeconds\`).`,
    rationale: 'A liveness failure kills the container. A probe that gives up after one check, or before the application has had time to start, restarts healthy containers: under load they restart in cascade, and a slow start becomes a CrashLoopBackOff.',
    remediation: 'Keep `failureThreshold` at 3 or more, and add a `startupProbe` (or an `initialDelaySeconds`) covering the slowest start.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      tcpSocket: {port: 80}\n      periodSeconds: 2\n      failureThreshold: 1\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      tcpSocket: {port: 80}\n'],
    },
  },
  kinds: PROBED_KINDS,
  messages: {
    singleFailure: 'The liveness probe of container "{{container}}" restarts it after a single failed check (failureThreshold: 1): one slow answer under load kills a healthy container. Use a failureThreshold of 3 or more.',
    noStartTime: 'The liveness probe of container "{{container}}" restarts it if it is not up within {{seconds}} s of starting, and there is no startup probe: a slow start becomes a restart loop. Add a startupProbe, or raise initialDelaySeconds or failureThreshold.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' && c.kind !== 'sidecar') continue;
      const probe = c.container.livenessProbe as unknown;
      if (!isRecord(probe)) continue;
      const failure = num(probe.failureThreshold, 3);
      if (failure === 1) {
        ctx.report({ path: [...c.path, 'livenessProbe', 'failureThreshold'], messageId: 'singleFailure', data: { container: c.name } });
        continue;
      }
      if (c.container.startupProbe) continue;
      const window = num(probe.initialDelaySeconds, 0) + failure * num(probe.periodSeconds, 10);
      if (window < MIN_START_WINDOW) {
        ctx.report({ path: [...c.path, 'livenessProbe'], target: 'key', messageId: 'noStartTime', data: { container: c.name, seconds: window } });
      }
    }
  },
});
