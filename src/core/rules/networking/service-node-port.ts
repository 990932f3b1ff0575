/**
 * @fileoverview service-node-port: a `nodePort` is in the node port range and on a Service type
 * that has node ports.
 */
import { servicePorts } from '../../model/ports';
import { defineRule } from '../types';
import { specOf } from './network-helpers';

interface Options {
  /** The cluster's `--service-node-port-range` (k3s and kube-apiserver default 30000-32767). */
  range: string;
}

export default defineRule<'outOfRange' | 'wrongType', Options>({
  id: 'service-node-port',
  category: 'networking',
  severity: 'error',
  title: 'A nodePort should be in the node port range',
  docs: {
    description: 'Reports a `nodePort` outside the cluster\'s node port range (option `range`, default `30000-32767`, the API server\'s `--service-node-port-range`), and a `nodePort` on a Service whose type is neither NodePort nor LoadBalancer.',
    rationale: 'The API server refuses a Service whose nodePort is out of range ("provided port is not in the valid range") or set on a ClusterIP Service, so nothing of it is created.',
    remediation: 'Pick a port in the range, or remove `nodePort` and let the API server choose one (safer: two Services cannot then collide). On k3s, `--service-node-port-range` changes the range.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport', 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 8080\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 30080\n'],
    },
  },
  kinds: ['Service'],
  fixable: 'suggestion',
  options: {
    schema: { type: 'object', properties: { range: { type: 'string', pattern: '^\\d+-\\d+$' } }, additionalProperties: false },
    defaults: { range: '30000-32767' },
  },
  messages: {
    outOfRange: 'nodePort {{value}} is outside the node port range {{range}}: the API server refuses this Service. Pick a port in the range or remove nodePort to get one assigned.',
    wrongType: 'nodePort {{value}} is set on a Service of type {{type}}, which has no node ports: the API server refuses it. Set type: NodePort, or remove nodePort.',
  },
  check(ctx) {
    const spec = specOf(ctx.manifest);
    const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
    const [min, max] = ctx.options.range.split('-').map(Number) as [number, number];
    for (const port of servicePorts(spec)) {
      if (port.nodePort === undefined) continue;
      const path = [...port.path, 'nodePort'];
      const remove = { title: 'Remove nodePort (let the API server choose)', ops: [{ op: 'remove' as const, path }] };
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        ctx.report({ path, messageId: 'wrongType', data: { value: port.nodePort, type }, suggestions: [remove] });
      } else if (port.nodePort < min || port.nodePort > max) {
        ctx.report({ path, messageId: 'outOfRange', data: { value: port.nodePort, range: ctx.options.range }, suggestions: [remove] });
      }
    }
  },
});
