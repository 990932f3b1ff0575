/**
 * @fileoverview recommended-labels: workloads and Services carry the recommended
 * `app.kubernetes.io/*` labels (off by default).
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule, type RuleFix } from '../types';

export const RECOMMENDED_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
];

interface Options {
  /** The labels every checked object must carry. */
  required: string[];
}

export default defineRule<'missing', Options>({
  id: 'recommended-labels',
  category: 'labels',
  severity: 'info',
  enabledByDefault: false,
  title: 'Objects should carry the recommended app.kubernetes.io labels',
  docs: {
    description: 'Reports workloads, Services and Ingresses whose `metadata.labels` lack some of the recommended `app.kubernetes.io/*` labels (by default `name`, `instance`, `version`, `component` and `part-of`; the `required` option changes the list). Off by default.',
    rationale: 'Shared labels let tools and people find everything that makes up one application: `kubectl get all -l app.kubernetes.io/part-of=shop`, dashboards, cost reports and network policies all rely on them.',
    remediation: 'Add the missing labels to `metadata.labels`; the editor can add `app.kubernetes.io/name` from the object\'s name.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\n    app.kubernetes.io/instance: web-prod\n    app.kubernetes.io/version: "1.4.2"\n    app.kubernetes.io/component: frontend\n    app.kubernetes.io/part-of: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
    },
  },
  kinds: [...POD_TEMPLATE_KINDS.filter((k) => k !== 'PodTemplate'), 'Service', 'Ingress'],
  fixable: 'suggestion',
  options: {
    schema: { type: 'object', properties: { required: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaults: { required: RECOMMENDED_LABELS.filter((l) => l !== 'app.kubernetes.io/managed-by') },
  },
  messages: {
    missing: '{{kind}} "{{name}}" lacks the recommended label{{plural}} {{labels}}: tools and people rely on them to find what belongs to one application. Add {{them}} to metadata.labels.',
  },
  check(ctx) {
    const metadata = ctx.manifest.object.metadata;
    const labels = isRecord(metadata) && isRecord(metadata.labels) ? metadata.labels : {};
    const missing = ctx.options.required.filter((l) => !(l in labels));
    if (missing.length === 0) return;
    const suggestions: RuleFix[] = missing.includes('app.kubernetes.io/name') && ctx.manifest.name
      ? [{ title: `Add app.kubernetes.io/name: ${ctx.manifest.name}`, ops: [{ op: 'set', path: ['metadata', 'labels', 'app.kubernetes.io/name'], value: ctx.manifest.name, after: ['namespace', 'name'] }] }]
      : [];
    ctx.report({
      path: isRecord(metadata) && isRecord(metadata.labels) ? ['metadata', 'labels'] : ['metadata', 'name'],
      target: 'key',
      messageId: 'missing',
      data: { kind: ctx.manifest.kind, name: ctx.manifest.name, labels: missing.join(', '), plural: missing.length > 1 ? 's' : '', them: missing.length > 1 ? 'them' : 'it' },
      suggestions,
    });
  },
});
