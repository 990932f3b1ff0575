/**
 * @fileoverview Shared by the Pod Security Standards rules: the level in force, the security
 * contexts of a pod and of its containers, the names of the PSS controls, and the one fix that
 * makes a pod template meet the restricted profile (pod and container `securityContext`).
 *
 * The controls and their allowed values follow the Pod Security Standards page of the
 * Kubernetes documentation (v1.32).
 */
import type { ResolvedConfig } from '../../config/config';
import type { FixOp } from '../../fix/fix-ops';
import { containersOf, type ContainerRef, type PodTemplate } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import type { Path } from '../../source/path';
import type { RuleFix } from '../types';

/** The Pod Security Standards page, cited by every PSS rule. */
export const PSS_REFERENCE = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

/** True when the configuration asks for the restricted profile (restricted-only controls report then). */
export function isRestricted(config: ResolvedConfig): boolean {
  return config.podSecurity === 'restricted';
}

/** A mapping value as a record, or an empty one. */
export function recordAt(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The pod-level `securityContext` of a template (empty when unset). */
export function podSecurityContext(template: PodTemplate): Record<string, unknown> {
  return recordAt((template.spec as unknown as Record<string, unknown>).securityContext);
}

/** The `securityContext` of a container (empty when unset). */
export function containerSecurityContext(c: ContainerRef): Record<string, unknown> {
  return recordAt((c.container as unknown as Record<string, unknown>).securityContext);
}

export function podSecurityContextPath(template: PodTemplate): Path {
  return [...template.specPath, 'securityContext'];
}

export function containerSecurityContextPath(c: ContainerRef): Path {
  return [...c.path, 'securityContext'];
}

/** Capabilities the baseline profile lets a container add (the container runtimes' defaults). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The one capability the restricted profile lets a container add back after dropping ALL. */
export const RESTRICTED_CAPABILITIES: ReadonlySet<string> = new Set(['NET_BIND_SERVICE']);

/** Seccomp profile types the restricted profile accepts. */
export const GOOD_SECCOMP: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** The seccomp profile type of a security context (undefined when unset). */
export function seccompType(sc: Record<string, unknown>): unknown {
  return recordAt(sc.seccompProfile).type;
}

/**
 * Pod spec keys a new pod-level `securityContext` goes after (the first that exists), so that it
 * sits with the pod's other settings rather than after the containers.
 */
const POD_SECURITY_CONTEXT_AFTER = ['automountServiceAccountToken', 'serviceAccountName', 'serviceAccount', 'priorityClassName', 'terminationGracePeriodSeconds', 'restartPolicy'];

/** The title of the fix every PSS rule offers. */
export const RESTRICTED_FIX_TITLE = 'Apply the restricted Pod Security securityContext (pod and containers)';

/**
 * The operations that make a pod template's security contexts meet the restricted profile:
 * at pod level `runAsNonRoot: true` and `seccompProfile: RuntimeDefault`; in every container
 * `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`, no added capability other than
 * NET_BIND_SERVICE, `privileged: false`, no `runAsUser: 0`, no Unconfined seccomp. Settings that
 * already comply are left alone. A suggestion, never a safe fix: an image that needs root or a
 * capability stops working.
 */
export function restrictedFixOps(template: PodTemplate): FixOp[] {
  const ops: FixOp[] = [];
  const podPath = podSecurityContextPath(template);
  const pod = podSecurityContext(template);
  if (pod.runAsNonRoot !== true) ops.push({ op: 'set', path: [...podPath, 'runAsNonRoot'], value: true, after: POD_SECURITY_CONTEXT_AFTER });
  if (pod.runAsUser === 0) ops.push({ op: 'remove', path: [...podPath, 'runAsUser'] });
  if (!GOOD_SECCOMP.has(seccompType(pod) as string)) ops.push({ op: 'set', path: [...podPath, 'seccompProfile'], value: { type: 'RuntimeDefault' }, after: POD_SECURITY_CONTEXT_AFTER });
  for (const c of containersOf(template)) {
    const path = containerSecurityContextPath(c);
    const sc = containerSecurityContext(c);
    if (sc.privileged === true) ops.push({ op: 'set', path: [...path, 'privileged'], value: false });
    if (sc.allowPrivilegeEscalation !== false) ops.push({ op: 'set', path: [...path, 'allowPrivilegeEscalation'], value: false });
    if (sc.runAsNonRoot === false) ops.push({ op: 'set', path: [...path, 'runAsNonRoot'], value: true });
    if (sc.runAsUser === 0) ops.push({ op: 'remove', path: [...path, 'runAsUser'] });
    const seccomp = seccompType(sc);
    if (seccomp !== undefined && !GOOD_SECCOMP.has(seccomp as string)) ops.push({ op: 'set', path: [...path, 'seccompProfile'], value: { type: 'RuntimeDefault' } });
    const caps = recordAt(sc.capabilities);
    if (Array.isArray(caps.add)) {
      const kept = caps.add.filter((a) => typeof a === 'string' && RESTRICTED_CAPABILITIES.has(a));
      if (kept.length !== caps.add.length) {
        ops.push(kept.length ? { op: 'set', path: [...path, 'capabilities', 'add'], value: kept } : { op: 'remove', path: [...path, 'capabilities', 'add'] });
      }
    }
    if (!Array.isArray(caps.drop)) ops.push({ op: 'set', path: [...path, 'capabilities', 'drop'], value: ['ALL'] });
    else if (!caps.drop.includes('ALL')) ops.push({ op: 'append', path: [...path, 'capabilities', 'drop'], value: 'ALL' });
  }
  return ops;
}

/** The restricted-profile fix as a suggestion (undefined when the template already complies). */
export function restrictedFix(template: PodTemplate): RuleFix | undefined {
  const ops = restrictedFixOps(template);
  return ops.length ? { title: RESTRICTED_FIX_TITLE, ops } : undefined;
}

/** `{suggestions: [fix]}` or `{}`, to spread into a report. */
export function withRestrictedFix(template: PodTemplate): { suggestions?: RuleFix[] } {
  const fix = restrictedFix(template);
  return fix ? { suggestions: [fix] } : {};
}

/** True for pods that declare `os.name: windows`, exempt from the Linux-only restricted controls. */
export function isWindowsPod(template: PodTemplate): boolean {
  return recordAt((template.spec as unknown as Record<string, unknown>).os).name === 'windows';
}
