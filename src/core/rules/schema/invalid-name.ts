/**
 * @fileoverview invalid-name: names, label keys and values, and other identifiers follow the
 * syntax the API server enforces (DNS names, qualified names, IANA service names), which the
 * OpenAPI schemas cannot express.
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { hasBuiltinSchema } from '../../schema/kubernetes';
import { labelValueProblem, nameProblem, nameSyntaxOf, qualifiedNameProblem, suggestedName, type NameSyntax } from '../../schema/names';
import { isRecord } from '../../source/parse';
import type { Path } from '../../source/path';
import { defineRule, type RuleContext } from '../types';

type MessageId = 'invalidObjectName' | 'cronJobNameTooLong' | 'invalidLabelKey' | 'invalidAnnotationKey' | 'invalidLabelValue' | 'invalidIdentifier' | 'invalidDataKey';
type Ctx = RuleContext<MessageId, Record<string, unknown>>;

/** How each syntax reads in a message. */
const SYNTAX_WORDS: Record<NameSyntax, string> = {
  dns1123Subdomain: 'lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (at most 253 characters)',
  dns1123Label: 'lowercase letters, digits and "-", starting and ending with a letter or digit (at most 63 characters)',
  dns1035Label: 'lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (at most 63 characters)',
  pathSegment: 'no "/" or "%"',
  ianaServiceName: 'at most 15 lowercase letters, digits and "-", with at least one letter and no "--"',
  configMapKey: 'letters, digits, "-", "_" and "."',
};

export default defineRule<MessageId>({
  id: 'invalid-name',
  category: 'schema',
  severity: 'error',
  title: 'Names and labels must follow the syntax the API server enforces',
  docs: {
    description: 'Checks what the API server validates beyond the schema: object names and namespaces (DNS names: lowercase, digits, "-"), label and annotation keys and label values (63 characters at most), container, volume and port names (a container port name is at most 15 characters), ConfigMap and Secret keys, and the 52-character limit on CronJob names.',
    rationale: 'The schema only says these are strings, but the API server rejects the whole object when one of them is malformed: `name: MyApp`, a label value with a space or of 64 characters, a port named `http-metrics-port` (16 characters). The error only shows up at `kubectl apply` time.',
    remediation: 'Rename the object, label or port as the message says: lowercase letters, digits and "-" are always safe, within the length limit. Remember to update what refers to a renamed object.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/names/', 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set'],
    examples: {
      invalid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http-metrics-port\n      containerPort: 9090\n'],
      valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-config\n  labels:\n    app.kubernetes.io/name: web\n'],
    },
  },
  kinds: '*',
  fixable: 'suggestion',
  messages: {
    invalidObjectName: '{{kind}} name "{{value}}" is not valid: {{reason}}. The API server rejects the object. Use {{syntax}}.',
    cronJobNameTooLong: 'CronJob name "{{value}}" is {{length}} characters long: the Jobs it creates add 11 characters to it, so the API server accepts 52 at most. Shorten it.',
    invalidLabelKey: 'Label key "{{key}}" is not valid: {{reason}}. The API server rejects the object. A key is an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
    invalidAnnotationKey: 'Annotation key "{{key}}" is not valid: {{reason}}. The API server rejects the object. A key is an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
    invalidLabelValue: 'Label "{{key}}" has the value "{{value}}", which is not valid: {{reason}}. The API server rejects the object. A label value has at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit; put free text in an annotation.',
    invalidIdentifier: '{{what}} "{{value}}"{{owner}} is not valid: {{reason}}. The API server rejects the object. Use {{syntax}}.',
    invalidDataKey: 'Key "{{key}}" of the {{kind}} is not valid: {{reason}}. The API server rejects the object.',
  },
  check(ctx) {
    const { manifest } = ctx;
    const object = manifest.object;
    if (!hasBuiltinSchema(manifest.apiVersion, manifest.kind)) return;
    const metadata = isRecord(object.metadata) ? object.metadata : undefined;
    if (metadata) {
      if (typeof metadata.name === 'string') checkObjectName(ctx, metadata.name);
      if (typeof metadata.namespace === 'string' && metadata.namespace !== '') {
        checkIdentifier(ctx, ['metadata', 'namespace'], metadata.namespace, 'dns1123Label', 'Namespace');
      }
      checkMetadata(ctx, ROOT, metadata);
    }
    const template = podTemplateOf(manifest);
    if (template && template.path.length > 0) checkMetadata(ctx, template.path, template.metadata as Record<string, unknown>);
    const spec = isRecord(object.spec) ? object.spec : undefined;
    if (manifest.kind === 'CronJob' && spec && isRecord(spec.jobTemplate) && isRecord(spec.jobTemplate.metadata)) {
      checkMetadata(ctx, JOB_TEMPLATE, spec.jobTemplate.metadata);
    }
    if (template) {
      // Paths (and messages) are made only for a bad name: most names are fine.
      for (const c of containersOf(template)) {
        const name = c.container.name;
        const nameReason = typeof name === 'string' ? nameProblem(name, 'dns1123Label') : undefined;
        if (typeof name === 'string' && nameReason) reportIdentifier(ctx, [...c.path, 'name'], name, 'dns1123Label', nameReason, 'Container name');
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        for (let i = 0; i < ports.length; i++) {
          const port: unknown = ports[i];
          const portName = isRecord(port) && typeof port.name === 'string' ? port.name : undefined;
          const reason = portName === undefined ? undefined : nameProblem(portName, 'ianaServiceName');
          if (reason) reportIdentifier(ctx, [...c.path, 'ports', i, 'name'], portName!, 'ianaServiceName', reason, 'Port name', ` of container "${c.name}"`);
        }
      }
      const volumes = (template.spec as unknown as Record<string, unknown>).volumes;
      if (Array.isArray(volumes)) {
        for (let i = 0; i < volumes.length; i++) {
          const v: unknown = volumes[i];
          const volumeName = isRecord(v) && typeof v.name === 'string' ? v.name : undefined;
          const reason = volumeName === undefined ? undefined : nameProblem(volumeName, 'dns1123Label');
          if (reason) reportIdentifier(ctx, [...template.specPath, 'volumes', i, 'name'], volumeName!, 'dns1123Label', reason, 'Volume name');
        }
      }
    }
    if (spec) checkSelectors(ctx, spec);
    if (manifest.kind === 'Service' && spec && Array.isArray(spec.ports)) {
      spec.ports.forEach((port, i) => {
        if (isRecord(port) && typeof port.name === 'string' && port.name !== '') checkIdentifier(ctx, ['spec', 'ports', i, 'name'], port.name, 'dns1123Label', 'Service port name');
      });
    }
    if (manifest.kind === 'ConfigMap' || manifest.kind === 'Secret') {
      for (const field of ['data', 'binaryData', 'stringData']) {
        const data = object[field];
        if (!isRecord(data)) continue;
        for (const key of Object.keys(data)) {
          const reason = nameProblem(key, 'configMapKey');
          if (reason) ctx.report({ path: [field, key], target: 'key', messageId: 'invalidDataKey', data: { key, kind: manifest.kind, reason } });
        }
      }
    }
  },
});

