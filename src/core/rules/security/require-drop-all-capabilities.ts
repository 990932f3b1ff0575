/**
 * @fileoverview require-drop-all-capabilities: at the restricted level, every container drops ALL
 * Linux capabilities (Pod Security Standards, restricted control "Capabilities").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import type { FixOp } from '../../fix/fix-ops';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, isRestricted, isWindowsPod, PSS_REFERENCE, recordAt, withRestrictedFix } from './pod-security';

export default defineRule({
  id: 'require-drop-all-capabilities',
  category: 'security',
  severity: 'warning',
  title: 'Containers should drop all Linux capabilities',
  docs: {
    description: 'When `podSecurity` is `restricted`, reports containers whose `securityContext.capabilities.drop` does not include `ALL`: the Pod Security Standards restricted control "Capabilities". Windows pods are exempt.',
    rationale: 'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID...) that most applications never use; NET_RAW alone lets a compromised container spoof traffic on the pod network. Dropping ALL and adding back what is needed is least privilege.',
    remediation: 'Add `capabilities: {drop: ["ALL"]}` to the container\'s `securityContext`; add back `NET_BIND_SERVICE` only if it binds a port below 1024 as a non-root user.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
    examples: {
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    notDropped: 'Container "{{container}}" keeps the runtime\'s default Linux capabilities (NET_RAW, CHOWN, SETUID...): it does not drop ALL (Pod Security Standards, restricted: "Capabilities"). Add capabilities.drop: ["ALL"] and add back only what it needs.',
  },
  check(ctx) {
    if (!isRestricted(ctx.config)) return;
    const template = podTemplateOf(ctx.manifest);
    if (!template || isWindowsPod(template)) return;
    for (const c of containersOf(template)) {
      const drop = recordAt(containerSecurityContext(c).capabilities).drop;
      if (Array.isArray(drop) && drop.includes('ALL')) continue;
      const dropPath = [...containerSecurityContextPath(c), 'capabilities', 'drop'];
      const op: FixOp = Array.isArray(drop) ? { op: 'append', path: dropPath, value: 'ALL' } : { op: 'set', path: dropPath, value: ['ALL'] };
      ctx.report({
        path: Array.isArray(drop) ? dropPath : [...c.path, 'name'],
        messageId: 'notDropped',
        data: { container: c.name },
        suggestions: [{ title: `Drop ALL capabilities in container "${c.name}"`, ops: [op] }, ...(withRestrictedFix(template).suggestions ?? [])],
      });
    }
  },
});
