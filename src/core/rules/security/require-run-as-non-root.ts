/**
 * @fileoverview require-run-as-non-root: at the restricted level, containers must run as a
 * non-root user: `runAsNonRoot: true` (control "Running as Non-root") and no `runAsUser: 0`
 * (control "Running as Non-root user").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, isRestricted, podSecurityContext, podSecurityContextPath, PSS_REFERENCE, withRestrictedFix } from './pod-security';

export default defineRule({
  id: 'require-run-as-non-root',
  category: 'security',
  severity: 'warning',
  title: 'Containers should run as a non-root user',
  docs: {
    description: 'When `podSecurity` is `restricted`, reports pods and containers that do not set `runAsNonRoot: true` (the Pod Security Standards restricted control "Running as Non-root"), and any `runAsUser: 0` (the restricted control "Running as Non-root user").',
    rationale: 'Most images run as root unless told otherwise. Root in a container is root on the node\'s kernel with a few walls around it: a kernel bug, a writable hostPath or a misconfigured volume and it is root on the node. With `runAsNonRoot: true`, the kubelet refuses to start a container whose image would run as UID 0.',
    remediation: 'Set `securityContext.runAsNonRoot: true` at pod level, and `runAsUser` to a non-zero UID the image supports (or rebuild the image with a `USER` instruction); remove `runAsUser: 0`.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod'],
    examples: {
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 101\n  containers:\n  - name: web\n    image: nginxinc/nginx-unprivileged:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    missingPod: 'This pod does not set runAsNonRoot: true, so its containers run as root whenever their image says so (Pod Security Standards, restricted: "Running as Non-root"). Set securityContext.runAsNonRoot: true at pod level, with a non-zero runAsUser if the image has no USER.',
    missingContainer: 'Container "{{container}}" may run as root: neither it nor the pod sets runAsNonRoot: true (Pod Security Standards, restricted: "Running as Non-root"). Set runAsNonRoot: true at pod level or in this container.',
    podFalse: 'This pod sets runAsNonRoot: false, so its containers may run as root (Pod Security Standards, restricted: "Running as Non-root"). Set it to true, with a non-zero runAsUser if the image has no USER.',
    containerFalse: 'Container "{{container}}" sets runAsNonRoot: false, so it may run as root (Pod Security Standards, restricted: "Running as Non-root"). Set it to true, with a non-zero runAsUser if the image has no USER.',
    rootUserPod: 'This pod runs its containers as UID 0 (runAsUser: 0), root (Pod Security Standards, restricted: "Running as Non-root user"). Use a non-zero UID the image supports.',
    rootUserContainer: 'Container "{{container}}" runs as UID 0 (runAsUser: 0), root (Pod Security Standards, restricted: "Running as Non-root user"). Use a non-zero UID the image supports.',
  },
  check(ctx) {
    if (!isRestricted(ctx.config)) return;
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    // The fix is built only for a template that has something to report.
    let built: ReturnType<typeof withRestrictedFix> | undefined;
    const fix = (): ReturnType<typeof withRestrictedFix> => (built ??= withRestrictedFix(template));
    const pod = podSecurityContext(template);
    const podPath = podSecurityContextPath(template);
    const containers = containersOf(template);
    if (pod.runAsUser === 0) ctx.report({ path: [...podPath, 'runAsUser'], messageId: 'rootUserPod', ...fix() });
    const inheriting = containers.filter((c) => containerSecurityContext(c).runAsNonRoot === undefined);
    if (pod.runAsNonRoot === false && inheriting.length > 0) ctx.report({ path: [...podPath, 'runAsNonRoot'], messageId: 'podFalse', ...fix() });
    const missing = pod.runAsNonRoot === undefined ? inheriting : [];
    if (missing.length > 0 && missing.length === containers.length) ctx.report({ path: template.specPath, messageId: 'missingPod', ...fix() });
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      const path = containerSecurityContextPath(c);
      if (sc.runAsNonRoot === false) ctx.report({ path: [...path, 'runAsNonRoot'], messageId: 'containerFalse', data: { container: c.name }, ...fix() });
      else if (missing.includes(c) && missing.length < containers.length) ctx.report({ path: [...c.path, 'name'], messageId: 'missingContainer', data: { container: c.name }, ...fix() });
      if (sc.runAsUser === 0) ctx.report({ path: [...path, 'runAsUser'], messageId: 'rootUserContainer', data: { container: c.name }, ...fix() });
    }
  },
});
