import type { Rule } from '../types';
import ingressBackendService from './ingress-backend-service';
import ingressClassName from './ingress-class-name';
import ingressDuplicateRoute from './ingress-duplicate-route';
import ingressPathType from './ingress-path-type';
import ingressTlsSecret from './ingress-tls-secret';
import namespaceDefaultDeny from './namespace-default-deny';
import networkPolicyEgressDns from './network-policy-egress-dns';
import networkPolicyPeerMatchesNothing from './network-policy-peer-matches-nothing';
import networkPolicySelectsNothing from './network-policy-selects-nothing';
import serviceExposure from './service-exposure';
import serviceExternalName from './service-external-name';
import serviceNodePort from './service-node-port';
import serviceSelectorMatchesNothing from './service-selector-matches-nothing';
import serviceTargetPort from './service-target-port';
import statefulsetServiceName from './statefulset-service-name';
import workloadNetworkPolicy from './workload-network-policy';

export default [
  ingressBackendService,
  ingressClassName,
  ingressDuplicateRoute,
  ingressPathType,
  ingressTlsSecret,
  namespaceDefaultDeny,
  networkPolicyEgressDns,
  networkPolicyPeerMatchesNothing,
  networkPolicySelectsNothing,
  serviceExposure,
  serviceExternalName,
  serviceNodePort,
  serviceSelectorMatchesNothing,
  serviceTargetPort,
  statefulsetServiceName,
  workloadNetworkPolicy,
] as Array<Rule<string, any>>;
