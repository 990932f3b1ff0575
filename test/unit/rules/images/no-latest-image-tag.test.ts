import rule from '../../../../src/core/rules/images/no-latest-image-tag';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (image: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
`;

runRuleTests(rule, {
  valid: [
    pod('nginx:1.27.3'),
    pod('registry.example.com:5000/team/app:v2'),
    pod('nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000'),
    pod('nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000'),
  ],
  invalid: [
    {
      code: pod('nginx:latest'),
      errors: [{ messageId: 'latest', line: 8, column: 12, endLine: 8, endColumn: 24, messageIncludes: ['"web"', 'nginx:latest'] }],
      output: null,
    },
    {
      code: pod('registry.example.com:5000/team/app'),
      errors: [{ messageId: 'noTag', line: 8, column: 12, endLine: 8, endColumn: 46 }],
      output: null,
    },
    {
      name: 'suggests the version pinned elsewhere in the inputs',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      initContainers:
      - name: wait
        image: busybox   # waits for the db
      containers:
      - name: app
        image: busybox:1.36
`,
      errors: [{
        messageId: 'noTag', line: 12, column: 16, endLine: 12, endColumn: 23,
        suggestions: [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      initContainers:
      - name: wait
        image: busybox:1.36   # waits for the db
      containers:
      - name: app
        image: busybox:1.36
`],
      }],
      output: null,
    },
  ],
});
