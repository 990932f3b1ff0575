/**
 * @fileoverview no-default-service-account: workloads that get an API token run with a service
 * account of their own, not the namespace's `default` one.
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { mountsToken, serviceAccountOf } from './service-accounts';

export default defineRule({
  id: 'no-default-service-account',
  category: 'security',
  severity: 'info',
  title: 'Workloads should not run as the default service account',
  docs: {
    description: 'Reports pod templates that run as the namespace\'s `default` ServiceAccount (no `serviceAccountName`, or `default`) with its API token mounted. Pods that set `automountServiceAccountToken: false` hold no token and are not reported.',
    rationale: 'Every pod of the namespace shares the `default` account: a permission granted to it for one application is granted to all of them, and nobody can tell from a binding which workload needs it.',
    remediation: 'Create a ServiceAccount per workload and set `serviceAccountName`; or, if the workload does not use the API, set `automountServiceAccountToken: false`.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: default\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    defaultAccount: 'This pod runs as the namespace\'s "default" service account, with its token mounted: every pod of the namespace shares that identity and whatever is granted to it. Give the workload its own ServiceAccount (serviceAccountName), or set automountServiceAccountToken: false.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template || ctx.namespace === undefined) return;
    const account = serviceAccountOf(template);
    if (account.name !== 'default' || !mountsToken(ctx.index, template, ctx.namespace)) return;
    ctx.report({ path: account.written ? [...template.specPath, account.written] : template.specPath, messageId: 'defaultAccount' });
  },
});
