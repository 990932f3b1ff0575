/**
 * @fileoverview no-host-process: Windows pods do not run as HostProcess containers (Pod Security
 * Standards, baseline control "HostProcess").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { containerSecurityContext, containerSecurityContextPath, podSecurityContext, podSecurityContextPath, PSS_REFERENCE, recordAt } from './pod-security';

export default defineRule({
  id: 'no-host-process',
  category: 'security',
  severity: 'error',
  title: 'Windows pods should not run HostProcess containers',
  docs: {
    description: 'Reports `securityContext.windowsOptions.hostProcess: true`, at pod or container level: the Pod Security Standards baseline control "HostProcess".',
    rationale: 'A Windows HostProcess container runs directly on the node, as a node user, with the node\'s network: it is the Windows equivalent of a privileged container with host namespaces.',
    remediation: 'Remove `hostProcess: true`; keep HostProcess containers for node agents, in a namespace labelled for the privileged profile.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n  containers:\n  - name: agent\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    pod: 'This pod runs its containers as Windows HostProcess containers: they run on the node itself with its network and privileges (Pod Security Standards, baseline: "HostProcess"). Remove hostProcess: true.',
    container: 'Container "{{container}}" is a Windows HostProcess container: it runs on the node itself with its network and privileges (Pod Security Standards, baseline: "HostProcess"). Remove hostProcess: true.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    if (recordAt(podSecurityContext(template).windowsOptions).hostProcess === true) {
      ctx.report({ path: [...podSecurityContextPath(template), 'windowsOptions', 'hostProcess'], messageId: 'pod' });
    }
    for (const c of containersOf(template)) {
      if (recordAt(containerSecurityContext(c).windowsOptions).hostProcess !== true) continue;
      ctx.report({ path: [...containerSecurityContextPath(c), 'windowsOptions', 'hostProcess'], messageId: 'container', data: { container: c.name } });
    }
  },
});
