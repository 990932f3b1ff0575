import rule from '../../../../src/core/rules/schema/unknown-resource-kind';
import { runRuleTests } from '../../../helpers/rule-tester';

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
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
  - name: v1alpha1
    served: false
    storage: false
`;

runRuleTests(rule, {
  valid: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
    { name: 'a custom resource whose CRD is among the inputs', code: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n', files: [{ path: 'crd.yaml', text: crd }] },
    { name: 'a removed API version is the removed-api-version rule\'s business', code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n' },
    { name: 'a built-in kind the bundle has no schema for needs no CRD', code: 'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1beta1.metrics.k8s.io\nspec:\n  service: {name: metrics-server, namespace: kube-system}\n' },
    { name: 'schemaValidation: false', code: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\n', config: { schemaValidation: false } },
  ],
  invalid: [
    {
      name: 'a custom resource without its CRD',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\n',
      errors: [{ messageId: 'noSchema', line: 2, column: 7, endLine: 2, endColumn: 17, severity: 'info', messageIncludes: ['no schema for monitoring.coreos.com/v1 Prometheus'.replace('no', 'No')] }],
      output: null,
    },
    {
      name: 'a built-in kind under an apiVersion Kubernetes does not serve',
      code: 'apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: web\n',
      errors: [{
        messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 20, severity: 'error', messageIncludes: ['Use apps/v1'],
        suggestions: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'],
      }],
      output: null,
    },
    {
      name: 'a kind in the wrong case is fixed',
      code: 'apiVersion: apps/v1\nkind: deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: nginx:1.27}\n',
      errors: [{ messageId: 'unknownKind', line: 2, column: 7, endLine: 2, endColumn: 17, severity: 'error', messageIncludes: ['Did you mean "Deployment"?'] }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: nginx:1.27}\n',
    },
    {
      name: 'a misspelt kind is only suggested',
      code: 'apiVersion: v1\nkind: Servic\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'unknownKind', line: 2, column: 7, endLine: 2, endColumn: 13, messageIncludes: ['"Service"'], suggestions: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'] }],
      output: null,
    },
    {
      name: 'a kind of another group, without its group',
      code: 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 15, messageIncludes: ['Use apps/v1'], suggestions: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'] }],
      output: null,
    },
    {
      name: 'a built-in kind under another built-in group',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 33, messageIncludes: ['Use apps/v1'], suggestions: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'] }],
      output: null,
    },
    {
      name: 'a kind of the same name in another group is a custom resource',
      code: 'apiVersion: example.com/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'noSchema', line: 2, column: 7, endLine: 2, endColumn: 17, severity: 'info' }],
      output: null,
    },
    {
      name: 'a core kind written with a group',
      code: 'apiVersion: core/v1\nkind: Service\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 20, messageIncludes: ['Use v1'], suggestions: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'] }],
      output: null,
    },
    {
      name: 'a version the CRD does not serve',
      code: 'apiVersion: example.com/v1alpha1\nkind: Backup\nmetadata:\n  name: nightly\n',
      files: [{ path: 'crd.yaml', text: crd }],
      errors: [{
        messageId: 'crdVersionNotServed', line: 1, column: 13, endLine: 1, endColumn: 33, severity: 'error', messageIncludes: ['"backups.example.com"', 'serves v1'],
        suggestions: ['apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n'],
      }],
      output: null,
    },
  ],
});
