/**
 * @fileoverview job-restart-policy: the pods of a Job or CronJob set `restartPolicy` to
 * `OnFailure` or `Never`.
 */
import { podTemplateOf } from '../../model/pod-template';
import { defineRule, type RuleFix } from '../types';
import { jobSpecOf } from './job-helpers';

export default defineRule({
  id: 'job-restart-policy',
  category: 'jobs',
  severity: 'error',
  title: 'A Job\'s pods should set restartPolicy to OnFailure or Never',
  docs: {
    description: 'Reports a Job or CronJob whose pod template sets `restartPolicy: Always` or no `restartPolicy` at all (a pod defaults to `Always`).',
    rationale: 'The API server refuses a Job whose pods restart Always: a Job runs to completion, and `Always` would restart a finished container forever. Without the field the default is `Always`, so the Job is refused just the same ("Unsupported value: Always").',
    remediation: 'Set `restartPolicy: OnFailure` to retry a failing container in the same pod (logs of earlier attempts are lost, the pod keeps its node), or `Never` to create a new pod for each attempt (every attempt\'s logs stay, up to `backoffLimit`).',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template', 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#handling-pod-and-container-failures'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
    },
  },
  kinds: ['Job', 'CronJob'],
  fixable: 'suggestion',
  messages: {
    always: 'restartPolicy Always is not allowed for the pods of a {{kind}}: the API server refuses it, since a finished container would restart forever. Use OnFailure (retry in the same pod) or Never (a new pod per attempt).',
    missing: 'The pods of this {{kind}} set no restartPolicy, so it defaults to Always, which the API server refuses for a {{kind}}. Set restartPolicy to OnFailure (retry in the same pod) or Never (a new pod per attempt).',
  },
  check(ctx) {
    if (!jobSpecOf(ctx.manifest)) return;
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const policy = template.spec.restartPolicy;
    if (policy !== undefined && policy !== 'Always') return;
    const suggestions: RuleFix[] = ['OnFailure', 'Never'].map((value) => ({
      title: `Set restartPolicy: ${value}`,
      ops: [{ op: 'set', path: [...template.specPath, 'restartPolicy'], value, after: [] }],
    }));
    const kind = ctx.manifest.kind;
    if (policy === 'Always') ctx.report({ path: [...template.specPath, 'restartPolicy'], messageId: 'always', data: { kind }, suggestions });
    else ctx.report({ path: template.specPath, target: 'key', messageId: 'missing', data: { kind }, suggestions });
  },
});
