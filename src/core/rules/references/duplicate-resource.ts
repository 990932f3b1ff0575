/**
 * @fileoverview duplicate-resource: no two inputs describe the same object (same kind,
 * namespace and name).
 */
import { defineRule } from '../types';

export default defineRule({
  id: 'duplicate-resource',
  category: 'references',
  severity: 'error',
  title: 'Each object should be described once',
  docs: {
    description: 'Reports a manifest whose kind, namespace (the default one when it sets none) and name are those of another manifest of the inputs, whatever their API versions: an error when the other is in the same file or folder, info when it is in another folder (often another environment).',
    rationale: 'Both describe the same object: `kubectl apply` applies them one after the other and the last one silently wins, so half of the settings you read are not the ones running. It is usually a copy-paste that forgot to rename.',
    remediation: 'Rename one of them, move it to another namespace, or delete the copy.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/names/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n'],
      valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: settings\n'],
    },
  },
  kinds: '*',
  messages: {
    duplicate: '{{kind}} "{{name}}"{{where}} is also described at {{other}}: applying both, the last one silently wins. Rename one, change its namespace, or delete the copy.',
    otherFolder: '{{kind}} "{{name}}"{{where}} is also described at {{other}}, in another folder: if both go to the same cluster, the last one applied silently wins. Ignore this for environments (overlays, dev/prod); otherwise rename one or delete the copy.',
  },
  check(ctx) {
    const m = ctx.manifest;
    if (!m.name || m.kind === 'List') return;
    const same = ctx.index.find(m.kind, ctx.namespace, m.name);
    if (same.length < 2) return;
    const others = same.filter((o) => o !== m);
    // Copies in other folders are usually other environments (overlays, dev/prod): only a guess.
    const sameFolder = others.some((o) => dirname(o.file) === dirname(m.file));
    ctx.report({
      path: ['metadata', 'name'], messageId: sameFolder ? 'duplicate' : 'otherFolder', ...(sameFolder ? {} : { severity: 'info' as const }),
      data: {
        kind: m.kind, name: m.name, where: ctx.namespace ? ` in namespace "${ctx.namespace}"` : '',
        other: others.map((o) => (o.file === m.file ? `document ${o.docIndex + 1} of this file` : `${o.file} (document ${o.docIndex + 1})`)).join(', '),
      },
      related: others.map((o) => ({ manifest: o, path: ['metadata', 'name'], message: `the other ${m.kind} "${m.name}"` })),
    });
  },
});

/** The folder part of a path (either separator), without the file name. */
function dirname(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '' : file.slice(0, cut);
}
