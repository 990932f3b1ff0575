/**
 * @fileoverview Shared by the HorizontalPodAutoscaler rules: its replica bounds as the API
 * server defaults them.
 */
import { isRecord, type Manifest } from '../../source/parse';

export interface HpaBounds {
  /** `minReplicas`, 1 when unset. */
  min: number;
  max: number | undefined;
  minWritten: boolean;
}

export function hpaBounds(manifest: Manifest): HpaBounds {
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
  return { min, max: typeof spec.maxReplicas === 'number' ? spec.maxReplicas : undefined, minWritten: spec.minReplicas !== undefined };
}
