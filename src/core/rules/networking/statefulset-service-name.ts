/**
 * @fileoverview statefulset-service-name: a StatefulSet names its governing Service, which is
 * headless.
 */
import { isRecord } from '../../source/parse';
import { missingSeverity } from '../references/reference-helpers';
import { defineRule } from '../types';
import { specOf } from './network-helpers';

export default defineRule({
  id: 'statefulset-service-name',
  category: 'networking',
  severity: 'warning',
  title: 'A StatefulSet should name a headless Service',
  docs: {
    description: 'Reports a StatefulSet without `spec.serviceName` (info: the field is optional, but its pods then get no stable DNS names), a `serviceName` that is not a DNS label (error), one whose Service is not among the inputs (info, or a warning when the namespace is described in full), and one whose Service of the inputs is not headless (`clusterIP: None`).',
    rationale: 'The governing Service gives each replica its stable DNS name (`db-0.db.shop.svc.cluster.local`), which is what clustered software (databases, Kafka, Consul) uses to find its peers. Without it, or with a normal ClusterIP Service, those names do not exist.',
    remediation: 'Create a Service with `clusterIP: None` that selects the StatefulSet\'s pods and name it in `spec.serviceName` (a Service\'s clusterIP cannot be changed: re-create it).',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id', 'https://kubernetes.io/docs/concepts/services-networking/service/#headless-services'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n  - port: 5432\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n  - port: 5432\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n'],
    },
  },
  kinds: ['StatefulSet'],
  messages: {
    invalidName: 'serviceName "{{name}}" is not a DNS label (lowercase letters, digits and "-", at most 63): it becomes the pods\' subdomain, so the controller fails to create them. Use a valid Service name.',
    missing: 'This StatefulSet names no serviceName: its pods get no stable DNS names (db-0.db…), which clustered software uses to find its peers. Create a headless Service and name it in serviceName.',
    notFound: 'Service "{{name}}" is not found {{scope}}: without it the pods get no stable DNS names. Add a headless Service (clusterIP: None) named "{{name}}".',
    notHeadless: 'Service "{{name}}" is not headless (clusterIP: None): the StatefulSet\'s pods get no per-pod DNS names through it. Set clusterIP: None on the Service (re-create it: clusterIP cannot change).',
  },
  check(ctx) {
    if (!ctx.manifest.apiVersion.startsWith('apps/')) return;
    const spec = specOf(ctx.manifest);
    const name = spec.serviceName;
    if (typeof name !== 'string' || name === '') {
      ctx.report({ path: ['spec'], target: 'key', messageId: 'missing', severity: 'info' });
      return;
    }
    if (name.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
      ctx.report({ path: ['spec', 'serviceName'], messageId: 'invalidName', severity: 'error', data: { name } });
      return;
    }
    const services = ctx.index.find('Service', ctx.namespace, name);
    if (services.length === 0) {
      // The field is optional and the pods run without it: a warning at most, even in a described namespace.
      const { severity, scope } = missingSeverity(ctx.index, ctx.namespace);
      ctx.report({ path: ['spec', 'serviceName'], messageId: 'notFound', severity: severity === 'error' ? 'warning' : severity, data: { name, scope } });
      return;
    }
    const service = services[0]!;
    const svcSpec = isRecord(service.object.spec) ? service.object.spec : {};
    if (svcSpec.clusterIP === 'None') return;
    ctx.report({
      path: ['spec', 'serviceName'], messageId: 'notHeadless', data: { name },
      related: [{ manifest: service, path: ['spec'], target: 'key', message: `Service "${name}" (not headless)` }],
    });
  },
});
