import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../../src/core/config/config';
import { lint } from '../../../../src/core/lint';
import rule from '../../../../src/core/rules/deprecations/removed-api-version';
import { runRuleTests } from '../../../helpers/rule-tester';

const cronJob = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: busybox:1.36
`;

runRuleTests(rule, {
  valid: [
    cronJob('batch/v1'),
    {
      name: 'still served by the configured Kubernetes version',
      code: cronJob('batch/v1beta1'),
      config: { kubernetesVersion: '1.24' },
    },
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n',
    {
      name: 'a custom resource with an old-looking version is not a removed API',
      code: 'apiVersion: example.com/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n',
    },
  ],
  invalid: [
    {
      name: 'CronJob batch/v1beta1 → batch/v1',
      code: cronJob('batch/v1beta1'),
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 26, messageIncludes: ['removed in Kubernetes 1.25', 'configured version: 1.32', 'Use batch/v1'] }],
      output: cronJob('batch/v1'),
    },
    {
      name: 'Ingress extensions/v1beta1 → networking.k8s.io/v1 with backends and pathType',
      code: `apiVersion: extensions/v1beta1   # old
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: fallback
    servicePort: 80
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: web
          servicePort: http
      - path: /api
        pathType: Prefix
        backend:
          serviceName: api
          servicePort: 8080
`,
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 31, messageIncludes: ['Ingress extensions/v1beta1', 'networking.k8s.io/v1', 'pathType'] }],
      output: `apiVersion: networking.k8s.io/v1   # old
kind: Ingress
metadata:
  name: web
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 80
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        backend:
          service:
            name: web
            port:
              name: http
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
`,
    },
    {
      name: 'Deployment apps/v1beta1 gets the selector its template labels implied',
      code: `apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web   # the selector comes from here
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 25, messageIncludes: ['removed in Kubernetes 1.16', 'apps/v1'] }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web   # the selector comes from here
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
    },
    {
      name: 'DaemonSet extensions/v1beta1 keeps its OnDelete updates and drops templateGeneration',
      code: `apiVersion: extensions/v1beta1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  templateGeneration: 3
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: fluentd:1.16
`,
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 31, messageIncludes: ['OnDelete'] }],
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: fluentd:1.16
  updateStrategy:
    type: OnDelete
`,
    },
    {
      name: 'HorizontalPodAutoscaler autoscaling/v2beta1 → v2 with its metric targets',
      code: `apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      targetAverageUtilization: 70
  - type: Pods
    pods:
      metricName: requests_per_second
      targetAverageValue: 100
`,
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 32 }],
      output: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
  - type: Pods
    pods:
      metric:
        name: requests_per_second
      target:
        type: AverageValue
        averageValue: 100
`,
    },
    {
      name: 'PodDisruptionBudget with an empty selector: the migration changes what it selects, so it is only suggested',
      code: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector: {}\n',
      errors: [{
        messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 27, messageIncludes: ['selects every pod'],
        suggestions: ['apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector: {}\n'],
      }],
      output: null,
    },
    {
      name: 'PodDisruptionBudget with a real selector is migrated',
      code: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n',
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 27 }],
      output: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n',
    },
    {
      name: 'PodSecurityPolicy has no replacement API',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n',
      errors: [{ messageId: 'removedNoReplacement', line: 1, column: 13, endLine: 1, endColumn: 27, messageIncludes: ['Pod Security Admission'], suggestions: [] }],
      output: null,
    },
    {
      name: 'a CustomResourceDefinition v1beta1 needs a manual migration',
      code: 'apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: backups.example.com\nspec:\n  group: example.com\n  version: v1\n  names: {kind: Backup, plural: backups}\n',
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 41, messageIncludes: ['apiextensions.k8s.io/v1', 'spec.scope is required'], suggestions: [] }],
      output: null,
    },
    {
      name: 'PriorityLevelConfiguration flowcontrol v1beta2: assuredConcurrencyShares is renamed',
      code: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: PriorityLevelConfiguration\nmetadata:\n  name: batch\nspec:\n  type: Limited\n  limited:\n    assuredConcurrencyShares: 10\n    limitResponse: {type: Reject}\n',
      errors: [{ messageId: 'removed', line: 1, column: 13, endLine: 1, endColumn: 49, messageIncludes: ['removed in Kubernetes 1.29'] }],
      output: 'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata:\n  name: batch\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 10\n    limitResponse: {type: Reject}\n',
    },
    {
      name: 'each item of a List is migrated at its own place',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1beta1\n  kind: Role\n  metadata: {name: reader}\n  rules: []\n',
      errors: [{ messageId: 'removed', line: 4, column: 15, endLine: 4, endColumn: 48, messageIncludes: ['rbac.authorization.k8s.io/v1'] }],
      output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: reader}\n  rules: []\n',
    },
  ],
});

describe('removed-api-version findings in the editor', () => {
  it('carry the deprecated tag (the apiVersion shows struck through)', () => {
    const [result] = lint([{ path: 'cron.yaml', text: cronJob('batch/v1beta1') }], { rules: [rule] });
    assert.deepEqual(result!.findings.map((f) => [f.ruleId, f.tags]), [['removed-api-version', ['deprecated']]]);
  });

  it('follow the configured Kubernetes version', () => {
    const at = (kubernetesVersion: string) => lint([{ path: 'cron.yaml', text: cronJob('batch/v1beta1') }], { rules: [rule], config: { ...defaultConfig(), kubernetesVersion } })[0]!.findings.length;
    assert.deepEqual(['1.24', '1.25', '1.32'].map(at), [0, 1, 1]);
  });
});
