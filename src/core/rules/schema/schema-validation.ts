/**
 * @fileoverview schema-validation: every object matches the Kubernetes API schema of its
 * apiVersion and kind (or the schema its CustomResourceDefinition gives).
 */
import type { WorkspaceIndex } from '../../model/workspace-index';
import type { Manifest } from '../../source/parse';
import { resolvePath, formatPath } from '../../source/path';
import { isClearCandidate, describeValue, quantityCandidates, typeWord, type SchemaProblem } from '../../schema/errors';
import { validateManifest } from '../../schema/validate';
import { defineRule, type Report, type RuleFix } from '../types';

type MessageId = 'unknownField' | 'unknownFieldDidYouMean' | 'unknownFieldMisplaced' | 'wrongType' | 'wrongTypeQuote' | 'badEnum' | 'missingRequired' | 'tooLong' | 'badQuantity' | 'invalid';

export default defineRule<MessageId>({
  id: 'schema-validation',
  category: 'schema',
  severity: 'error',
  title: 'Objects must match the Kubernetes API schema',
  docs: {
    description: 'Validates every object against the Kubernetes v1.32 API schema of its apiVersion and kind, and custom resources against the openAPIV3Schema of their CustomResourceDefinition when it is among the inputs: unknown fields, wrong types, values outside an enum, missing required fields.',
    rationale: 'The API server rejects an object that does not match its schema, so `kubectl apply` fails in the middle of a rollout; with `--validate=false` an unknown field is silently dropped instead, and a misspelt `readinessProbe` simply never runs. YAML adds its own traps: `yes`, `on` and `0644` are not strings.',
    remediation: 'Fix the field the finding points at: correct the spelling or indentation of an unknown field, quote a value that must be a string, add the missing required field. Set `schemaValidation: false` in `.kubeplan.yaml` if another tool already validates schemas.',
    references: ['https://kubernetes.io/docs/reference/kubernetes-api/', 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    port: 80\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n'],
    },
  },
  kinds: '*',
  fixable: 'safe',
  messages: {
    unknownField: 'Unknown field "{{field}}" {{where}}: the API server rejects the object (kubectl validates fields strictly) or, with --validate=false, drops the field silently. Remove it, or check its spelling and indentation.',
    unknownFieldMisplaced: 'Unknown field "{{field}}" {{where}}: the API server rejects the object (kubectl validates fields strictly) or, with --validate=false, drops the field silently. "{{field}}" belongs in {{belongsIn}}: check the indentation.',
    unknownFieldDidYouMean: 'Unknown field "{{field}}" {{where}}: the API server rejects the object (kubectl validates fields strictly) or, with --validate=false, drops the field silently. Did you mean {{candidates}}?',
    wrongType: '"{{path}}" must be {{expected}}, but it is {{actual}}: the API server cannot decode the object and rejects it. Write {{expected}} there.',
    wrongTypeQuote: '"{{path}}" must be a string, but YAML reads {{source}} as {{actual}}: the API server rejects the object. Quote it: "{{source}}".',
    badEnum: '"{{path}}" is {{actual}}, which is not an allowed value: the API server rejects the object. Use one of {{allowed}}.',
    missingRequired: 'Required field "{{field}}" is missing {{where}}: the API server rejects the object without it. Add "{{field}}".',
    tooLong: '"{{path}}" is {{length}} characters long, more than the {{limit}} allowed: the API server rejects the object. Shorten it.',
    badQuantity: '"{{path}}" is "{{value}}", which is not a Kubernetes quantity: the API server rejects the object. Write a number with a binary suffix (Ki, Mi, Gi: powers of 1024) or a decimal one (k, M, G; m for thousandths of a CPU), e.g. 512Mi, 1G, 500m{{hint}}.',
    invalid: '"{{path}}" {{detail}}: the API server rejects the object. Change the value.',
  },
  check(ctx) {
    if (!ctx.config.schemaValidation) return;
    const { problems } = validateManifest(ctx.manifest, ctx.index);
    if (problems.length === 0) return;
    const patch = isOverlayPatch(ctx.manifest, ctx.index, ctx.namespace);
    for (const problem of problems) {
      // Strategic-merge directives (`$patch: delete`, `$setElementOrder/...`) are kustomize's, not fields.
      if (problem.kind === 'unknownField' && problem.field.startsWith('$')) continue;
      // A kustomize patch names an object defined elsewhere and carries only what it changes.
      if (problem.kind === 'missingRequired' && patch) continue;
      ctx.report(toReport(ctx.manifest, ctx.text, problem));
    }
  },
});

/**
 * True when another file of the inputs defines the same object (kind, namespace, name): this one
 * is then a kustomize overlay's patch, which only carries the fields it changes.
 */
function isOverlayPatch(manifest: Manifest, index: WorkspaceIndex, namespace: string | undefined): boolean {
  if (manifest.name === '') return false;
  return index.find(manifest.kind, namespace, manifest.name).some((other) => other.file !== manifest.file);
}

