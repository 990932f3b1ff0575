/**
 * @fileoverview job-ttl-after-finished: a standalone Job says when it is deleted once finished.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { isOwned, jobSpecOf, missingAt } from './job-helpers';

export default defineRule({
  id: 'job-ttl-after-finished',
  category: 'jobs',
  severity: 'info',
  title: 'A standalone Job should set ttlSecondsAfterFinished',
  docs: {
    description: 'Reports a Job (not one made by a CronJob or another owner, nor a Helm or Argo CD hook with a delete policy) without `ttlSecondsAfterFinished`.',
    rationale: 'A finished Job and its pods stay until someone deletes them: they clutter `kubectl get pods`, keep their logs on the nodes and count against quotas. CronJobs clean their Jobs with history limits; a standalone Job needs a TTL. It also lets you re-apply the same manifest, which is refused while the old Job (its template is immutable) still exists.',
    remediation: 'Set `ttlSecondsAfterFinished` (for example 86400, one day, to keep time to read the logs); the TTL controller then deletes the Job and its pods.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/', 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#clean-up-finished-jobs-automatically'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  ttlSecondsAfterFinished: 86400\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
    },
  },
  kinds: ['Job'],
  fixable: 'suggestion',
  messages: {
    missing: 'This Job sets no ttlSecondsAfterFinished: once finished, it and its pods stay until deleted by hand, and re-applying the manifest fails while it exists. Set ttlSecondsAfterFinished (86400 keeps it a day).',
  },
  check(ctx) {
    const job = jobSpecOf(ctx.manifest);
    if (!job || isOwned(ctx.manifest) || job.spec.ttlSecondsAfterFinished !== undefined) return;
    // Helm and Argo CD hooks with a delete policy are cleaned up by the tool that runs them.
    const metadata = ctx.manifest.object.metadata;
    const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations : {};
    if ('helm.sh/hook-delete-policy' in annotations || 'argocd.argoproj.io/hook-delete-policy' in annotations) return;
    ctx.report({
      ...missingAt(job), messageId: 'missing',
      suggestions: [{ title: 'Delete the Job one day after it finishes', ops: [{ op: 'set', path: [...job.path, 'ttlSecondsAfterFinished'], value: 86400, after: ['backoffLimit', 'activeDeadlineSeconds', 'parallelism', 'completions'] }] }],
    });
  },
});
