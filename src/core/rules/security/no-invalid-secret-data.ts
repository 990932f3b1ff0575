/**
 * @fileoverview no-invalid-secret-data: the values of a Secret's `data` (and a ConfigMap's
 * `binaryData`) are valid base64.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

/** True when the API server can decode the value: standard base64, padded; line breaks are ignored. */
export function isValidBase64(value: string): boolean {
  const s = value.replace(/[\r\n]/g, '');
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

export default defineRule({
  id: 'no-invalid-secret-data',
  category: 'security',
  severity: 'error',
  title: 'Secret data should be valid base64',
  docs: {
    description: 'Reports values of a Secret\'s `data` (and a ConfigMap\'s `binaryData`) that are not valid standard base64 (with its `=` padding), or not strings.',
    rationale: 'The API server decodes these values and rejects the whole object when one is not base64 ("illegal base64 data at input byte …"). The usual cause is a value written in clear in `data` where `stringData` was meant.',
    remediation: 'Encode the value (`echo -n \'value\' | base64`), or move it to `stringData` (Secrets) or `data` (ConfigMaps), which take plain text.',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data', 'https://kubernetes.io/docs/tasks/configmap-secret/managing-secret-using-config-file/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: my password\n'],
      valid: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: bXkgcGFzc3dvcmQ=\n'],
    },
  },
  kinds: ['Secret', 'ConfigMap'],
  fixable: 'suggestion',
  messages: {
    invalid: 'The value of "{{key}}" in {{field}} is not valid base64: the API server rejects this {{kind}}. Encode it with base64, or move it to {{plain}}, which takes plain text.',
    notString: 'The value of "{{key}}" in {{field}} is not a string: the API server rejects this {{kind}}. Quote the base64 text, or move the value to {{plain}} as a quoted string.',
  },
  check(ctx) {
    const secret = ctx.manifest.kind === 'Secret';
    const field = secret ? 'data' : 'binaryData';
    const plain = secret ? 'stringData' : 'data';
    const data = ctx.manifest.object[field];
    if (!isRecord(data)) return;
    for (const [key, value] of Object.entries(data)) {
      if (value === null || (typeof value === 'string' && isValidBase64(value))) continue;
      const target = ctx.manifest.object[plain];
      const clash = isRecord(target) && key in target;
      ctx.report({
        path: [field, key],
        messageId: typeof value === 'string' ? 'invalid' : 'notString',
        data: { key, field, kind: ctx.manifest.kind, plain },
        ...(clash || (typeof value !== 'string' && typeof value !== 'number') ? {} : {
          suggestions: [{ title: `Move "${key}" to ${plain} (plain text)`, ops: [{ op: 'remove', path: [field, key] }, { op: 'set', path: [plain, key], value: String(value) }] }],
        }),
      });
    }
  },
});
