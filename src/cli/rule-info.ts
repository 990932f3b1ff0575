/**
 * @fileoverview Facts about rules that every listing and report shares: where a rule's docs
 * page lives, its SARIF-style name, whether it runs by default.
 */
import type { Rule } from '../core/rules/types';

/** Where the generated rule pages (`docs/rules/<id>.md`) are published. */
export const DOCS_BASE_URL = 'https://kubeplan.dev/docs/rules/';

/** The URL of a rule's documentation page. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}`;
}

/** `no-latest-image-tag` → `NoLatestImageTag` (SARIF's `reportingDescriptor.name`). */
export function pascalName(ruleId: string): string {
  return ruleId.split('-').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('');
}

/** The severity a rule runs at when no configuration names it, or `off`. */
export function defaultSeverity(rule: Rule<string, unknown>): string {
  return rule.enabledByDefault === false ? 'off' : rule.severity;
}
