/**
 * @fileoverview require-pre-stop-hook: pods a Service routes to give the endpoints time to
 * drop them before they stop (a `preStop` hook), so rolling updates do not cut requests.
 */
import { longRunningContainers, podLabels, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { servicesSelecting } from './workload-helpers';

export default defineRule({
  id: 'require-pre-stop-hook',
  category: 'reliability',
  severity: 'info',
  title: 'Pods behind a Service should shut down gracefully',
  docs: {
    description: 'Reports Deployments, StatefulSets, ReplicaSets and DaemonSets whose pods a Service of the inputs selects, when none of their long-running containers has a `lifecycle.preStop` hook.',
    rationale: 'When a pod is deleted, the kubelet sends SIGTERM while kube-proxy and Ingress controllers are still removing the pod from the endpoints: for a second or two, new requests still arrive at a process that is shutting down, and fail. A short `preStop` pause lets the endpoint removal finish first; `terminationGracePeriodSeconds` must cover that pause plus the application\'s own shutdown.',
    remediation: 'Add `lifecycle: {preStop: {sleep: {seconds: 5}}}` to the serving container (or an `exec` of `sleep` on older clusters), and make sure the application finishes in-flight requests on SIGTERM within `terminationGracePeriodSeconds` (30 s by default).',
    references: ['https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination', 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/'],
  },
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet'],
  fixable: 'suggestion',
  messages: {
    missing: 'The Service "{{service}}" routes to these pods, but no container has a preStop hook: during rollouts, requests still arrive for a second or two after SIGTERM and fail. Add a short preStop sleep to container "{{container}}".',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template || ctx.namespace === undefined) return;
    const containers = longRunningContainers(template);
    if (containers.length === 0 || containers.some((c) => c.container.lifecycle?.preStop)) return;
    const services = servicesSelecting(ctx.index, ctx.namespace, podLabels(template));
    if (services.length === 0) return;
    const first = containers.find((c) => c.kind === 'container') ?? containers[0]!;
    ctx.report({
      path: [...first.path, 'name'],
      messageId: 'missing',
      data: { service: services[0]!.name, container: first.name },
      related: [{ manifest: services[0]!, path: ['metadata', 'name'], message: `Service "${services[0]!.name}" selects these pods` }],
      suggestions: [{
        title: `Add a 5-second preStop sleep to container "${first.name}"`,
        ops: [{ op: 'set', path: [...first.path, 'lifecycle', 'preStop'], value: { sleep: { seconds: 5 } } }],
      }],
    });
  },
});