function whereText(manifest: Manifest, where: string): string {
  return where === '' ? `at the top level of the ${manifest.kind}` : `in ${where}`;
}

const quoteList = (names: readonly unknown[]): string => names.map((n) => `"${String(n)}"`).join(', ');

function toReport(manifest: Manifest, text: string, p: SchemaProblem): Report<MessageId> {
  const at = { path: p.path, target: p.target };
  const where = whereText(manifest, p.where);
  const path = formatPath(p.path);
  switch (p.kind) {
    case 'unknownField': {
      const candidates = p.candidates ?? [];
      if (candidates.length === 0) {
        if (p.belongsIn) return { ...at, messageId: 'unknownFieldMisplaced', data: { field: p.field, where, belongsIn: p.belongsIn } };
        return { ...at, messageId: 'unknownField', data: { field: p.field, where } };
      }
      // Renaming only helps when the value fits the field it is renamed to (`port: 80` is no `ports`).
      const fitting = p.fitting ?? [];
      const renames: RuleFix[] = fitting.map((c) => ({ title: `Rename "${p.field}" to "${c}"`, ops: [{ op: 'rename', path: p.path, key: c }] }));
      const clear = isClearCandidate(p.field, candidates) && fitting[0] === candidates[0];
      const report: Report<MessageId> = {
        ...at, messageId: 'unknownFieldDidYouMean',
        data: { field: p.field, where, candidates: candidates.map((c) => `"${c}"`).join(' or ') },
      };
      if (clear) report.fix = renames[0]!;
      else if (renames.length > 0) report.suggestions = renames;
      return report;
    }
    case 'wrongType': {
      const expected = (p.expected ?? []).map(typeWord).join(' or ') || 'something else';
      const source = scalarSource(manifest, text, p.path);
      const report: Report<MessageId> = { ...at, messageId: 'wrongType', data: { path, expected, actual: describeValue(p.value) } };
      const wantsString = p.expected?.includes('string');
      if (wantsString && source !== undefined && (typeof p.value === 'number' || typeof p.value === 'boolean')) {
        // `8080`, `yes`, `0644` or `1.10` where a string is expected: the author meant the text.
        return {
          ...at, messageId: 'wrongTypeQuote', data: { path, source, actual: describeValue(p.value) },
          fix: { title: `Quote ${source}`, ops: [{ op: 'set', path: p.path, value: source }] },
        };
      }
      const converted = convertString(p.value, p.expected ?? []);
      if (converted !== undefined) report.fix = { title: `Write ${JSON.stringify(converted)} without quotes`, ops: [{ op: 'set', path: p.path, value: converted }] };
      return report;
    }
    case 'badEnum': {
      const allowed = p.allowed ?? [];
      const report: Report<MessageId> = { ...at, messageId: 'badEnum', data: { path, actual: describeValue(p.value), allowed: quoteList(allowed) } };
      if (typeof p.value === 'string') {
        const same = allowed.filter((a) => typeof a === 'string' && a.toLowerCase() === (p.value as string).toLowerCase());
        if (same.length === 1) report.fix = { title: `Use "${String(same[0])}"`, ops: [{ op: 'set', path: p.path, value: same[0] }] };
      }
      return report;
    }
    case 'missingRequired':
      return { ...at, messageId: 'missingRequired', data: { field: p.field, where } };
    case 'badQuantity': {
      const value = typeof p.value === 'string' ? p.value : String(p.value);
      const candidates = quantityCandidates(value);
      return {
        ...at, messageId: 'badQuantity', data: { path, value, hint: candidates.length ? ` (did you mean ${candidates.join(' or ')}?)` : '' },
        suggestions: candidates.map((c) => ({ title: `Use ${c}`, ops: [{ op: 'set', path: p.path, value: c }] })),
      };
    }
    case 'tooLong':
      return { ...at, messageId: 'tooLong', data: { path, length: typeof p.value === 'string' ? [...p.value].length : 0, limit: p.limit ?? 0 } };
    default:
      return { ...at, messageId: 'invalid', data: { path, detail: p.detail ?? 'is not valid' } };
  }
}

/** The text of the scalar at `path` as written (`0644`, `yes`), when it is a plain scalar. */
function scalarSource(manifest: Manifest, text: string, path: readonly (string | number)[]): string | undefined {
  const { node, depth } = resolvePath(manifest.tree, path);
  if (depth !== path.length || node?.type !== 'scalar' || node.style !== 'PLAIN') return undefined;
  const source = text.slice(node.start, node.end);
  return source !== '' ? source : undefined;
}

/** `"3"` where an integer is expected → 3; `"true"` where a boolean is → true. */
function convertString(value: unknown, expected: readonly string[]): number | boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if ((expected.includes('integer') || expected.includes('number')) && /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  if (expected.includes('number') && /^-?\d+\.\d+$/.test(v)) return Number(v);
  if (expected.includes('boolean') && (v === 'true' || v === 'false')) return v === 'true';
  return undefined;
}
