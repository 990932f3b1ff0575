/**
 * @fileoverview Shared by the Job and CronJob rules: where the JobSpec lives (a Job's `spec`, a
 * CronJob's `spec.jobTemplate.spec`), read as a plain record with its path.
 */
import type { Manifest } from '../../source/parse';
import { isRecord } from '../../source/parse';
import type { Path } from '../../source/path';

export interface JobSpecRef {
  spec: Record<string, unknown>;
  path: Path;
}

/** The JobSpec of a Job or CronJob (batch API), or undefined. */
export function jobSpecOf(manifest: Manifest): JobSpecRef | undefined {
  if (!manifest.apiVersion.startsWith('batch/')) return undefined;
  if (manifest.kind === 'Job') {
    const spec = manifest.object.spec;
    return isRecord(spec) ? { spec, path: ['spec'] } : undefined;
  }
  if (manifest.kind === 'CronJob') {
    const spec = manifest.object.spec;
    const template = isRecord(spec) ? spec.jobTemplate : undefined;
    const jobSpec = isRecord(template) ? template.spec : undefined;
    return isRecord(jobSpec) ? { spec: jobSpec, path: ['spec', 'jobTemplate', 'spec'] } : undefined;
  }
  return undefined;
}

/** The CronJob spec of a CronJob (batch API), or undefined. */
export function cronSpecOf(manifest: Manifest): Record<string, unknown> | undefined {
  if (manifest.kind !== 'CronJob' || !manifest.apiVersion.startsWith('batch/')) return undefined;
  const spec = manifest.object.spec;
  return isRecord(spec) ? spec : undefined;
}

/** Where to report something missing from a JobSpec: the key of the spec itself. */
export function missingAt(ref: JobSpecRef): { path: Path; target: 'key' } {
  return { path: ref.path, target: 'key' };
}

/** A Job created by something else (a CronJob, an operator) carries ownerReferences. */
export function isOwned(manifest: Manifest): boolean {
  const metadata = manifest.object.metadata;
  return isRecord(metadata) && Array.isArray(metadata.ownerReferences) && metadata.ownerReferences.length > 0;
}
