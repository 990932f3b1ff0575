/**
 * @fileoverview job-completions-parallelism: `completions`, `parallelism` and `completionMode`
 * of a Job agree with each other.
 */
import { defineRule } from '../types';
import { jobSpecOf } from './job-helpers';

export default defineRule({
  id: 'job-completions-parallelism',
  category: 'jobs',
  severity: 'warning',
  title: 'A Job\'s completions and parallelism should agree',
  docs: {
    description: 'Reports a Job or CronJob whose `parallelism` is larger than `completions`, whose `parallelism` is 0, or whose `completionMode: Indexed` has no `completions`.',
    rationale: 'The controller never runs more pods than the completions still missing, so `parallelism` above `completions` does not do what it says; `parallelism: 0` starts no pod at all (the Job waits, like a suspended one); an Indexed Job needs `completions` to know its indexes, and the API server refuses it without.',
    remediation: 'Set `parallelism` at most `completions` (or leave `completions` unset for a work-queue Job whose pods decide together when the work is done), and give an Indexed Job its `completions`.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/job/#parallel-jobs', 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#completion-mode'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: batch\nspec:\n  completions: 2\n  parallelism: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: work\n        image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: batch\nspec:\n  completions: 10\n  parallelism: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: work\n        image: app:1.0\n'],
    },
  },
  kinds: ['Job', 'CronJob'],
  messages: {
    parallelismAboveCompletions: 'parallelism {{parallelism}} is above completions {{completions}}: the Job never runs more than {{completions}} pods at once. Lower parallelism to {{completions}} or raise completions.',
    zeroParallelism: 'parallelism 0 starts no pod: the Job waits forever, as if suspended. Set parallelism to 1 or more (or use suspend: true to pause it on purpose).',
    indexedWithoutCompletions: 'completionMode Indexed needs completions (the number of indexes): the API server refuses this Job. Set completions.',
  },
  check(ctx) {
    const job = jobSpecOf(ctx.manifest);
    if (!job) return;
    const { completions, parallelism, completionMode } = job.spec;
    if (completionMode === 'Indexed' && (completions === undefined || completions === null)) {
      ctx.report({ path: [...job.path, 'completionMode'], messageId: 'indexedWithoutCompletions', severity: 'error' });
    }
    if (parallelism === 0) {
      ctx.report({ path: [...job.path, 'parallelism'], messageId: 'zeroParallelism', severity: 'info' });
    } else if (typeof parallelism === 'number' && typeof completions === 'number' && parallelism > completions) {
      ctx.report({ path: [...job.path, 'parallelism'], messageId: 'parallelismAboveCompletions', data: { parallelism, completions } });
    }
  },
});
