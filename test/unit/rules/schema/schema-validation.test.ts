import rule from '../../../../src/core/rules/schema/schema-validation';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (container: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
${container}`;

const deployment = (extra: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
${extra}`;

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Backup, plural: backups}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [schedule]
            properties:
              schedule: {type: string}
              retention: {type: integer, minimum: 1}
              mode: {type: string, enum: [full, incremental]}
              port: {x-kubernetes-int-or-string: true}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

runRuleTests(rule, {
  valid: [
    pod('    ports:\n    - containerPort: 80\n      protocol: TCP\n'),
    {
      name: 'int-or-string, quantities and YAML 1.1 numbers where numbers belong',
      code: deployment(`        resources:
          requests: {cpu: 500m, memory: 1Gi}
          limits: {cpu: 1, memory: 2147483648}
        readinessProbe:
          httpGet: {path: /, port: http}
        livenessProbe:
          httpGet: {path: /, port: 8080}
      volumes:
      - name: config
        configMap: {name: web, defaultMode: 0644}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
`),
    },
    {
      name: 'empty values are null, which the API server accepts',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n  labels:\n  annotations:\ndata:\n',
    },
    {
      name: 'a kind without a schema is not this rule\'s business',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n  anything: [1, 2]\n',
    },
    {
      name: 'status, as kubectl get -o yaml prints it, is the cluster\'s: not checked',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  creationTimestamp: "2024-05-01T10:00:00Z"\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\nstatus:\n  phase: Running\n  someFutureField: {a: 1}\n',
    },
    {
      name: 'a kustomize patch of an object defined in another file carries only what it changes',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: web\n        $patch: delete\n',
      files: [{ path: 'base/deployment.yaml', text: deployment('') }],
    },
    {
      name: 'schemaValidation: false turns the rule off',
      code: pod('    port: 80\n'),
      config: { schemaValidation: false },
    },
    {
      name: 'custom resource valid against the CRD among the inputs',
      code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n  retention: 7\n  mode: full\n  port: http\n  extra: {anything: [1]}\n  mode:\n',
      files: [{ path: 'crd.yaml', text: crd }],
    },
  ],
  invalid: [
    {
      name: 'unknown field with no close name',
      code: pod('    healthcheck: {}\n'),
      errors: [{ messageId: 'unknownField', line: 9, column: 5, endLine: 9, endColumn: 16, messageIncludes: ['"healthcheck"', 'spec.containers[0]'] }],
      output: null,
    },
    {
      name: 'a close name whose type does not fit the value is named, not renamed to',
      code: pod('    port: 80\n'),
      errors: [{ messageId: 'unknownFieldDidYouMean', line: 9, column: 5, endLine: 9, endColumn: 9, messageIncludes: ['Did you mean "ports"?'], suggestions: [] }],
      output: null,
    },
    {
      name: 'a typo with one clear candidate is renamed',
      code: pod('    imagePullPolicy: IfNotPresent\n    readinesProbe:   # the probe\n      httpGet: {path: /, port: 80}\n'),
      errors: [{ messageId: 'unknownFieldDidYouMean', line: 10, column: 5, endLine: 10, endColumn: 18, messageIncludes: ['"readinesProbe"', 'Did you mean "readinessProbe"?'] }],
      output: pod('    imagePullPolicy: IfNotPresent\n    readinessProbe:   # the probe\n      httpGet: {path: /, port: 80}\n'),
    },
    {
      name: 'a typo with two equally close candidates is only suggested',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIs: None\n  ports:\n  - port: 80\n',
      errors: [{
        messageId: 'unknownFieldDidYouMean', line: 6, column: 3, endLine: 6, endColumn: 12, messageIncludes: ['Did you mean "clusterIP" or "clusterIPs"?'],
        suggestions: [
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  ports:\n  - port: 80\n',
        ],
      }],
      output: null,
    },
    {
      name: 'a field at the wrong level (containers under the Deployment spec)',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  containers: []\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      errors: [{ messageId: 'unknownFieldMisplaced', line: 8, column: 3, endLine: 8, endColumn: 13, messageIncludes: ['"containers"', 'in spec:', 'belongs in spec.template.spec: check the indentation'] }],
      output: null,
    },
    {
      name: 'a field indented too far (image under a port)',
      code: pod('    ports:\n    - containerPort: 80\n      livenessProbe:\n        tcpSocket: {port: 80}\n'),
      errors: [{ messageId: 'unknownFieldMisplaced', line: 11, column: 7, endLine: 11, endColumn: 20, messageIncludes: ['in spec.containers[0].ports[0]', 'belongs in spec.containers[0]'] }],
      output: null,
    },
    {
      name: 'a number where a string is expected is quoted (env value)',
      code: pod('    env:\n    - name: PORT\n      value: 8080\n'),
      errors: [{ messageId: 'wrongTypeQuote', line: 11, column: 14, endLine: 11, endColumn: 18, messageIncludes: ['spec.containers[0].env[0].value', 'Quote it: "8080"'] }],
      output: pod('    env:\n    - name: PORT\n      value: "8080"\n'),
    },
    {
      name: 'YAML 1.1 booleans and octals are quoted as written',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  labels:\n    enabled: yes\ndata:\n  mode: 0644\n',
      errors: [
        { messageId: 'wrongTypeQuote', line: 6, column: 14, endLine: 6, endColumn: 17, messageIncludes: ['the boolean true', '"yes"'] },
        { messageId: 'wrongTypeQuote', line: 8, column: 9, endLine: 8, endColumn: 13, messageIncludes: ['the number 420', '"0644"'] },
      ],
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  labels:\n    enabled: "yes"\ndata:\n  mode: "0644"\n',
    },
    {
      name: 'a quoted number where an integer is expected is unquoted',
      code: deployment('  replicas: "3"\n'),
      errors: [{ messageId: 'wrongType', line: 15, column: 13, endLine: 15, endColumn: 16, messageIncludes: ['"spec.replicas" must be an integer', 'the string "3"'] }],
      output: deployment('  replicas: 3\n'),
    },
    {
      name: 'a port name where only a number is allowed has no fix',
      code: pod('    ports:\n    - containerPort: http\n'),
      errors: [{ messageId: 'wrongType', line: 10, column: 22, endLine: 10, endColumn: 26, messageIncludes: ['must be an integer'] }],
      output: null,
    },
    {
      name: 'a list where a mapping is expected points at the key',
      code: pod('    resources:\n    - cpu\n'),
      errors: [{ messageId: 'wrongType', line: 9, column: 5, endLine: 9, endColumn: 14, messageIncludes: ['must be a mapping, but it is a list'] }],
      output: null,
    },
    {
      name: 'a quantity with a unit Kubernetes does not know',
      code: pod('    resources:\n      limits: {memory: 1GB, cpu: 500m}\n'),
      errors: [{
        messageId: 'badQuantity', line: 10, column: 24, endLine: 10, endColumn: 27, messageIncludes: ['"1GB"', 'did you mean 1G or 1Gi?'],
        suggestions: [
          pod('    resources:\n      limits: {memory: 1G, cpu: 500m}\n'),
          pod('    resources:\n      limits: {memory: 1Gi, cpu: 500m}\n'),
        ],
      }],
      output: null,
    },
    {
      name: 'a quantity that is no number at all',
      code: pod('    resources:\n      requests:\n        cpu: half\n'),
      errors: [{ messageId: 'badQuantity', line: 11, column: 14, endLine: 11, endColumn: 18, messageIncludes: ['"half"', 'e.g. 512Mi, 1G, 500m.'], suggestions: [] }],
      output: null,
    },
    {
      name: 'an enum value in the wrong case is fixed',
      code: pod('    imagePullPolicy: always\n    ports:\n    - containerPort: 80\n      protocol: tcp\n'),
      errors: [
        { messageId: 'badEnum', line: 9, column: 22, endLine: 9, endColumn: 28, messageIncludes: ['"Always", "IfNotPresent", "Never"'] },
        { messageId: 'badEnum', line: 12, column: 17, endLine: 12, endColumn: 20, messageIncludes: ['"TCP", "UDP", "SCTP"'] },
      ],
      output: pod('    imagePullPolicy: Always\n    ports:\n    - containerPort: 80\n      protocol: TCP\n'),
    },
    {
      name: 'an enum value that is no case variant has no fix',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Internal\n  ports:\n  - port: 80\n',
      errors: [{ messageId: 'badEnum', line: 6, column: 9, endLine: 6, endColumn: 17, messageIncludes: ['"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"'] }],
      output: null,
    },
    {
      name: 'a missing required field is reported on its parent',
      code: pod('    env:\n    - value: "1"\n'),
      errors: [{ messageId: 'missingRequired', line: 10, column: 7, endLine: 10, endColumn: 12, messageIncludes: ['"name"', 'spec.containers[0].env[0]'] }],
      output: null,
    },
    {
      name: 'an object defined in the same file twice is no patch: required fields still count',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'missingRequired', line: 7, column: 5, endLine: 7, endColumn: 9, messageIncludes: ['"port"'] }],
      output: null,
    },
    {
      name: 'a patch still gets its typos and wrong types reported',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n',
      files: [{ path: 'base/deployment.yaml', text: deployment('') }],
      errors: [{ messageId: 'unknownFieldDidYouMean', line: 6, column: 3, endLine: 6, endColumn: 10, messageIncludes: ['"replicas"'] }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
    },
    {
      name: 'a missing required field of a mapping points at the mapping\'s key',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      errors: [{ messageId: 'missingRequired', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['"selector"', 'in spec:'] }],
      output: null,
    },
    {
      name: 'a name longer than the schema allows',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: ${'a'.repeat(70)}\n    image: nginx:1.27\n`,
      errors: [{ messageId: 'tooLong', line: 7, column: 11, endLine: 7, endColumn: 81, messageIncludes: ['70 characters', '63'] }],
      output: null,
    },
    {
      name: 'an item of a List is checked at its own place',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  dta: {}\n',
      errors: [{ messageId: 'unknownFieldDidYouMean', line: 7, column: 3, endLine: 7, endColumn: 6, messageIncludes: ['"data"'] }],
      output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  data: {}\n',
    },
    {
      name: 'custom resources are checked against the CRD among the inputs',
      code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  retention: 0\n  mode: differential\n',
      files: [{ path: 'crd.yaml', text: crd }],
      errors: [
        { messageId: 'missingRequired', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['"schedule"'] },
        { messageId: 'invalid', line: 6, column: 14, endLine: 6, endColumn: 15, messageIncludes: ['must be at least 1'] },
        { messageId: 'badEnum', line: 7, column: 9, endLine: 7, endColumn: 21, messageIncludes: ['"full", "incremental"'] },
      ],
      output: null,
    },
    {
      name: 'the metadata of a custom resource is checked as of any object',
      code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n  labels:\n    retention: 7\nspec:\n  schedule: "0 3 * * *"\n',
      files: [{ path: 'crd.yaml', text: crd }],
      errors: [{ messageId: 'wrongTypeQuote', line: 6, column: 16, endLine: 6, endColumn: 17, messageIncludes: ['metadata.labels.retention'] }],
      output: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n  labels:\n    retention: "7"\nspec:\n  schedule: "0 3 * * *"\n',
    },
    {
      name: 'no rename onto a field that is already there',
      code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  shedule: "0 3 * * *"\n  schedule: "0 4 * * *"\n',
      files: [{ path: 'crd.yaml', text: crd }],
      errors: [{ messageId: 'unknownField', line: 6, column: 3, endLine: 6, endColumn: 10 }],
      output: null,
    },
    {
      name: 'a typo in a custom resource is fixed from the CRD\'s field names (rename)',
      code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  shedule: "0 3 * * *"\n',
      files: [{ path: 'crd.yaml', text: crd }],
      errors: [
        { messageId: 'missingRequired', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['"schedule"'] },
        { messageId: 'unknownFieldDidYouMean', line: 6, column: 3, endLine: 6, endColumn: 10, messageIncludes: ['"schedule"'] },
      ],
      output: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n',
    },
  ],
});
