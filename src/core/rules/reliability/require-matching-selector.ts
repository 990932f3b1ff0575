/**
 * @fileoverview require-matching-selector: a workload's selector selects the pods of its own
 * template (the API server rejects it otherwise).
 */
import { podLabels, podTemplateOf } from '../../model/pod-template';
import { formatSelector, matchesLabelSelector, matchesMapSelector } from '../../model/selector';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

export default defineRule({
  id: 'require-matching-selector',
  category: 'reliability',
  severity: 'error',
  title: 'Workload selectors should match their pod template labels',
  docs: {
    description: 'Reports Deployments, StatefulSets, DaemonSets and ReplicaSets whose `spec.selector` does not select the labels of their own pod template (ReplicationControllers: the plain selector; Jobs: only with `manualSelector: true`).',
    rationale: 'The API server rejects such a workload ("selector does not match template labels"): `kubectl apply` fails. Had it been accepted, the controller would create pods it does not see as its own, forever.',
    remediation: 'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels` (usually the same `app` label in both places); remember the selector of an existing Deployment cannot be changed.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector', 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'],
    examples: {
      invalid: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: frontend}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n'],
      valid: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web, tier: front}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n'],
    },
  },
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'],
  messages: {
    mismatch: 'The selector ({{selector}}) does not select this {{kind}}\'s own pods, labelled {{labels}}: the API server rejects it. Make the selector a subset of spec.template.metadata.labels.',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec;
    const template = podTemplateOf(ctx.manifest);
    if (!isRecord(spec) || !template || !isRecord(spec.selector)) return;
    if (ctx.manifest.kind === 'Job' && spec.manualSelector !== true) return;
    const labels = podLabels(template);
    const plain = ctx.manifest.kind === 'ReplicationController';
    const matches = plain ? Object.keys(spec.selector).length === 0 || matchesMapSelector(labels, spec.selector) : matchesLabelSelector(labels, spec.selector);
    if (matches) return;
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || '(no labels)';
    ctx.report({
      path: ['spec', 'selector'],
      messageId: 'mismatch',
      data: { selector: formatSelector(spec.selector) || '{}', kind: ctx.manifest.kind, labels: shown },
      related: [{ manifest: ctx.manifest, path: [...template.path, 'metadata', 'labels'], message: 'the pod template\'s labels' }],
    });
  },
});
