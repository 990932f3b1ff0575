/**
 * @fileoverview no-secret-literals: passwords, tokens and keys are not written in clear in `env`
 * values or ConfigMap data.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { secretLiteral, secretSettingInFile } from './secret-patterns';

export default defineRule({
  id: 'no-secret-literals',
  category: 'security',
  severity: 'warning',
  title: 'Secrets should not be written in clear in env values or ConfigMaps',
  docs: {
    description: 'Reports `env` values and ConfigMap `data` entries that look like secrets: a literal under a name such as `PASSWORD`, `DB_TOKEN`, `apiKey` or `client_secret` (names like `PASSWORD_FILE` or `TOKEN_URL` excepted), a PEM private key, a long base64 or hex blob under a name with "key", or a `password = …` line in a configuration file held by a ConfigMap.',
    rationale: 'Manifests end up in Git, in CI logs and in `kubectl get -o yaml` output, readable by anyone who can read the Deployment or ConfigMap. Secrets have their own RBAC, can be encrypted at rest, and are kept out of most dumps.',
    remediation: 'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file); rotate the value, since it has already leaked wherever the manifest went.',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/', 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: app:1.0\n    env:\n    - name: DB_PASSWORD\n      value: s3cr3t-P4ss\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: app:1.0\n    env:\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}\n'],
    },
  },
  kinds: [...POD_TEMPLATE_KINDS, 'ConfigMap'],
  messages: {
    envName: 'Container "{{container}}" sets {{name}} to a literal value: a secret written in a manifest is readable by anyone who can read this {{kind}}, and leaks into Git and CI logs. Put it in a Secret and use valueFrom.secretKeyRef.',
    envPem: 'Container "{{container}}" holds a private key in clear in {{name}}: anyone who can read this {{kind}} gets the key. Put it in a Secret and mount it as a file.',
    envBlob: 'Container "{{container}}" sets {{name}} to what looks like a key (a long base64 or hex string): anyone who can read this {{kind}} gets it. Put it in a Secret and use valueFrom.secretKeyRef.',
    dataName: 'ConfigMap key "{{name}}" looks like a secret written in clear: ConfigMaps are not meant for secrets (no separate RBAC, no encryption at rest, shown by kubectl describe). Move it to a Secret.',
    dataPem: 'ConfigMap key "{{name}}" holds a private key in clear: anyone who can read ConfigMaps in this namespace gets it. Move it to a Secret (type kubernetes.io/tls for a TLS key).',
    dataBlob: 'ConfigMap key "{{name}}" holds what looks like a key (a long base64 or hex string): ConfigMaps are not meant for secrets. Move it to a Secret.',
    dataFile: 'ConfigMap key "{{name}}" is a configuration file that sets {{setting}} in clear: anyone who can read ConfigMaps in this namespace gets it. Move the file, or that setting, to a Secret.',
  },
  check(ctx) {
    if (ctx.manifest.kind === 'ConfigMap') {
      const data = ctx.manifest.object.data;
      if (!isRecord(data)) return;
      for (const [key, value] of Object.entries(data)) {
        const kind = secretLiteral(key, value);
        // A multi-line value (a block scalar) is pointed at by its key, not underlined whole.
        const target = typeof value === 'string' && value.includes('\n') ? 'key' as const : 'value' as const;
        if (kind) {
          ctx.report({ path: ['data', key], target, messageId: kind === 'pem' ? 'dataPem' : kind === 'blob' ? 'dataBlob' : 'dataName', data: { name: key } });
          continue;
        }
        const setting = typeof value === 'string' ? secretSettingInFile(value) : undefined;
        if (setting) ctx.report({ path: ['data', key], target, messageId: 'dataFile', data: { name: key, setting } });
      }
      return;
    }
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const env: unknown = c.container.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e: unknown, i) => {
        if (!isRecord(e) || typeof e.name !== 'string') return;
        const kind = secretLiteral(e.name, e.value);
        if (!kind) return;
        ctx.report({
          path: [...c.path, 'env', i, 'value'],
          messageId: kind === 'pem' ? 'envPem' : kind === 'blob' ? 'envBlob' : 'envName',
          data: { container: c.name, name: e.name, kind: ctx.manifest.kind },
        });
      });
    }
  },
});
