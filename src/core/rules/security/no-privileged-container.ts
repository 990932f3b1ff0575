/**
 * @fileoverview no-privileged-container: no container runs with `securityContext.privileged: true`
 * (Pod Security Standards, baseline control "Privileged Containers").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, PSS_REFERENCE, withRestrictedFix } from './pod-security';

export default defineRule({
  id: 'no-privileged-container',
  category: 'security',
  severity: 'error',
  title: 'Containers should not run privileged',
  docs: {
    description: 'Reports containers (init, sidecar and ephemeral ones included) with `securityContext.privileged: true`: the Pod Security Standards baseline control "Privileged Containers".',
    rationale: 'A privileged container sees every device of the node and holds every capability: whoever controls it controls the node, and from there the other pods and their Secrets. Only node agents (CNI plugins, storage drivers) have a reason to run privileged.',
    remediation: 'Remove `privileged: true`; if the container needs one specific privilege, add only that capability (for example `NET_ADMIN`), or run it in a namespace labelled for the privileged profile.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      privileged: false\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    privileged: 'Container "{{container}}" runs privileged: it gets every capability and the node\'s devices, so whoever compromises it owns the node (Pod Security Standards, baseline: "Privileged Containers"). Remove privileged: true and add only the capabilities it needs.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (containerSecurityContext(c).privileged !== true) continue;
      const path = [...containerSecurityContextPath(c), 'privileged'];
      ctx.report({
        path,
        messageId: 'privileged',
        data: { container: c.name },
        suggestions: [{ title: `Set privileged: false in container "${c.name}"`, ops: [{ op: 'set', path, value: false }] }, ...(withRestrictedFix(template).suggestions ?? [])],
      });
    }
  },
});
