/**
 * @fileoverview service-target-port: each `targetPort` of a Service is a port the selected
 * containers expose, by number or by name.
 */
import { containerPorts, resolveTargetPort, servicePorts } from '../../model/ports';
import { defineRule, type RuleFix } from '../types';
import { describeHolder, specOf } from './network-helpers';

export default defineRule({
  id: 'service-target-port',
  category: 'networking',
  severity: 'warning',
  title: 'A Service targetPort should be a port of the selected containers',
  docs: {
    description: 'For each port of a Service, resolves `targetPort` (or `port` when it is absent) on the containers of the pod templates the Service selects among the inputs: a name that no container port has is an error; a number that no container declares, when the containers declare their ports, is a warning.',
    rationale: 'A named `targetPort` that no container defines gives no endpoint for that port: traffic to it fails. A number the containers do not declare is often a typo or a port changed on one side only (the app listens on 8080, the Service sends to 80): traffic reaches the pod and is refused.',
    remediation: 'Point `targetPort` at the container port the application listens on, preferably by its name (`targetPort: http` with `ports: [{name: http, containerPort: 8080}]`) so that the two cannot drift apart.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service', 'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: http\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: web\n      containerPort: 80\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: web\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: web\n      containerPort: 80\n'],
    },
  },
  kinds: ['Service'],
  fixable: 'suggestion',
  messages: {
    unknownName: 'targetPort "{{target}}" is the name of no {{protocol}} container port of {{workloads}}: this port of the Service gets no endpoints and its traffic fails. Declared ports: {{declared}}.',
    undeclared: 'targetPort {{target}} is not a {{protocol}} port declared by the containers of {{workloads}}: traffic is sent there and refused unless the application listens on it. Declared ports: {{declared}}.',
  },
  check(ctx) {
    const spec = specOf(ctx.manifest);
    if (spec.type === 'ExternalName' || !ctx.namespace) return;
    const selected = ctx.index.selectWithMap(ctx.namespace, spec.selector);
    if (selected.length === 0) return;
    for (const port of servicePorts(spec)) {
      const target = port.targetPort;
      if (target === undefined) continue;
      const results = selected.map((h) => ({ h, r: resolveTargetPort(target, port.protocol, h.template) }));
      if (results.some((x) => x.r.status === 'found')) continue;
      const declaring = results.filter((x) => containerPorts(x.h.template).length > 0);
      const named = typeof target === 'string';
      if (!named && declaring.length === 0) continue; // no container declares any port: nothing to compare with
      const reported = named ? results : declaring;
      const ports = [...new Map(reported.flatMap((x) => containerPorts(x.h.template)).filter((p) => p.protocol === port.protocol).map((p) => [`${p.name ?? ''}/${p.containerPort}`, p])).values()];
      const declared = ports.length ? ports.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))).join(', ') : 'none';
      const path = port.targetPortWritten ? [...port.path, 'targetPort'] : [...port.path, 'port'];
      const suggestions: RuleFix[] = ports.length === 1
        ? [{ title: `Send to ${ports[0]!.name ? `port "${ports[0]!.name}"` : `port ${ports[0]!.containerPort}`}`, ops: [{ op: 'set', path: [...port.path, 'targetPort'], value: ports[0]!.name ?? ports[0]!.containerPort, after: ['port'] }] }]
        : [];
      ctx.report({
        path, messageId: named ? 'unknownName' : 'undeclared', severity: named ? 'error' : 'warning',
        data: { target, protocol: port.protocol, workloads: reported.map((x) => describeHolder(x.h)).join(', '), declared },
        related: reported.map((x) => ({ manifest: x.h.manifest, path: x.h.template.specPath, target: 'key' as const, message: `pods of ${describeHolder(x.h)}` })),
        suggestions,
      });
    }
  },
});
