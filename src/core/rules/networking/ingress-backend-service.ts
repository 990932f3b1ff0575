/**
 * @fileoverview ingress-backend-service: each backend of an Ingress names a Service of the
 * inputs, and a port that Service has (by number or by name).
 */
import { findServicePort, servicePorts } from '../../model/ports';
import { ingressBackends } from '../../model/references';
import { missingSeverity } from '../references/reference-helpers';
import { defineRule, type RuleFix } from '../types';
import { specOf } from './network-helpers';

export default defineRule({
  id: 'ingress-backend-service',
  category: 'networking',
  severity: 'error',
  title: 'An Ingress backend should be an existing Service port',
  docs: {
    description: 'Checks each Service backend of a networking.k8s.io/v1 Ingress (the default backend and every path): the Service must be among the inputs, in the Ingress\'s namespace (info when it is not and the namespace is not described in full, error when it is), and its `port.number` or `port.name` must be a port of that Service.',
    rationale: 'An Ingress routes to a Service of its own namespace only. When the Service or its port does not exist, the controller answers 503 (or 404) for that path and logs an error nobody reads; a `port.number` that is the container port instead of the Service port is a classic mistake.',
    remediation: 'Name a Service of the same namespace and one of its `ports[].port` numbers (not the `targetPort`), or its port name.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource', 'https://kubernetes.io/docs/concepts/services-networking/ingress/#resource-backend'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: traefik\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 8080\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: traefik\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n'],
    },
  },
  kinds: ['Ingress'],
  fixable: 'suggestion',
  messages: {
    serviceNotFound: 'Service "{{name}}" is not found {{scope}}: requests for {{route}} get an error (503) from the ingress controller. Create the Service or correct the name (it must be in the Ingress\'s namespace).',
    portNotFound: 'Service "{{name}}" has no port {{port}}: requests for {{route}} get an error (503) from the ingress controller. Use one of its ports: {{ports}}{{targetHint}}.',
  },
  check(ctx) {
    if (!ctx.manifest.apiVersion.startsWith('networking.k8s.io/') || !ctx.namespace) return;
    for (const b of ingressBackends(specOf(ctx.manifest))) {
      const route = b.httpPath !== undefined ? `${b.host ?? '*'}${b.httpPath}` : 'the default backend';
      const services = ctx.index.find('Service', ctx.namespace, b.service);
      if (services.length === 0) {
        const { severity, scope } = missingSeverity(ctx.index, ctx.namespace);
        ctx.report({ path: [...b.path, 'service', 'name'], messageId: 'serviceNotFound', severity, data: { name: b.service, scope, route } });
        continue;
      }
      if (!b.port || services.length > 1) continue;
      const service = services[0]!;
      const ports = servicePorts(service.object.spec);
      if (ports.length === 0 || findServicePort(ports, b.port.value)) continue;
      const byTarget = typeof b.port.value === 'number' ? ports.find((p) => p.targetPort === b.port!.value) : undefined;
      const targetHint = byTarget ? ` (${b.port.value} is the targetPort of port ${byTarget.port}: an Ingress names the Service port)` : '';
      const suggestions: RuleFix[] = [];
      const replacement = byTarget ?? (ports.length === 1 ? ports[0] : undefined);
      if (replacement?.port !== undefined && typeof b.port.value === 'number') {
        suggestions.push({ title: `Use port ${replacement.port}`, ops: [{ op: 'set', path: b.port.path, value: replacement.port }] });
      }
      ctx.report({
        path: b.port.path, messageId: 'portNotFound', severity: 'error',
        data: { name: b.service, port: typeof b.port.value === 'number' ? b.port.value : `"${b.port.value}"`, route, ports: ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', '), targetHint },
        related: [{ manifest: service, path: ['spec', 'ports'], target: 'key', message: `ports of Service "${b.service}"` }],
        suggestions,
      });
    }
  },
});
