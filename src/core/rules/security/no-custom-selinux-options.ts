/**
 * @fileoverview no-custom-selinux-options: SELinux options stay within what the Pod Security
 * Standards baseline control "SELinux" allows (a container type, no user, no role).
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import type { Path } from '../../source/path';
import { defineRule, type RuleContext } from '../types';
import { containerSecurityContext, containerSecurityContextPath, podSecurityContext, podSecurityContextPath, PSS_REFERENCE } from './pod-security';

const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule({
  id: 'no-custom-selinux-options',
  category: 'security',
  severity: 'warning',
  title: 'SELinux options should not grant a custom user, role or type',
  docs: {
    description: 'Reports `seLinuxOptions` (pod or container) whose `type` is not one of container_t, container_init_t, container_kvm_t or container_engine_t, or that set a `user` or a `role`: the Pod Security Standards baseline control "SELinux".',
    rationale: 'On SELinux nodes (RHEL, Fedora, some k3s installs), the container types confine what a container can touch on the node; another type (spc_t, unconfined_t) or a custom user or role can lift that confinement.',
    remediation: 'Remove the `seLinuxOptions` `user` and `role`, and use one of the container types (or none: the runtime assigns container_t with a unique level).',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      level: "s0:c123,c456"\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    type: 'The SELinux type "{{value}}" of {{owner}} is not a container type: it can lift the confinement SELinux puts on containers (Pod Security Standards, baseline: "SELinux"). Use container_t, container_init_t, container_kvm_t or container_engine_t, or remove it.',
    userOrRole: 'The SELinux {{field}} "{{value}}" of {{owner}} overrides the confinement the runtime assigns (Pod Security Standards, baseline: "SELinux"). Remove seLinuxOptions.{{field}}.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    // Most security contexts set no SELinux options: their paths and words are made only for those that do.
    const pod = podSecurityContext(template);
    if (isRecord(pod.seLinuxOptions)) checkOptions(ctx, pod.seLinuxOptions, podSecurityContextPath(template), 'this pod');
    for (const c of containersOf(template)) {
      const sc = containerSecurityContext(c);
      if (isRecord(sc.seLinuxOptions)) checkOptions(ctx, sc.seLinuxOptions, containerSecurityContextPath(c), `container "${c.name}"`);
    }
  },
});

/** The `seLinuxOptions` of the security context at `path`. */
function checkOptions(ctx: RuleContext<'type' | 'userOrRole', unknown>, options: Record<string, unknown>, path: Path, owner: string): void {
  const type = options.type;
  if (type !== undefined && type !== null && !ALLOWED_TYPES.has(String(type))) {
    ctx.report({ path: [...path, 'seLinuxOptions', 'type'], messageId: 'type', data: { value: String(type), owner } });
  }
  for (const field of ['user', 'role'] as const) {
    const value = options[field];
    if (value === undefined || value === null || value === '') continue;
    ctx.report({ path: [...path, 'seLinuxOptions', field], messageId: 'userOrRole', data: { field, value: String(value), owner } });
  }
}
