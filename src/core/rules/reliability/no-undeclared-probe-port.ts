/**
 * @fileoverview no-undeclared-probe-port: probes check a port the container declares, by number
 * or by name.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

function declaredPorts(container: Container): Array<{ name?: string; containerPort: number }> {
  const ports: unknown = container.ports;
  if (!Array.isArray(ports)) return [];
  return ports.filter((p): p is { name?: string; containerPort: number } => isRecord(p) && typeof p.containerPort === 'number');
}

export default defineRule({
  id: 'no-undeclared-probe-port',
  category: 'reliability',
  severity: 'warning',
  title: 'Probes should check a port the container declares',
  docs: {
    description: 'Reports `httpGet`, `tcpSocket` and `grpc` probes whose port is a name the container does not declare (an error: the probe cannot run), or a number missing from the container\'s `ports` when it declares some (information: often a typo or a port changed in one place only, but many images also serve health checks on a port they do not declare).',
    rationale: 'A probe on the wrong port fails forever: a readiness probe keeps the pod out of its Service, a liveness probe restarts the container in a loop. A named port that does not exist makes the kubelet fail the probe on every check.',
    remediation: 'Point the probe at a port of the container\'s `ports`, by name (`port: http`) so that the two cannot drift apart.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - {name: http, containerPort: 80}\n    readinessProbe:\n      httpGet: {path: /, port: web}\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - {name: http, containerPort: 80}\n    readinessProbe:\n      httpGet: {path: /, port: http}\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    unknownName: 'The {{probe}} of container "{{container}}" checks the port named "{{port}}", which the container does not declare: the probe fails on every check. Use one of its ports ({{declared}}) or declare this name.',
    undeclaredNumber: 'The {{probe}} of container "{{container}}" checks port {{port}}, which is not among the container\'s ports ({{declared}}): if nothing listens there the probe always fails. Check the port, or refer to it by name.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind !== 'container' && c.kind !== 'sidecar') continue;
      const ports = declaredPorts(c.container);
      for (const probe of PROBES) {
        const p = (c.container as unknown as Record<string, unknown>)[probe];
        if (!isRecord(p)) continue;
        for (const handler of HANDLERS) {
          const h = p[handler];
          if (!isRecord(h)) continue;
          const port = h.port;
          // The path and the list of declared ports are made only for a finding (most probes are fine).
          if (typeof port === 'string' && !/^\d+$/.test(port)) {
            if (!ports.some((d) => d.name === port)) {
              ctx.report({ path: [...c.path, probe, handler, 'port'], messageId: 'unknownName', data: { probe, container: c.name, port, declared: describePorts(ports) }, severity: 'error' });
            }
          } else if (typeof port === 'number' || typeof port === 'string') {
            const n = Number(port);
            if (ports.length > 0 && !ports.some((d) => d.containerPort === n)) {
              ctx.report({ path: [...c.path, probe, handler, 'port'], messageId: 'undeclaredNumber', data: { probe, container: c.name, port: n, declared: describePorts(ports) }, severity: 'info' });
            }
          }
        }
      }
    }
  },
});

/** The ports a container declares, as a message lists them: `http (8080), 9090`, or `none`. */
function describePorts(ports: ReturnType<typeof declaredPorts>): string {
  return ports.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))).join(', ') || 'none';
}
