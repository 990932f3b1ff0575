/**
 * @fileoverview no-automount-service-account-token: pods that do not seem to use the Kubernetes
 * API do not get an API token mounted.
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { isBound, mountsToken, serviceAccountOf } from './service-accounts';

export default defineRule({
  id: 'no-automount-service-account-token',
  category: 'security',
  severity: 'info',
  title: 'Pods that do not use the API should not mount a service account token',
  docs: {
    description: 'Reports pod templates that get a service account token mounted (neither the pod nor its ServiceAccount among the inputs sets `automountServiceAccountToken: false`) while no RoleBinding or ClusterRoleBinding of the inputs grants their service account anything: a sign that they do not use the Kubernetes API. Pods running as the `default` account are left to no-default-service-account.',
    rationale: 'Every container of the pod can read the token at /var/run/secrets/kubernetes.io/serviceaccount and talk to the API server as the pod\'s service account; an attacker who gets into the container gets that identity, and anything granted to it later, for free.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount); pods that do call the API should run with their own ServiceAccount and a RoleBinding granting only what they need.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  automountServiceAccountToken: false\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    mounted: 'This pod gets an API token for the service account "{{account}}", which no RoleBinding among the inputs grants anything: if the app does not call the Kubernetes API, the token only helps an attacker who gets into a container. Set automountServiceAccountToken: false.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template || ctx.namespace === undefined) return;
    if (!mountsToken(ctx.index, template, ctx.namespace)) return;
    const account = serviceAccountOf(template).name;
    // The default account is no-default-service-account's business (one finding, not two).
    if (account === 'default' || isBound(ctx.index, ctx.namespace, account)) return;
    ctx.report({
      path: template.specPath,
      messageId: 'mounted',
      data: { account },
      suggestions: [{
        title: 'Set automountServiceAccountToken: false',
        ops: [{ op: 'set', path: [...template.specPath, 'automountServiceAccountToken'], value: false, after: ['serviceAccountName', 'serviceAccount'] }],
      }],
    });
  },
});
