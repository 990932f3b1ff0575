/**
 * @fileoverview ingress-class-name: an Ingress names the controller that serves it with
 * `spec.ingressClassName`.
 */
import { isRecord } from '../../source/parse';
import { defineRule, type RuleFix } from '../types';
import { annotationsOf, specOf } from './network-helpers';

export default defineRule({
  id: 'ingress-class-name',
  category: 'networking',
  severity: 'warning',
  title: 'An Ingress should set ingressClassName',
  docs: {
    description: 'Reports a networking.k8s.io/v1 Ingress without `spec.ingressClassName`, unless an IngressClass of the inputs is marked as the default one. An Ingress that uses the deprecated `kubernetes.io/ingress.class` annotation instead is reported as info, with a suggestion to move it.',
    rationale: 'Without a class, the Ingress is served only if the cluster has a default IngressClass; with several controllers (Traefik in k3s plus ingress-nginx, say) none or the wrong one picks it up, and nothing says so. The annotation is deprecated since Kubernetes 1.18.',
    remediation: 'Set `spec.ingressClassName` to the IngressClass of the controller that should serve it (`kubectl get ingressclass`: `traefik` on k3s, `nginx` for ingress-nginx).',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class', 'https://kubernetes.io/docs/concepts/services-networking/ingress/#default-ingress-class'],
    examples: {
      invalid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: traefik\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n'],
    },
  },
  kinds: ['Ingress'],
  fixable: 'suggestion',
  messages: {
    missing: 'This Ingress names no ingressClassName: it is served only if the cluster has a default IngressClass, and with several controllers maybe by none. Set ingressClassName ({{classes}}).',
    annotation: 'The kubernetes.io/ingress.class annotation is deprecated: set spec.ingressClassName: {{value}} instead (and remove the annotation).',
  },
  check(ctx) {
    if (!ctx.manifest.apiVersion.startsWith('networking.k8s.io/')) return;
    const spec = specOf(ctx.manifest);
    if (typeof spec.ingressClassName === 'string' && spec.ingressClassName) return;
    const legacy = annotationsOf(ctx.manifest)['kubernetes.io/ingress.class'];
    if (typeof legacy === 'string' && legacy) {
      ctx.report({
        path: ['metadata', 'annotations', 'kubernetes.io/ingress.class'], target: 'key', messageId: 'annotation', severity: 'info', data: { value: legacy },
        suggestions: [{
          title: `Move to spec.ingressClassName: ${legacy}`,
          ops: [
            { op: 'set', path: ['spec', 'ingressClassName'], value: legacy, after: [] },
            // The last annotation takes its `annotations:` key with it.
            { op: 'remove', path: Object.keys(annotationsOf(ctx.manifest)).length === 1 ? ['metadata', 'annotations'] : ['metadata', 'annotations', 'kubernetes.io/ingress.class'] },
          ],
        }],
      });
      return;
    }
    const classes = ctx.index.ofKind('IngressClass');
    if (classes.some((c) => {
      const md = c.object.metadata;
      return isRecord(md) && isRecord(md.annotations) && String(md.annotations['ingressclass.kubernetes.io/is-default-class']) === 'true';
    })) return;
    const names = classes.length ? classes.map((c) => c.name) : ['traefik', 'nginx'];
    const suggestions: RuleFix[] = names.slice(0, 3).map((name) => ({
      title: `Set ingressClassName: ${name}`,
      ops: [{ op: 'set', path: ['spec', 'ingressClassName'], value: name, after: [] }],
    }));
    const listed = classes.length ? `IngressClasses of the inputs: ${names.join(', ')}` : 'traefik on k3s, nginx for ingress-nginx';
    ctx.report({ path: ['spec'], target: 'key', messageId: 'missing', data: { classes: listed }, suggestions });
  },
});
