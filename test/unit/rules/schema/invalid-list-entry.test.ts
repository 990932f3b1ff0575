import rule from '../../../../src/core/rules/schema/invalid-list-entry';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    pod('  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - {name: config, mountPath: /etc/nginx/conf.d}\n    - {name: cache, mountPath: /var/cache/nginx}\n  volumes:\n  - {name: config, configMap: {name: nginx}}\n  - {name: cache, emptyDir: {}}\n'),
    {
      name: 'a StatefulSet mounts its volumeClaimTemplates',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers:\n      - name: db\n        image: postgres:16\n        volumeMounts:\n        - {name: data, mountPath: /var/lib/postgresql/data}\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n',
    },
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53, protocol: TCP}\n',
  ],
  invalid: [
    {
      name: 'a mount of a misspelt volume',
      code: pod('  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: confg\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    configMap: {name: nginx}\n'),
      errors: [{
        messageId: 'unknownVolume', line: 10, column: 13, endLine: 10, endColumn: 18, messageIncludes: ['Container "web" mounts volume "confg"', 'not declared in spec.volumes (did you mean "config"?)'],
        suggestions: [pod('  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: config\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    configMap: {name: nginx}\n')],
      }],
      output: null,
    },
    {
      name: 'a mount with no volume at all, in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        volumeMounts: [{name: data, mountPath: /data}]\n',
      errors: [{ messageId: 'unknownVolume', line: 13, column: 31, endLine: 13, endColumn: 35, messageIncludes: ['not declared in spec.template.spec.volumes:'], suggestions: [] }],
      output: null,
    },
    {
      name: 'duplicate container names across init and app containers, duplicate volumes and mount paths',
      code: pod('  initContainers:\n  - name: web\n    image: busybox:1.36\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - {name: a, mountPath: /data}\n    - {name: b, mountPath: /data/}\n  volumes:\n  - {name: a, emptyDir: {}}\n  - {name: b, emptyDir: {}}\n  - {name: a, emptyDir: {}}\n'),
      errors: [
        { messageId: 'duplicateName', line: 10, column: 11, endLine: 10, endColumn: 14, messageIncludes: ['Container name "web" appears twice in this pod'] },
        { messageId: 'duplicateMountPath', line: 14, column: 28, endLine: 14, endColumn: 34, messageIncludes: ['"/data/"'] },
        { messageId: 'duplicateName', line: 18, column: 12, endLine: 18, endColumn: 13, messageIncludes: ['Volume name "a" appears twice in spec.volumes'] },
      ],
      output: null,
    },
    {
      name: 'a multi-port Service needs a name on each port',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  - name: https\n    port: 443\n',
      errors: [{
        messageId: 'unnamedServicePort', line: 7, column: 11, endLine: 7, endColumn: 13, messageIncludes: ['Port 80', '2 ports', '"http"'],
        suggestions: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    name: http\n  - name: https\n    port: 443\n'],
      }],
      output: null,
    },
    {
      name: 'duplicate Service ports and port names',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - {name: http, port: 80}\n  - {name: http, port: 80}\n',
      errors: [
        { messageId: 'duplicateName', line: 8, column: 12, endLine: 8, endColumn: 16, messageIncludes: ['Port name "http" appears twice in this Service'] },
        { messageId: 'duplicateServicePort', line: 8, column: 24, endLine: 8, endColumn: 26, messageIncludes: ['80/TCP'] },
      ],
      output: null,
    },
  ],
});
