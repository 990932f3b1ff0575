/**
 * @fileoverview no-privilege-escalation: at the restricted level, every container sets
 * `allowPrivilegeEscalation: false` (Pod Security Standards, restricted control "Privilege Escalation").
 */
import type { FixOp } from '../../fix/fix-ops';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, isRestricted, isWindowsPod, PSS_REFERENCE, withRestrictedFix } from './pod-security';

export default defineRule({
  id: 'no-privilege-escalation',
  category: 'security',
  severity: 'warning',
  title: 'Containers should not allow privilege escalation',
  docs: {
    description: 'When `podSecurity` is `restricted`, reports containers that do not set `securityContext.allowPrivilegeEscalation: false`: the Pod Security Standards restricted control "Privilege Escalation". Windows pods are exempt.',
    rationale: 'Unless it is false, a process in the container can gain more privileges than its parent, through setuid binaries such as `sudo` or `su` or file capabilities: a foothold as an ordinary user becomes root in the container.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` in every container (and init container).',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    allowed: 'Container "{{container}}" allows privilege escalation: a process in it can become root through setuid binaries such as sudo (Pod Security Standards, restricted: "Privilege Escalation"). Set allowPrivilegeEscalation: false.',
    notSet: 'Container "{{container}}" does not set allowPrivilegeEscalation: false, so a process in it can become root through setuid binaries such as sudo (Pod Security Standards, restricted: "Privilege Escalation"). Set it in the container\'s securityContext.',
  },
  check(ctx) {
    if (!isRestricted(ctx.config)) return;
    const template = podTemplateOf(ctx.manifest);
    if (!template || isWindowsPod(template)) return;
    for (const c of containersOf(template)) {
      const value = containerSecurityContext(c).allowPrivilegeEscalation;
      if (value === false) continue;
      const path = [...containerSecurityContextPath(c), 'allowPrivilegeEscalation'];
      // allowPrivilegeEscalation: false is invalid beside privileged: true, so the fix clears both.
      const ops: FixOp[] = [{ op: 'set', path, value: false }];
      if (containerSecurityContext(c).privileged === true) ops.unshift({ op: 'set', path: [...containerSecurityContextPath(c), 'privileged'], value: false });
      const own = { title: `Set allowPrivilegeEscalation: false in container "${c.name}"`, ops };
      ctx.report({
        path: value === undefined ? [...c.path, 'name'] : path,
        messageId: value === undefined ? 'notSet' : 'allowed',
        data: { container: c.name },
        suggestions: [own, ...(withRestrictedFix(template).suggestions ?? [])],
      });
    }
  },
});
