/**
 * @fileoverview no-added-capabilities: containers add no Linux capability beyond what the Pod
 * Security level allows (control "Capabilities": the runtime defaults at baseline, only
 * NET_BIND_SERVICE at restricted).
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import {
  BASELINE_CAPABILITIES, containerSecurityContext, containerSecurityContextPath, isRestricted, PSS_REFERENCE,
  recordAt, RESTRICTED_CAPABILITIES, withRestrictedFix,
} from './pod-security';

export default defineRule({
  id: 'no-added-capabilities',
  category: 'security',
  severity: 'warning',
  title: 'Containers should not add Linux capabilities',
  docs: {
    description: 'Reports capabilities in `securityContext.capabilities.add` that the Pod Security level does not allow: at baseline, anything beyond the container runtimes\' default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT); at restricted, anything but NET_BIND_SERVICE.',
    rationale: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE are pieces of root on the node: mounting file systems, changing the node\'s network, reading other processes\' memory, loading kernel modules. Each one widens what an attacker in the container can do.',
    remediation: 'Remove the capability, or replace it with a narrower one; at the restricted level, drop ALL and add back only NET_BIND_SERVICE when the container binds a port below 1024.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        add: ["SYS_ADMIN"]\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        add: ["NET_BIND_SERVICE"]\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    baseline: 'Container "{{container}}" adds the capability {{capability}}, which the baseline profile forbids: it gives the container part of root\'s power over the node (Pod Security Standards, baseline: "Capabilities"). Remove it, or grant a narrower capability.',
    restricted: 'Container "{{container}}" adds the capability {{capability}}; the restricted profile allows adding back only NET_BIND_SERVICE (Pod Security Standards, restricted: "Capabilities"). Remove it.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const restricted = isRestricted(ctx.config);
    for (const c of containersOf(template)) {
      const add = recordAt(containerSecurityContext(c).capabilities).add;
      if (!Array.isArray(add)) continue;
      add.forEach((capability: unknown, i) => {
        if (typeof capability !== 'string') return;
        const level = !BASELINE_CAPABILITIES.has(capability) ? 'baseline' : restricted && !RESTRICTED_CAPABILITIES.has(capability) ? 'restricted' : undefined;
        if (!level) return;
        const path = [...containerSecurityContextPath(c), 'capabilities', 'add', i];
        ctx.report({
          path, messageId: level, data: { container: c.name, capability },
          suggestions: [{ title: `Remove the capability ${capability}`, ops: [{ op: 'remove', path }] }, ...(withRestrictedFix(template).suggestions ?? [])],
        });
      });
    }
  },
});
