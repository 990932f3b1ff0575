/**
 * @fileoverview no-unconfined-apparmor: no AppArmor profile is turned off (Pod Security Standards,
 * baseline control "AppArmor"), through `securityContext.appArmorProfile` or the older
 * `container.apparmor.security.beta.kubernetes.io/<container>` annotations.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, podSecurityContext, podSecurityContextPath, PSS_REFERENCE, recordAt } from './pod-security';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const PROFILE_TYPE = ['appArmorProfile', 'type'];

/** The AppArmor profile type a security context sets when it is not an allowed one, else undefined. */
function profileOf(sc: Record<string, unknown>): string | undefined {
  const type = recordAt(sc.appArmorProfile).type;
  return typeof type === 'string' && !ALLOWED_TYPES.has(type) ? type : undefined;
}

export default defineRule({
  id: 'no-unconfined-apparmor',
  category: 'security',
  severity: 'warning',
  title: 'AppArmor should not be disabled',
  docs: {
    description: 'Reports an AppArmor profile other than the runtime\'s default or a profile loaded on the node: `appArmorProfile.type: Unconfined` in a pod or container `securityContext`, or an AppArmor annotation other than `runtime/default` or `localhost/…`. This is the Pod Security Standards baseline control "AppArmor".',
    rationale: 'On nodes with AppArmor (Ubuntu, Debian, k3s on them), the runtime\'s default profile blocks writes to /proc and /sys, mounts and other escape routes. Unconfined removes that layer of defence.',
    remediation: 'Remove the setting (the runtime\'s default profile then applies) or use `type: RuntimeDefault` or `type: Localhost` with a profile loaded on the nodes.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    appArmorProfile:\n      type: Unconfined\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    pod: 'This pod sets the AppArmor profile "{{profile}}": its containers lose the runtime\'s default protection against writes to /proc, mounts and other escapes (Pod Security Standards, baseline: "AppArmor"). Use RuntimeDefault or a Localhost profile.',
    container: 'Container "{{container}}" sets the AppArmor profile "{{profile}}": it loses the runtime\'s default protection against writes to /proc, mounts and other escapes (Pod Security Standards, baseline: "AppArmor"). Use RuntimeDefault or a Localhost profile.',
    annotation: 'The AppArmor annotation for container "{{container}}" is "{{profile}}": the container loses the runtime\'s default protection (Pod Security Standards, baseline: "AppArmor"). Use runtime/default or localhost/<profile>, or better securityContext.appArmorProfile.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    // Paths are made only for a profile that is reported.
    const podProfile = profileOf(podSecurityContext(template));
    if (podProfile) ctx.report({ path: [...podSecurityContextPath(template), ...PROFILE_TYPE], messageId: 'pod', data: { profile: podProfile } });
    for (const c of containersOf(template)) {
      const profile = profileOf(containerSecurityContext(c));
      if (profile) ctx.report({ path: [...containerSecurityContextPath(c), ...PROFILE_TYPE], messageId: 'container', data: { profile, container: c.name } });
    }
    const annotations = recordAt(template.metadata.annotations);
    for (const key in annotations) {
      const value = annotations[key];
      if (!key.startsWith(ANNOTATION_PREFIX) || typeof value !== 'string') continue;
      if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
      ctx.report({
        path: [...template.path, 'metadata', 'annotations', key], messageId: 'annotation',
        data: { container: key.slice(ANNOTATION_PREFIX.length), profile: value },
      });
    }
  },
});
