/**
 * @fileoverview ingress-tls-secret: the TLS Secrets of an Ingress exist among the inputs (or
 * are issued by cert-manager).
 */
import { missingSeverity } from '../references/reference-helpers';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { annotationsOf, specOf } from './network-helpers';

const ISSUER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'];

export default defineRule({
  id: 'ingress-tls-secret',
  category: 'networking',
  severity: 'error',
  title: 'An Ingress TLS Secret should exist',
  docs: {
    description: 'Reports a `spec.tls[].secretName` of an Ingress that names no Secret of its namespace among the inputs (info, or an error when the namespace is described in full). Ingresses annotated for cert-manager (`cert-manager.io/cluster-issuer`, `cert-manager.io/issuer`, `kubernetes.io/tls-acme`) are skipped: the Secret is issued for them. Also reports a `tls` entry without `secretName`.',
    rationale: 'Without its Secret, the ingress controller serves its default self-signed certificate for these hosts: browsers show a security warning and API clients refuse to connect.',
    remediation: 'Create the TLS Secret in the Ingress\'s namespace (`kubectl create secret tls NAME --cert=… --key=…`), or let cert-manager issue it with a `cert-manager.io/cluster-issuer` annotation.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls', 'https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ingressClassName: nginx\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  ingressClassName: nginx\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n'],
    },
  },
  kinds: ['Ingress'],
  messages: {
    notFound: 'TLS Secret "{{name}}" is not found {{scope}}: the controller serves its default self-signed certificate for {{hosts}}, which clients reject. Create the Secret or let cert-manager issue it.',
    noSecretName: 'This tls entry names no secretName: {{hosts}} get the controller\'s default certificate. Add secretName (or rely on the controller\'s default certificate on purpose).',
  },
  check(ctx) {
    if (!ctx.namespace) return;
    const tls = specOf(ctx.manifest).tls;
    if (!Array.isArray(tls)) return;
    const annotations = annotationsOf(ctx.manifest);
    if (ISSUER_ANNOTATIONS.some((a) => a in annotations)) return;
    tls.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const hosts = Array.isArray(entry.hosts) && entry.hosts.length ? entry.hosts.join(', ') : 'its hosts';
      if (typeof entry.secretName !== 'string' || entry.secretName === '') {
        ctx.report({ path: ['spec', 'tls', i], messageId: 'noSecretName', severity: 'info', data: { hosts } });
        return;
      }
      if (ctx.index.find('Secret', ctx.namespace, entry.secretName).length > 0) return;
      const { severity, scope } = missingSeverity(ctx.index, ctx.namespace);
      ctx.report({ path: ['spec', 'tls', i, 'secretName'], messageId: 'notFound', severity, data: { name: entry.secretName, scope, hosts } });
    });
  },
});
