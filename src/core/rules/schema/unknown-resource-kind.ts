/**
 * @fileoverview unknown-resource-kind: says when an object's apiVersion and kind have no schema
 * to check it against (a custom resource whose CRD is not among the inputs, a typo in the
 * apiVersion of a built-in kind).
 */
import { customKindOf } from '../../schema/crd';
import { lifecycleOf } from '../../schema/api-lifecycle';
import { closeNames } from '../../schema/errors';
import { builtinKindsOf, builtinVersionsOf, groupOf, hasBuiltinSchema, isBuiltinGroup } from '../../schema/kubernetes';
import { defineRule } from '../types';

/**
 * Built-in kinds the bundle has no schema for (the upstream data leaves out request/review kinds
 * and a few others): they are Kubernetes's own, so there is no CRD to ask for.
 */
const BUILTIN_WITHOUT_SCHEMA: ReadonlySet<string> = new Set([
  'apiregistration.k8s.io/v1/APIService', 'v1/Binding', 'v1/ComponentStatus', 'policy/v1/Eviction', 'autoscaling/v1/Scale',
  'authentication.k8s.io/v1/TokenReview', 'authentication.k8s.io/v1/SelfSubjectReview', 'authentication.k8s.io/v1/TokenRequest',
  'authorization.k8s.io/v1/SubjectAccessReview', 'authorization.k8s.io/v1/SelfSubjectAccessReview',
  'authorization.k8s.io/v1/LocalSubjectAccessReview', 'authorization.k8s.io/v1/SelfSubjectRulesReview',
]);

export default defineRule({
  id: 'unknown-resource-kind',
  category: 'schema',
  severity: 'info',
  title: 'Objects should have a known apiVersion and kind',
  docs: {
    description: 'Reports objects whose apiVersion and kind have no schema: custom resources whose CustomResourceDefinition is not among the inputs (information only), and, as errors, a CRD that does not serve the version used, a built-in kind written with an apiVersion Kubernetes does not serve, and a misspelt built-in kind (`kind: deployment`).',
    rationale: 'Without a schema, KubePlan cannot check the fields of an object, so typos go unnoticed. A built-in kind under a wrong apiVersion is worse: `kubectl apply` fails with "no matches for kind".',
    remediation: 'Add the CustomResourceDefinition of custom resources to the inputs (for example the operator\'s CRD file), or correct the apiVersion of a built-in kind to the one the finding names.',
    references: ['https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/', 'https://kubernetes.io/docs/reference/using-api/#api-groups'],
    examples: {
      invalid: ['apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec: {}\n', 'apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: web\n'],
      valid: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'],
    },
  },
  kinds: '*',
  fixable: 'safe',
  messages: {
    noSchema: 'No schema for {{apiVersion}} {{kind}}: its fields are not checked. Add its CustomResourceDefinition to the inputs to have them validated.',
    crdVersionNotServed: 'The CustomResourceDefinition "{{crd}}" does not serve version {{version}} of {{kind}} (it serves {{served}}): the API server rejects the object. Use one of the served versions.',
    unknownVersion: 'Kubernetes does not serve {{kind}} as {{apiVersion}}: kubectl apply fails with "no matches for kind". Use {{known}}.',
    unknownKind: '{{apiVersion}} has no kind "{{kind}}": kubectl apply fails with "no matches for kind". Did you mean {{candidates}}? Kinds are case-sensitive.',
  },
  check(ctx) {
    if (!ctx.config.schemaValidation) return;
    const { apiVersion, kind } = ctx.manifest;
    if (hasBuiltinSchema(apiVersion, kind) || lifecycleOf(apiVersion, kind)) return;
    const custom = customKindOf(ctx.index, apiVersion, kind);
    if (custom) {
      const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
      if (custom.versions.includes(version)) return;
      ctx.report({
        path: ['apiVersion'], messageId: 'crdVersionNotServed', severity: 'error',
        data: { crd: custom.crd.name, version, kind, served: custom.versions.join(', ') || 'none' },
        suggestions: custom.versions.map((v) => ({ title: `Use ${custom.group}/${v}`, ops: [{ op: 'set', path: ['apiVersion'], value: `${custom.group}/${v}` }] })),
      });
      return;
    }
    const close = closeNames(kind, builtinKindsOf(apiVersion));
    if (close.length > 0) {
      const renames = close.map((k) => ({ title: `Use kind ${k}`, ops: [{ op: 'set' as const, path: ['kind'], value: k }] }));
      const sameIgnoringCase = close.length === 1 && close[0]!.toLowerCase() === kind.toLowerCase();
      ctx.report({
        path: ['kind'], messageId: 'unknownKind', severity: 'error',
        data: { apiVersion, kind, candidates: close.map((k) => `"${k}"`).join(' or ') },
        ...(sameIgnoringCase ? { fix: renames[0]! } : { suggestions: renames }),
      });
      return;
    }
    const known = builtinVersionsOf(kind);
    // `core/v1` is a common way to misspell the core group (`v1`).
    const group = groupOf(apiVersion) === 'core' ? '' : groupOf(apiVersion);
    if (known.length > 0 && isBuiltinGroup(group)) {
      ctx.report({
        path: ['apiVersion'], messageId: 'unknownVersion', severity: 'error',
        data: { kind, apiVersion, known: known.join(' or ') },
        suggestions: known.map((v) => ({ title: `Use ${v}`, ops: [{ op: 'set', path: ['apiVersion'], value: v }] })),
      });
      return;
    }
    if (BUILTIN_WITHOUT_SCHEMA.has(`${apiVersion}/${kind}`)) return;
    ctx.report({ path: ['kind'], messageId: 'noSchema', data: { apiVersion, kind } });
  },
});
