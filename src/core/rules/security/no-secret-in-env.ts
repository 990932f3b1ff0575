/**
 * @fileoverview no-secret-in-env: Secrets reach containers as mounted files rather than
 * environment variables (information).
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';

export default defineRule({
  id: 'no-secret-in-env',
  category: 'security',
  severity: 'info',
  title: 'Secrets are better mounted as files than passed as environment variables',
  docs: {
    description: 'Reports `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` in containers: information, since many applications read their secrets only from the environment.',
    rationale: 'Environment variables are inherited by every child process, show up in crash reports, debug endpoints and `/proc/<pid>/environ`, and never change while the container runs: a rotated Secret reaches the container only at its next restart. Files from a Secret volume are updated in place and can be read by the application alone.',
    remediation: 'Mount the Secret as a volume (`volumes[].secret` with a `volumeMount`, `readOnly: true`) and have the application read the file; many images accept a `*_FILE` variable pointing at it.',
    references: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/', 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: app:1.0\n    envFrom:\n    - secretRef: {name: db}\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: app:1.0\n    volumeMounts:\n    - {name: db, mountPath: /etc/db, readOnly: true}\n  volumes:\n  - name: db\n    secret: {secretName: db}\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    env: 'Container "{{container}}" reads the key "{{key}}" of Secret "{{secret}}" into the environment variable {{name}}: child processes, crash dumps and /proc see it, and it is not updated when the Secret is rotated. Consider mounting the Secret as a file.',
    envFrom: 'Container "{{container}}" loads every key of Secret "{{secret}}" into its environment: child processes, crash dumps and /proc see them, and they are not updated when the Secret is rotated. Consider mounting the Secret as files.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const env: unknown = c.container.env;
      if (Array.isArray(env)) {
        env.forEach((e: unknown, i) => {
          const ref = isRecord(e) && isRecord(e.valueFrom) ? e.valueFrom.secretKeyRef : undefined;
          if (!isRecord(ref)) return;
          ctx.report({
            path: [...c.path, 'env', i, 'valueFrom', 'secretKeyRef'], target: 'key', messageId: 'env',
            data: { container: c.name, key: String(ref.key ?? ''), secret: String(ref.name ?? ''), name: String((e as Record<string, unknown>).name ?? '') },
          });
        });
      }
      const envFrom: unknown = c.container.envFrom;
      if (Array.isArray(envFrom)) {
        envFrom.forEach((e: unknown, i) => {
          if (!isRecord(e) || !isRecord(e.secretRef)) return;
          ctx.report({ path: [...c.path, 'envFrom', i, 'secretRef'], target: 'key', messageId: 'envFrom', data: { container: c.name, secret: String(e.secretRef.name ?? '') } });
        });
      }
    }
  },
});
