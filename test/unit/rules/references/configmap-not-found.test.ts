import rule from '../../../../src/core/rules/references/configmap-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: shop
data:
  MODE: prod
`;

const pod = (extra: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
${extra}`;

runRuleTests(rule, {
  valid: [
    { code: pod('    envFrom:\n    - configMapRef:\n        name: web-config\n'), files: [{ path: 'cm.yaml', text: CONFIG }] },
    { name: 'optional reference', code: pod('    envFrom:\n    - configMapRef:\n        name: other\n        optional: true\n'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
    { name: 'kube-root-ca.crt exists in every namespace', code: pod('  volumes:\n  - name: ca\n    configMap:\n      name: kube-root-ca.crt\n'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
    { name: 'key present', code: pod('    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: web-config\n          key: MODE\n'), files: [{ path: 'cm.yaml', text: CONFIG }] },
    { name: 'ConfigMap of the same name in another namespace does not count, but namespace not described: info only is still a finding, so here it is present', code: `${CONFIG}---\n${pod('    envFrom:\n    - configMapRef:\n        name: web-config\n')}` },
  ],
  invalid: [
    {
      name: 'missing in a described namespace: error',
      code: pod('    envFrom:\n    - configMapRef:\n        name: web-config\n'),
      files: [{ path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 12, column: 15, endLine: 12, endColumn: 25, severity: 'error', messageIncludes: ['"web-config"', 'envFrom of container "web"', 'describe in full'] }],
      output: null,
    },
    {
      name: 'missing in a namespace the inputs do not describe: info',
      code: pod('  volumes:\n  - name: conf\n    configMap:\n      name: web-config\n'),
      errors: [{ messageId: 'notFound', line: 13, column: 13, endLine: 13, endColumn: 23, severity: 'info', messageIncludes: ['volume "conf"', 'may exist in the cluster'] }],
      output: null,
    },
    {
      name: 'a ConfigMap in another namespace is not the one',
      code: pod('    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: web-config\n          key: MODE\n'),
      files: [{ path: 'ns.yaml', text: NAMESPACE }, { path: 'cm.yaml', text: CONFIG.replace('namespace: shop', 'namespace: other') }],
      errors: [{ messageId: 'notFound', line: 14, column: 17, endLine: 14, endColumn: 27, severity: 'error', messageIncludes: ['env of container "web"'] }],
      output: null,
    },
    {
      name: 'key missing from a ConfigMap of the inputs, in a projected volume',
      code: pod('  volumes:\n  - name: conf\n    projected:\n      sources:\n      - configMap:\n          name: web-config\n          items:\n          - key: MODE\n            path: mode\n          - key: LEVEL\n            path: level\n'),
      files: [{ path: 'cm.yaml', text: CONFIG }],
      errors: [{ messageId: 'keyNotFound', line: 19, column: 18, endLine: 19, endColumn: 23, messageIncludes: ['"LEVEL"', 'volume "conf"'] }],
      output: null,
    },
    {
      name: 'in a CronJob, the init container counts too',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: fetch
            image: busybox:1.36
            envFrom:
            - configMapRef:
                name: fetch-config
          containers:
          - name: report
            image: busybox:1.36
`,
      files: [{ path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 18, column: 23, endLine: 18, endColumn: 35, messageIncludes: ['container "fetch"'] }],
      output: null,
    },
  ],
});
