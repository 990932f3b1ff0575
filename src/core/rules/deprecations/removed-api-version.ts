/**
 * @fileoverview removed-api-version: objects use an apiVersion the configured Kubernetes
 * version still serves.
 */
import { lifecycleOf, migrate, statusIn } from '../../schema/api-lifecycle';
import { apiVersionReport } from './lifecycle-helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'removed-api-version',
  category: 'deprecations',
  severity: 'error',
  title: 'API versions removed from Kubernetes must be migrated',
  docs: {
    description: 'Reports objects written with an apiVersion that the configured Kubernetes version (`kubernetesVersion`, 1.32 by default) no longer serves, such as `extensions/v1beta1` Ingress or `batch/v1beta1` CronJob, and names the replacement.',
    rationale: 'The API server does not know removed API versions: `kubectl apply` fails with "no matches for kind", usually on the day of a cluster upgrade.',
    remediation: 'Move the object to the replacement apiVersion and adapt the fields that changed; the quick fix does it when the migration keeps the behaviour (for example an Ingress backend becomes `service.name`/`service.port`, a Deployment gets the selector its template labels implied).',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/docs/reference/using-api/deprecation-policy/'],
    examples: {
      invalid: ['apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: busybox:1.36\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: busybox:1.36\n'],
    },
  },
  kinds: '*',
  fixable: 'safe',
  messages: {
    removed: '{{kind}} {{apiVersion}} was removed in Kubernetes {{removedIn}} (configured version: {{version}}): the API server rejects this object with "no matches for kind". Use {{replacement}} instead{{changes}}.',
    removedNoReplacement: '{{kind}} {{apiVersion}} was removed in Kubernetes {{removedIn}} (configured version: {{version}}) and has no replacement API: the API server rejects this object. Instead, {{advice}}.',
  },
  check(ctx) {
    const entry = lifecycleOf(ctx.manifest.apiVersion, ctx.manifest.kind);
    if (!entry || statusIn(entry, ctx.config.kubernetesVersion) !== 'removed') return;
    ctx.report(apiVersionReport(ctx.manifest, entry, ctx.config.kubernetesVersion, migrate(ctx.manifest.object, entry), 'removed', 'removedNoReplacement'));
  },
});
