/**
 * @fileoverview service-selector-matches-nothing: a Service's selector selects the pods of at
 * least one pod template among the inputs.
 */
import { stringRecord } from '../../model/pod-template';
import { editDistance } from '../../config/config';
import { formatSelector } from '../../model/selector';
import type { PodTemplateHolder } from '../../model/workspace-index';
import { customResourceIn } from '../references/reference-helpers';
import { defineRule } from '../types';
import { describeHolder, specOf } from './network-helpers';

export default defineRule({
  id: 'service-selector-matches-nothing',
  category: 'networking',
  severity: 'error',
  title: 'A Service selector should select some pods',
  docs: {
    description: 'Reports a Service whose `spec.selector` matches the labels of no pod template (Pod, Deployment, StatefulSet, DaemonSet, Job…) of its namespace among the inputs. An error when the namespace is described in full (its Namespace object is among the inputs, and no custom resource there may have an operator create pods), info otherwise. Services without a selector (endpoints managed by hand) and ExternalName Services are not checked.',
    rationale: 'A Service that selects no pod has no endpoints: connections to it are refused or time out, and nothing in `kubectl get svc` says why. The usual cause is a label typo or a label changed on one side only.',
    remediation: 'Make the selector equal to labels of the pod template (`spec.template.metadata.labels` of the Deployment), not to the Deployment\'s own `metadata.labels`; `kubectl get endpointslices -l kubernetes.io/service-name=NAME` shows what a live Service selects.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service', 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: ['Service'],
  messages: {
    nothing: 'Selector {{selector}} matches no pod template in {{scope}}: the Service has no endpoints and connections to it fail.{{hint}} Make the selector match the pod template labels.',
  },
  check(ctx) {
    const spec = specOf(ctx.manifest);
    if (spec.type === 'ExternalName' || !ctx.namespace) return;
    const selector = stringRecord(spec.selector);
    const keys = Object.keys(selector);
    if (keys.length === 0) return;
    if (ctx.index.selectWithMap(ctx.namespace, spec.selector).length > 0) return;
    const templates = ctx.index.templatesIn(ctx.namespace);
    // The nearest template: one that matches all keys but one says which label is off.
    // A template with the right key and another value (a typo) is the best guess; one missing a key
    // only helps when the selector has other keys it does match. Among typos, the closest value wins.
    // (One pass, no object per template: a namespace may hold thousands.)
    let hint = '';
    let near: { h: PodTemplateHolder; k: string; distance: number } | undefined;
    for (const h of templates) {
      let off: string | undefined;
      let count = 0;
      for (const k of keys) {
        if (h.labels[k] === selector[k]) continue;
        off = k;
        if (++count > 1) break;
      }
      if (count !== 1) continue;
      const typo = off! in h.labels;
      if (!typo && keys.length === 1) continue;
      const distance = typo ? editDistance(h.labels[off!]!, selector[off!]!) : Infinity;
      if (!near || distance < near.distance) near = { h, k: off!, distance };
    }
    if (near) {
      const k = near.k;
      hint = ` ${describeHolder(near.h)} has ${k in near.h.labels ? `${k}=${near.h.labels[k]}` : `no label ${k}`}, the selector wants ${k}=${selector[k]}.`;
    }
    const custom = customResourceIn(ctx.index, ctx.namespace);
    const described = ctx.index.isNamespaceDescribed(ctx.namespace) && !custom;
    const scope = described
      ? `namespace "${ctx.namespace}", which the inputs describe in full`
      : custom
        ? `namespace "${ctx.namespace}" among the inputs (an operator may create its pods from custom resources there, such as ${custom.kind} "${custom.name}")`
        : `namespace "${ctx.namespace}" among the inputs (its pods may come from elsewhere, a chart or an operator: add the Namespace to the inputs to make this an error)`;
    ctx.report({
      path: ['spec', 'selector'], target: 'key', messageId: 'nothing', severity: described ? 'error' : 'info',
      data: { selector: formatSelector(selector), scope, hint },
    });
  },
});
