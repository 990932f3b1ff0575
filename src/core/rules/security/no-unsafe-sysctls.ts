/**
 * @fileoverview no-unsafe-sysctls: pods set only the sysctls the Pod Security Standards baseline
 * control "Sysctls" lists as safe (namespaced, isolated from other pods).
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { podSecurityContext, podSecurityContextPath, PSS_REFERENCE } from './pod-security';

/** The safe set of the baseline profile (Kubernetes v1.32). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);

export default defineRule({
  id: 'no-unsafe-sysctls',
  category: 'security',
  severity: 'warning',
  title: 'Pods should set only safe sysctls',
  docs: {
    description: 'Reports `securityContext.sysctls` entries outside the safe set of the Pod Security Standards baseline control "Sysctls" (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes).',
    rationale: 'Other sysctls are either not isolated between pods (they change the whole node) or can starve the node\'s kernel; the kubelet also refuses unsafe sysctls unless started with `--allowed-unsafe-sysctls`, so the pod fails with SysctlForbidden.',
    remediation: 'Remove the sysctl, or set it on the nodes themselves; if it is really needed, allow it on a dedicated node pool with `--allowed-unsafe-sysctls` and a taint.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    unsafe: 'The sysctl "{{sysctl}}" is not in the safe set: it may affect the whole node, and the kubelet rejects the pod (SysctlForbidden) unless it allows it explicitly (Pod Security Standards, baseline: "Sysctls"). Remove it or set it on the node.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const sysctls = podSecurityContext(template).sysctls;
    if (!Array.isArray(sysctls)) return;
    sysctls.forEach((s: unknown, i) => {
      if (!isRecord(s) || typeof s.name !== 'string') return;
      // The kubelet accepts the slash form (net/ipv4/tcp_syncookies) as well as the dotted one.
      const name = s.name.includes('/') && !s.name.includes('.') ? s.name.replace(/\//g, '.') : s.name;
      if (SAFE_SYSCTLS.has(name)) return;
      ctx.report({ path: [...podSecurityContextPath(template), 'sysctls', i, 'name'], messageId: 'unsafe', data: { sysctl: s.name } });
    });
  },
});
