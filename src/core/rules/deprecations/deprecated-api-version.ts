/**
 * @fileoverview deprecated-api-version: objects avoid API versions that the configured
 * Kubernetes version still serves but has deprecated (they are removed in a later release).
 */
import { lifecycleOf, migrate, statusIn } from '../../schema/api-lifecycle';
import { apiVersionReport } from './lifecycle-helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'deprecated-api-version',
  category: 'deprecations',
  severity: 'warning',
  title: 'Deprecated API versions should be migrated before they are removed',
  docs: {
    description: 'Reports objects written with an apiVersion that the configured Kubernetes version (`kubernetesVersion`) still serves but has deprecated, with the release that removes it and the replacement.',
    rationale: 'A deprecated API version keeps working until the upgrade that removes it; then `kubectl apply` fails. Migrating ahead of time, while both versions are served, is painless.',
    remediation: 'Move the object to the replacement apiVersion; the quick fix does it when the migration keeps the behaviour.',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/docs/reference/using-api/deprecation-policy/'],
  },
  kinds: '*',
  fixable: 'safe',
  messages: {
    deprecated: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}}: it works on {{version}} but will be rejected after the upgrade. Migrate to {{replacement}}{{changes}}.',
    deprecatedNoReplacement: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}} with no replacement API: it works on {{version}} but will be rejected after the upgrade. Instead, {{advice}}.',
  },
  check(ctx) {
    const entry = lifecycleOf(ctx.manifest.apiVersion, ctx.manifest.kind);
    if (!entry || statusIn(entry, ctx.config.kubernetesVersion) !== 'deprecated') return;
    ctx.report(apiVersionReport(ctx.manifest, entry, ctx.config.kubernetesVersion, migrate(ctx.manifest.object, entry), 'deprecated', 'deprecatedNoReplacement'));
  },
});
