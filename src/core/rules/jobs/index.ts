import type { Rule } from '../types';
import cronjobConcurrencyPolicy from './cronjob-concurrency-policy';
import cronjobEveryMinute from './cronjob-every-minute';
import cronjobHistoryLimits from './cronjob-history-limits';
import cronjobSchedule from './cronjob-schedule';
import cronjobStartingDeadline from './cronjob-starting-deadline';
import cronjobSuspended from './cronjob-suspended';
import cronjobTimeZone from './cronjob-time-zone';
import jobActiveDeadline from './job-active-deadline';
import jobBackoffLimit from './job-backoff-limit';
import jobCompletionsParallelism from './job-completions-parallelism';
import jobRestartPolicy from './job-restart-policy';
import jobTtlAfterFinished from './job-ttl-after-finished';

export default [
  cronjobConcurrencyPolicy,
  cronjobEveryMinute,
  cronjobHistoryLimits,
  cronjobSchedule,
  cronjobStartingDeadline,
  cronjobSuspended,
  cronjobTimeZone,
  jobActiveDeadline,
  jobBackoffLimit,
  jobCompletionsParallelism,
  jobRestartPolicy,
  jobTtlAfterFinished,
] as Array<Rule<string, any>>;
