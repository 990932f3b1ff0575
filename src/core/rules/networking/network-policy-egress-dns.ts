/**
 * @fileoverview network-policy-egress-dns: a NetworkPolicy that restricts egress lets the pods
 * reach DNS (UDP and TCP 53), or another policy for the same pods does.
 */
import { isRecord } from '../../source/parse';
import type { Manifest } from '../../source/parse';
import { defineRule } from '../types';
import { isEmptySelector, policiesByNamespace, policyPodSelector, policySelects, policyTypes, specOf } from './network-helpers';

export default defineRule({
  id: 'network-policy-egress-dns',
  category: 'networking',
  severity: 'warning',
  title: 'A NetworkPolicy restricting egress should allow DNS',
  docs: {
    description: 'Reports a NetworkPolicy with `Egress` in its `policyTypes` when no egress rule, in it or in another policy of the namespace that selects the same pods, allows UDP port 53 (DNS): rules without `ports` allow every port; `port: 53` without `protocol` is TCP only.',
    rationale: 'Once a policy selects a pod for egress, everything it does not allow is dropped, DNS included: the pods cannot resolve any name (not even the Services of their own namespace), and the application fails with "name resolution" errors that look unrelated to the policy.',
    remediation: 'Add an egress rule allowing UDP and TCP port 53 to kube-dns: `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]`, or a namespace-wide policy that allows DNS for every pod.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic', 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/'],
    examples: {
      invalid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-egress\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector:\n        matchLabels:\n          app: db\n    ports:\n    - port: 5432\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-egress\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector:\n        matchLabels:\n          app: db\n    ports:\n    - port: 5432\n  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n    ports:\n    - port: 53\n      protocol: UDP\n    - port: 53\n      protocol: TCP\n'],
    },
  },
  kinds: ['NetworkPolicy'],
  messages: {
    noDns: 'This policy restricts egress of {{pods}} and no egress rule for them allows DNS (UDP 53): they cannot resolve any name, not even Services. Allow UDP and TCP port 53 to kube-dns in kube-system.',
    tcpOnly: 'DNS is allowed here on TCP 53 only (a port without protocol is TCP): most lookups use UDP and will fail. Add the same port with protocol: UDP.',
  },
  check(ctx) {
    if (!ctx.namespace || !ctx.manifest.apiVersion.startsWith('networking.k8s.io/')) return;
    if (!policyTypes(ctx.manifest).has('Egress')) return;
    if (allowsDns(ctx.manifest) === 'udp') return;
    const policies = (policiesByNamespace(ctx.index).get(ctx.namespace) ?? []).filter((p) => p !== ctx.manifest && policyTypes(p).has('Egress'));
    // Another policy allowing DNS to all pods, or to every pod this one selects, is enough (policies add up).
    const helpers = policies.filter((p) => allowsDns(p) === 'udp');
    if (helpers.some((p) => isEmptySelector(policyPodSelector(p)))) return;
    const selected = ctx.index.templatesIn(ctx.namespace).filter((h) => policySelects(ctx.manifest, h));
    if (selected.length > 0 && selected.every((h) => helpers.some((p) => policySelects(p, h)))) return;
    if (selected.length === 0 && helpers.some((p) => JSON.stringify(policyPodSelector(p)) === JSON.stringify(policyPodSelector(ctx.manifest)))) return;
    const tcp = tcpOnlyDnsPort(ctx.manifest);
    if (tcp) {
      ctx.report({ path: tcp, messageId: 'tcpOnly' });
      return;
    }
    const pods = isEmptySelector(policyPodSelector(ctx.manifest)) ? `every pod of namespace "${ctx.namespace}"` : selected.length ? selected.map((h) => `${h.manifest.kind} "${h.manifest.name}"`).join(', ') : 'the pods it selects';
    const spec = specOf(ctx.manifest);
    ctx.report({ path: spec.egress !== undefined ? ['spec', 'egress'] : ['spec', 'policyTypes'], target: 'key', messageId: 'noDns', data: { pods } });
  },
});

/** Whether one of the policy's egress rules allows port 53: on UDP, on TCP only, or not at all. */
function allowsDns(policy: Manifest): 'udp' | 'tcp' | 'none' {
  const egress = specOf(policy).egress;
  if (!Array.isArray(egress)) return 'none';
  let tcp = false;
  for (const rule of egress) {
    if (!isRecord(rule)) continue;
    if (!Array.isArray(rule.ports) || rule.ports.length === 0) return 'udp'; // every port
    for (const p of rule.ports) {
      if (!isRecord(p)) continue;
      const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
      if (!coversDnsPort(p)) continue;
      if (protocol === 'UDP') return 'udp';
      if (protocol === 'TCP') tcp = true;
    }
  }
  return tcp ? 'tcp' : 'none';
}

function coversDnsPort(p: Record<string, unknown>): boolean {
  if (p.port === undefined) return true; // every port of the protocol
  if (p.port === 53 || p.port === '53' || p.port === 'dns' || p.port === 'dns-tcp') return true;
  return typeof p.port === 'number' && typeof p.endPort === 'number' && p.port <= 53 && p.endPort >= 53;
}

/** Path of the first TCP-only port 53 entry, to point at. */
function tcpOnlyDnsPort(policy: Manifest): Array<string | number> | undefined {
  const egress = specOf(policy).egress;
  if (!Array.isArray(egress)) return undefined;
  for (let i = 0; i < egress.length; i++) {
    const rule = egress[i];
    if (!isRecord(rule) || !Array.isArray(rule.ports)) continue;
    for (let j = 0; j < rule.ports.length; j++) {
      const p = rule.ports[j];
      if (isRecord(p) && (p.protocol === undefined || p.protocol === 'TCP') && (p.port === 53 || p.port === '53')) return ['spec', 'egress', i, 'ports', j, 'port'];
    }
  }
  return undefined;
}
