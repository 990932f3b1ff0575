import rule from '../../../../src/core/rules/references/duplicate-resource';
import { runRuleTests } from '../../../helpers/rule-tester';

const cm = (name: string, ns?: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}data:
  a: "1"
`;

runRuleTests(rule, {
  valid: [
    `${cm('a')}---\n${cm('b')}`,
    { name: 'same name, other namespace', code: `${cm('a')}---\n${cm('a', 'other')}` },
    { name: 'same name, other kind', code: `${cm('a')}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n` },
    { name: 'cluster-scoped, namespace ignored', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n' },
  ],
  invalid: [
    {
      name: 'the default namespace written or not is the same',
      code: `${cm('a')}---\n${cm('a', 'default')}`,
      errors: [
        { messageId: 'duplicate', line: 4, column: 9, endLine: 4, endColumn: 10, messageIncludes: ['document 2 of this file'] },
        { messageId: 'duplicate', line: 11, column: 9, endLine: 11, endColumn: 10, messageIncludes: ['document 1 of this file', 'namespace "default"'] },
      ],
      output: null,
    },
    {
      name: 'across files, cluster-scoped kinds ignore metadata.namespace',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: a\nrules: []\n',
      files: [{ path: 'other.yaml', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n' }],
      errors: [{ messageId: 'duplicate', line: 4, column: 9, endLine: 4, endColumn: 15, messageIncludes: ['other.yaml (document 1)'] }],
      output: null,
    },
    {
      name: 'a copy in another folder is probably another environment: info',
      code: cm('a'),
      files: [{ path: 'prod/cm.yaml', text: cm('a') }],
      errors: [{ messageId: 'otherFolder', line: 4, column: 9, endLine: 4, endColumn: 10, severity: 'info', messageIncludes: ['prod/cm.yaml (document 1)', 'another folder'] }],
      output: null,
    },
  ],
});
