/**
 * @fileoverview The syntax the API server requires of names, label keys and values, and other
 * identifiers (k8s.io/apimachinery/pkg/util/validation): rules the OpenAPI schemas do not
 * carry. Each check returns why a value is invalid, in words, or undefined when it is valid.
 */

export type NameSyntax = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment' | 'ianaServiceName' | 'configMapKey';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** A whole `[prefix/]name` key, lengths aside: a DNS-subdomain prefix, then a qualified name part. */
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Why `value` breaks the DNS-style syntax `syntax`, in words, or undefined. */
export function nameProblem(value: string, syntax: NameSyntax): string | undefined {
  switch (syntax) {
    case 'dns1123Subdomain':
      if (value.length > 253) return `it is ${value.length} characters long, more than 253`;
      return DNS1123_SUBDOMAIN.test(value) ? undefined : dnsReason(value, true, false);
    case 'dns1123Label':
      if (value.length > 63) return `it is ${value.length} characters long, more than 63`;
      return DNS1123_LABEL.test(value) ? undefined : dnsReason(value, false, false);
    case 'dns1035Label':
      if (value.length > 63) return `it is ${value.length} characters long, more than 63`;
      return DNS1035_LABEL.test(value) ? undefined : dnsReason(value, false, true);
    case 'pathSegment':
      if (value === '.' || value === '..') return `"${value}" is not allowed`;
      if (/[/%]/.test(value)) return 'it contains "/" or "%"';
      return undefined;
    case 'ianaServiceName':
      if (value.length > 15) return `it is ${value.length} characters long, more than 15`;
      if (!IANA_SVC_NAME.test(value)) return dnsReason(value, false, false);
      if (value.includes('--')) return 'it contains "--"';
      if (!/[a-z]/.test(value)) return 'it has no letter';
      return undefined;
    case 'configMapKey':
      if (value.length > 253) return `it is ${value.length} characters long, more than 253`;
      if (value === '.' || value === '..') return `"${value}" is not allowed`;
      if (!CONFIG_MAP_KEY.test(value)) return `it contains ${quoteChars(value, /[-._a-zA-Z0-9]/)}; only letters, digits, "-", "_" and "." are allowed`;
      return undefined;
  }
}

/** The first thing wrong with a DNS name, in the order a reader would fix it. */
function dnsReason(value: string, dots: boolean, letterFirst: boolean): string {
  if (value === '') return 'it is empty';
  const bad = quoteChars(value, dots ? /[A-Za-z0-9.-]/ : /[A-Za-z0-9-]/);
  if (/[A-Z]/.test(value)) return bad ? `it has uppercase letters and ${bad}` : 'it has uppercase letters';
  if (bad) return `it contains ${bad}`;
  if (letterFirst && !/^[a-z]/.test(value)) return 'it must start with a letter';
  if (!/^[a-z0-9]/.test(value)) return 'it must start with a letter or digit';
  if (!/[a-z0-9]$/.test(value)) return 'it must end with a letter or digit';
  return 'each dot-separated part must start and end with a letter or digit';
}

/** `"_", " "`: the characters of `value` outside `allowed`, quoted, at most three. */
function quoteChars(value: string, allowed: RegExp): string {
  const bad = [...new Set([...value].filter((c) => !allowed.test(c)))];
  return bad.slice(0, 3).map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ');
}

/** A label or annotation key: `[prefix/]name`, the prefix a DNS subdomain, the name 63 characters at most. */
export function qualifiedNameProblem(key: string): string | undefined {
  // Most keys (`app`, `app.kubernetes.io/name`): valid at a glance, no part cut out.
  if (key.length <= 63 && QUALIFIED_NAME.test(key)) return undefined;
  const slash = key.indexOf('/');
  if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) return 'it has more than one "/"';
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix === '') return 'its prefix (before "/") is empty';
    const p = nameProblem(prefix, 'dns1123Subdomain');
    if (p) return `its prefix "${prefix}" is not a DNS subdomain: ${p}`;
  }
  if (name === '') return 'its name part is empty';
  if (name.length > 63) return `its name part is ${name.length} characters long, more than 63`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    const bad = quoteChars(name, /[-A-Za-z0-9_.]/);
    return bad ? `it contains ${bad}` : 'it must start and end with a letter or digit';
  }
  return undefined;
}

/** A label value: empty, or 63 characters at most of letters, digits, `-`, `_`, `.`, starting and ending alphanumeric. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `it is ${value.length} characters long, more than 63`;
  if (LABEL_VALUE.test(value)) return undefined;
  const bad = quoteChars(value, /[-A-Za-z0-9_.]/);
  return bad ? `it contains ${bad}` : 'it must start and end with a letter or digit';
}

/**
 * The syntax of `metadata.name` for a built-in kind: most are DNS subdomains; Namespaces are
 * DNS labels, Services DNS-1035 labels (they become DNS names), RBAC objects path segments
 * (`system:controller:...` is valid).
 */
export function nameSyntaxOf(kind: string): NameSyntax {
  switch (kind) {
    case 'Namespace': return 'dns1123Label';
    case 'Service': return 'dns1035Label';
    case 'Role': case 'ClusterRole': case 'RoleBinding': case 'ClusterRoleBinding': return 'pathSegment';
    default: return 'dns1123Subdomain';
  }
}

/** A lowercase, dash-separated version of a name when that alone makes it valid (`My_App` → `my-app`). */
export function suggestedName(value: string, syntax: NameSyntax): string | undefined {
  let s = value.toLowerCase().replace(/[_ ]+/g, '-');
  if (syntax !== 'dns1123Subdomain') s = s.replace(/\./g, '-');
  s = s.replace(/^-+|-+$/g, '');
  return s !== value && s !== '' && nameProblem(s, syntax) === undefined ? s : undefined;
}
