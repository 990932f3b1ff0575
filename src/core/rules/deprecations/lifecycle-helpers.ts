/**
 * @fileoverview What removed-api-version and deprecated-api-version report: the apiVersion
 * value, the replacement, and the migration as a fix (or a suggestion when it changes behaviour).
 */
import type { ApiLifecycle, Migration } from '../../schema/api-lifecycle';
import type { Manifest } from '../../source/parse';
import type { Report, RuleFix } from '../types';

export function apiVersionReport<M extends string>(
  manifest: Manifest, entry: ApiLifecycle, version: string, migration: Migration | undefined, withReplacement: M, withoutReplacement: M,
): Report<M> {
  const data = {
    kind: manifest.kind, apiVersion: manifest.apiVersion, version,
    deprecatedIn: entry.deprecatedIn, removedIn: entry.removedIn,
    replacement: entry.replacement ?? '', changes: entry.changes ? ` (${entry.changes})` : '', advice: entry.advice ?? '',
  };
  const report: Report<M> = {
    path: ['apiVersion'], messageId: entry.replacement ? withReplacement : withoutReplacement, data, tags: ['deprecated'],
  };
  if (migration) {
    const fix: RuleFix = { title: `Migrate to ${entry.replacement}`, ops: migration.ops };
    if (migration.safe) report.fix = fix;
    else report.suggestions = [fix];
  }
  return report;
}