function checkObjectName(ctx: Ctx, name: string): void {
  const syntax = nameSyntaxOf(ctx.manifest.kind);
  const reason = nameProblem(name, syntax);
  const path: Path = ['metadata', 'name'];
  if (reason) {
    const better = suggestedName(name, syntax);
    ctx.report({
      path, messageId: 'invalidObjectName', data: { kind: ctx.manifest.kind, value: name, reason, syntax: SYNTAX_WORDS[syntax] },
      // A new name is a new object, and whatever refers to the old one must follow: never automatic.
      suggestions: better ? [{ title: `Rename to ${better}`, ops: [{ op: 'set', path, value: better }] }] : [],
    });
  } else if (ctx.manifest.kind === 'CronJob' && name.length > 52) {
    ctx.report({ path, messageId: 'cronJobNameTooLong', data: { value: name, length: name.length } });
  }
}

function checkIdentifier(ctx: Ctx, path: Path, value: string, syntax: NameSyntax, what: string, owner = ''): void {
  const reason = nameProblem(value, syntax);
  if (reason) reportIdentifier(ctx, path, value, syntax, reason, what, owner);
}

/** A name that breaks `syntax` for `reason` (the loops over containers check first, then make the path). */
function reportIdentifier(ctx: Ctx, path: Path, value: string, syntax: NameSyntax, reason: string, what: string, owner = ''): void {
  const better = suggestedName(value, syntax);
  ctx.report({
    path, messageId: 'invalidIdentifier', data: { what, value, owner, reason, syntax: SYNTAX_WORDS[syntax] },
    suggestions: better ? [{ title: `Rename to ${better}`, ops: [{ op: 'set', path, value: better }] }] : [],
  });
}

const ROOT: Path = [];
const JOB_TEMPLATE: Path = ['spec', 'jobTemplate'];

/** Label and annotation keys, and label values, of the `metadata` mapping of the object at `owner`. */
function checkMetadata(ctx: Ctx, owner: Path, metadata: Record<string, unknown>): void {
  if (isRecord(metadata.labels)) checkLabels(ctx, owner, 'metadata', 'labels', metadata.labels);
  if (isRecord(metadata.annotations)) {
    for (const key in metadata.annotations) {
      const reason = qualifiedNameProblem(key);
      if (reason) ctx.report({ path: [...owner, 'metadata', 'annotations', key], target: 'key', messageId: 'invalidAnnotationKey', data: { key, reason } });
    }
  }
}

/** The labels at `[...owner, field, subfield]` (their path made only for a bad one). */
function checkLabels(ctx: Ctx, owner: Path, field: string, subfield: string | undefined, labels: Record<string, unknown>): void {
  for (const key in labels) {
    const value = labels[key];
    const keyReason = qualifiedNameProblem(key);
    const valueReason = typeof value === 'string' ? labelValueProblem(value) : undefined; // a number or boolean is schema-validation's finding
    if (!keyReason && !valueReason) continue;
    const path = subfield === undefined ? [...owner, field, key] : [...owner, field, subfield, key];
    if (keyReason) ctx.report({ path, target: 'key', messageId: 'invalidLabelKey', data: { key, reason: keyReason } });
    if (valueReason) ctx.report({ path, messageId: 'invalidLabelValue', data: { key, value: value as string, reason: valueReason } });
  }
}

const SPEC: Path = ['spec'];
const SELECTOR_FIELDS = ['selector', 'podSelector', 'namespaceSelector'];

/** `matchLabels` of the selectors workloads, PodDisruptionBudgets and NetworkPolicies use, and a Service's selector. */
function checkSelectors(ctx: Ctx, spec: Record<string, unknown>): void {
  const kind = ctx.manifest.kind;
  if (kind === 'Service' || kind === 'ReplicationController') {
    if (isRecord(spec.selector)) checkLabels(ctx, SPEC, 'selector', undefined, spec.selector);
    return;
  }
  for (const field of SELECTOR_FIELDS) {
    const selector = spec[field];
    if (isRecord(selector) && isRecord(selector.matchLabels)) checkLabels(ctx, SPEC, field, 'matchLabels', selector.matchLabels);
  }
}
