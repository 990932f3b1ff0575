/**
 * @fileoverview require-read-only-root-filesystem: containers mount their image read-only
 * (`readOnlyRootFilesystem: true`); a hardening best practice, not a Pod Security Standards control.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath } from './pod-security';

export default defineRule({
  id: 'require-read-only-root-filesystem',
  category: 'security',
  severity: 'info',
  title: 'Containers should have a read-only root file system',
  docs: {
    description: 'Reports containers (init and sidecar ones included) that do not set `securityContext.readOnlyRootFilesystem: true`. This is a hardening practice beyond the Pod Security Standards.',
    rationale: 'With a writable root file system, an attacker who gets code execution can drop tools and binaries into the container, or alter the application; a read-only root also makes every place the application writes explicit.',
    remediation: 'Set `readOnlyRootFilesystem: true` and mount an `emptyDir` volume at each directory the application writes to (often /tmp, caches, pid files).',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      readOnlyRootFilesystem: true\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    writable: 'Container "{{container}}" can write to its root file system: an attacker who runs code in it can drop tools there or alter the application. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write (/tmp, caches).',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind === 'ephemeral') continue;
      const value = containerSecurityContext(c).readOnlyRootFilesystem;
      if (value === true) continue;
      const path = [...containerSecurityContextPath(c), 'readOnlyRootFilesystem'];
      ctx.report({
        path: value === undefined ? [...c.path, 'name'] : path,
        messageId: 'writable',
        data: { container: c.name },
        suggestions: [{ title: `Set readOnlyRootFilesystem: true in container "${c.name}"`, ops: [{ op: 'set', path, value: true }] }],
      });
    }
  },
});
