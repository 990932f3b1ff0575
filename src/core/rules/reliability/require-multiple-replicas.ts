/**
 * @fileoverview require-multiple-replicas: a Deployment or StatefulSet that a Service routes to
 * runs at least two replicas (or is scaled by an HPA from two).
 */
import { podLabels, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { hpasFor, replicasOf, servicesSelecting } from './workload-helpers';

export default defineRule({
  id: 'require-multiple-replicas',
  category: 'reliability',
  severity: 'warning',
  title: 'Workloads behind a Service should run several replicas',
  docs: {
    description: 'Reports Deployments and StatefulSets with fewer than 2 replicas (`replicas` unset means 1) whose pods a Service of the inputs selects. Workloads scaled by a HorizontalPodAutoscaler are left to require-hpa-min-replicas.',
    rationale: 'With one replica, the Service has no endpoint while that pod restarts, is rescheduled after a node drain, or is replaced during an update that cannot surge: every one of those is downtime.',
    remediation: 'Set `replicas: 2` or more (and spread them across nodes with pod anti-affinity or topology spread constraints).',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas', 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
  },
  kinds: ['Deployment', 'StatefulSet'],
  fixable: 'suggestion',
  messages: {
    single: 'This {{kind}} runs {{replicas}} replica behind the Service "{{service}}": while that pod restarts, moves or updates, the Service has no endpoint. Run at least 2 replicas.',
  },
  check(ctx) {
    const replicas = replicasOf(ctx.manifest);
    const template = podTemplateOf(ctx.manifest);
    if (replicas === undefined || replicas >= 2 || replicas === 0 || !template || ctx.namespace === undefined) return;
    if (hpasFor(ctx.index, ctx.manifest).length > 0) return;
    const services = servicesSelecting(ctx.index, ctx.namespace, podLabels(template));
    if (services.length === 0) return;
    const written = (ctx.manifest.object.spec as Record<string, unknown>).replicas !== undefined;
    ctx.report({
      path: written ? ['spec', 'replicas'] : ['metadata', 'name'],
      messageId: 'single',
      data: { kind: ctx.manifest.kind, replicas, service: services[0]!.name },
      related: [{ manifest: services[0]!, path: ['metadata', 'name'], message: `Service "${services[0]!.name}" selects these pods` }],
      suggestions: [{ title: 'Run 2 replicas', ops: [{ op: 'set', path: ['spec', 'replicas'], value: 2, after: ['serviceName', 'minReadySeconds', 'selector'] }] }],
    });
  },
});
