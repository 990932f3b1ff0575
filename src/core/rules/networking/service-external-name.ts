/**
 * @fileoverview service-external-name: an ExternalName Service names a DNS name.
 */
import { defineRule } from '../types';
import { specOf } from './network-helpers';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export default defineRule({
  id: 'service-external-name',
  category: 'networking',
  severity: 'error',
  title: 'An ExternalName Service should name a DNS name',
  docs: {
    description: 'Reports a Service of type ExternalName without `externalName`, or whose `externalName` is an IP address or not a valid lowercase DNS name (RFC 1123).',
    rationale: 'An ExternalName Service is a DNS alias (a CNAME): the API server refuses a missing or malformed name, and an IP address makes a CNAME that resolvers do not follow, so clients get no address.',
    remediation: 'Write the DNS name (`db.example.com`) in lowercase. To point at an IP address, use a Service without selector and an EndpointSlice with that address.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#externalname', 'https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: 10.0.0.12\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n'],
    },
  },
  kinds: ['Service'],
  messages: {
    missing: 'This ExternalName Service has no externalName: the API server refuses it. Set externalName to the DNS name it stands for.',
    ip: 'externalName {{value}} is an IP address: an ExternalName Service is a DNS alias (CNAME), and clients get no address from it. Use a Service without selector and an EndpointSlice for an IP.',
    invalid: 'externalName "{{value}}" is not a valid DNS name ({{reason}}): the API server refuses it. Write a lowercase DNS name such as db.example.com.',
  },
  check(ctx) {
    const spec = specOf(ctx.manifest);
    if (spec.type !== 'ExternalName') return;
    const value = spec.externalName;
    if (value === undefined || value === null || value === '') {
      ctx.report({ path: ['spec', 'type'], messageId: 'missing' });
      return;
    }
    const text = String(value);
    if (IPV4.test(text) || /^[0-9a-fA-F:]+$/.test(text) && text.includes(':')) {
      ctx.report({ path: ['spec', 'externalName'], messageId: 'ip', data: { value: text } });
      return;
    }
    const name = text.endsWith('.') ? text.slice(0, -1) : text;
    let reason: string | undefined;
    if (name.includes('://') || name.includes('/')) reason = 'it is a URL: write the host name only';
    else if (name.length > 253) reason = 'longer than 253 characters';
    else if (name !== name.toLowerCase()) reason = 'it has capital letters';
    else if (!name.split('.').every((l) => l.length <= 63 && DNS_LABEL.test(l))) reason = 'only a-z, 0-9, "-" and "." are allowed, each part starting and ending with a letter or digit';
    if (reason) ctx.report({ path: ['spec', 'externalName'], messageId: 'invalid', data: { value: text, reason } });
  },
});
