/**
 * @fileoverview require-seccomp-profile: seccomp is never Unconfined (baseline) and, at the
 * restricted level, every container runs under RuntimeDefault or a Localhost profile
 * (Pod Security Standards control "Seccomp").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import {
  containerSecurityContext, containerSecurityContextPath, GOOD_SECCOMP, isRestricted, isWindowsPod, podSecurityContext,
  podSecurityContextPath, PSS_REFERENCE, seccompType, withRestrictedFix,
} from './pod-security';

const SECCOMP_TYPE = ['seccompProfile', 'type'];

export default defineRule({
  id: 'require-seccomp-profile',
  category: 'security',
  severity: 'warning',
  title: 'Containers should run with a seccomp profile',
  docs: {
    description: 'Reports `seccompProfile.type: Unconfined` (pod or container; the Pod Security Standards baseline control "Seccomp") and, when `podSecurity` is `restricted`, containers that run with no `RuntimeDefault` or `Localhost` profile set at pod or container level (the restricted control "Seccomp").',
    rationale: 'Kubernetes runs containers without seccomp unless told otherwise, so every system call of the kernel is reachable from the container; RuntimeDefault blocks the few hundred calls ordinary applications never make and many kernel exploits need.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (it applies to every container), or `Localhost` with a profile installed on the nodes.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    unconfinedPod: 'This pod turns seccomp off (Unconfined): every system call of the node\'s kernel is open to its containers (Pod Security Standards, baseline: "Seccomp"). Use RuntimeDefault.',
    unconfinedContainer: 'Container "{{container}}" turns seccomp off (Unconfined): every system call of the node\'s kernel is open to it (Pod Security Standards, baseline: "Seccomp"). Use RuntimeDefault.',
    missingPod: 'This pod sets no seccomp profile, so its containers run without seccomp filtering (Pod Security Standards, restricted: "Seccomp"). Set securityContext.seccompProfile.type: RuntimeDefault at pod level.',
    missingContainer: 'Container "{{container}}" runs with no seccomp profile: neither it nor the pod sets one (Pod Security Standards, restricted: "Seccomp"). Set seccompProfile.type: RuntimeDefault at pod level or in this container.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    // The fix and the paths are built only for a template that has something to report.
    let built: ReturnType<typeof withRestrictedFix> | undefined;
    const fix = (): ReturnType<typeof withRestrictedFix> => (built ??= withRestrictedFix(template));
    const pod = podSecurityContext(template);
    if (seccompType(pod) === 'Unconfined') ctx.report({ path: [...podSecurityContextPath(template), ...SECCOMP_TYPE], messageId: 'unconfinedPod', ...fix() });
    const containers = containersOf(template);
    for (const c of containers) {
      if (seccompType(containerSecurityContext(c)) !== 'Unconfined') continue;
      ctx.report({ path: [...containerSecurityContextPath(c), ...SECCOMP_TYPE], messageId: 'unconfinedContainer', data: { container: c.name }, ...fix() });
    }
    if (!isRestricted(ctx.config) || isWindowsPod(template) || GOOD_SECCOMP.has(seccompType(pod) as string) || seccompType(pod) === 'Unconfined') return;
    const missing = containers.filter((c) => seccompType(containerSecurityContext(c)) === undefined);
    if (missing.length === 0) return;
    if (missing.length === containers.length) {
      ctx.report({ path: template.specPath, messageId: 'missingPod', ...fix() });
      return;
    }
    for (const c of missing) ctx.report({ path: [...c.path, 'name'], messageId: 'missingContainer', data: { container: c.name }, ...fix() });
  },
});
