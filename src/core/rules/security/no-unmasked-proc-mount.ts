/**
 * @fileoverview no-unmasked-proc-mount: containers keep the default, masked /proc (Pod Security
 * Standards, baseline control "/proc Mount Type").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, PSS_REFERENCE } from './pod-security';

export default defineRule({
  id: 'no-unmasked-proc-mount',
  category: 'security',
  severity: 'warning',
  title: 'Containers should keep the default /proc mount',
  docs: {
    description: 'Reports `securityContext.procMount` values other than `Default`: the Pod Security Standards baseline control "/proc Mount Type".',
    rationale: 'The runtime masks and makes read-only the parts of /proc that reveal or change the node\'s kernel; `Unmasked` gives them back to the container.',
    remediation: 'Remove `procMount` (or set it to `Default`); `Unmasked` is only meant for nested containers inside user-namespaced pods.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      procMount: Unmasked\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      procMount: Default\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    unmasked: 'Container "{{container}}" mounts /proc "{{value}}": it can read and change kernel settings of the node that the runtime normally masks (Pod Security Standards, baseline: "/proc Mount Type"). Remove procMount.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const value = containerSecurityContext(c).procMount;
      if (value === undefined || value === null || value === 'Default') continue;
      const path = [...containerSecurityContextPath(c), 'procMount'];
      ctx.report({ path, messageId: 'unmasked', data: { container: c.name, value: String(value) } });
    }
  },
});
