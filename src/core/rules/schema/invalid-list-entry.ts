/**
 * @fileoverview invalid-list-entry: the entries of a pod's and a Service's lists are unique and
 * refer to what the object declares, as the API server requires (a rule the schema cannot state).
 */
import { containersOf, podTemplateOf } from '../../model/pod-template';
import { closeNames } from '../../schema/errors';
import { isRecord } from '../../source/parse';
import { formatPath, type Path } from '../../source/path';
import { defineRule, type RuleContext } from '../types';

type MessageId = 'duplicateName' | 'duplicateMountPath' | 'unknownVolume' | 'duplicateServicePort' | 'unnamedServicePort';
type Ctx = RuleContext<MessageId, Record<string, unknown>>;

/** Well-known names for well-known ports, to suggest when a port needs a name. */
const PORT_NAMES: Record<number, string> = { 80: 'http', 443: 'https', 8080: 'http', 8443: 'https', 53: 'dns', 9090: 'metrics', 6379: 'redis', 5432: 'postgres', 3306: 'mysql', 27017: 'mongodb' };

export default defineRule<MessageId>({
  id: 'invalid-list-entry',
  category: 'schema',
  severity: 'error',
  title: 'List entries must be unique and refer to what the object declares',
  docs: {
    description: 'Checks what the API server validates across the entries of a list: container names unique in the pod (init and ephemeral containers included), volume names unique, one volume per mount path in a container, every `volumeMounts[].name` declared in `volumes`, and a Service\'s ports unique, each named when there are several.',
    rationale: 'Each of these makes `kubectl apply` fail with "Duplicate value", "Not found" or "Required value", although every field on its own matches the schema. A mount of a misspelt volume name is the classic case.',
    remediation: 'Rename or remove the duplicate entry, declare the volume in `spec.volumes` (or fix the name of the mount), and name every port of a multi-port Service.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/', 'https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: confg\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    configMap: {name: nginx}\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80}\n  - {name: https, port: 443}\n'],
    },
  },
  kinds: '*',
  fixable: 'suggestion',
  messages: {
    duplicateName: '{{what}} "{{name}}" appears twice in {{where}}: the API server rejects the object ("Duplicate value"). Give each one its own name.',
    duplicateMountPath: 'Container "{{container}}" mounts two volumes at "{{mountPath}}": the API server rejects the object. Mount each volume at its own path.',
    unknownVolume: 'Container "{{container}}" mounts volume "{{volume}}", which is not declared in {{declared}}{{hint}}: the API server rejects the object ("Not found"). Declare the volume or correct the name.',
    duplicateServicePort: 'Port {{port}}/{{protocol}} appears twice in this Service: the API server rejects the object ("Duplicate value"). Remove one of them or change its port.',
    unnamedServicePort: 'Port {{port}} of this Service has no name, and the Service has {{count}} ports: the API server requires a name on each port when there are several. Name it (for example "{{suggestion}}").',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (template) checkPod(ctx, template.specPath, template.spec as unknown as Record<string, unknown>, containersOf(template));
    if (ctx.manifest.kind === 'Service' && ctx.manifest.apiVersion === 'v1') checkServicePorts(ctx);
  },
});

function checkPod(ctx: Ctx, specPath: Path, spec: Record<string, unknown>, containers: ReturnType<typeof containersOf>): void {
  const seen = new Set<string>();
  for (const c of containers) {
    const name = c.container.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) ctx.report({ path: [...c.path, 'name'], messageId: 'duplicateName', data: { what: 'Container name', name, where: 'this pod' } });
    seen.add(name);
  }
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  const volumeNames: string[] = [];
  volumes.forEach((v, i) => {
    if (!isRecord(v) || typeof v.name !== 'string') return;
    if (volumeNames.includes(v.name)) ctx.report({ path: [...specPath, 'volumes', i, 'name'], messageId: 'duplicateName', data: { what: 'Volume name', name: v.name, where: 'spec.volumes' } });
    volumeNames.push(v.name);
  });
  // A StatefulSet's volumeClaimTemplates are volumes of its pods too, under their own names.
  const claims = ctx.manifest.kind === 'StatefulSet' && isRecord(ctx.manifest.object.spec) ? ctx.manifest.object.spec.volumeClaimTemplates : undefined;
  if (Array.isArray(claims)) {
    for (const claim of claims) if (isRecord(claim) && isRecord(claim.metadata) && typeof claim.metadata.name === 'string') volumeNames.push(claim.metadata.name);
  }
  // Paths and the words of a message are made only for a finding (most mounts are fine).
  for (const c of containers) {
    const mounts = c.container.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    const paths = new Set<string>();
    mounts.forEach((m, i) => {
      if (!isRecord(m)) return;
      if (typeof m.mountPath === 'string') {
        const normalized = m.mountPath === '' || m.mountPath.endsWith('/') ? m.mountPath.replace(/\/+$/, '') || '/' : m.mountPath;
        if (paths.has(normalized)) ctx.report({ path: [...c.path, 'volumeMounts', i, 'mountPath'], messageId: 'duplicateMountPath', data: { container: c.name, mountPath: m.mountPath } });
        paths.add(normalized);
      }
      if (typeof m.name === 'string' && !volumeNames.includes(m.name)) {
        const at: Path = [...c.path, 'volumeMounts', i];
        const declared = formatPath([...specPath, 'volumes']) + (Array.isArray(claims) ? ' or spec.volumeClaimTemplates' : '');
        const close = closeNames(m.name, volumeNames);
        ctx.report({
          path: [...at, 'name'], messageId: 'unknownVolume',
          data: { container: c.name, volume: m.name, declared, hint: close.length ? ` (did you mean ${close.map((n) => `"${n}"`).join(' or ')}?)` : '' },
          suggestions: close.map((n) => ({ title: `Mount volume "${n}"`, ops: [{ op: 'set', path: [...at, 'name'], value: n }] })),
        });
      }
    });
  }
}

function checkServicePorts(ctx: Ctx): void {
  const spec = ctx.manifest.object.spec;
  if (!isRecord(spec) || !Array.isArray(spec.ports)) return;
  const ports = spec.ports;
  const seenPorts = new Set<string>();
  const seenNames = new Set<string>();
  ports.forEach((p, i) => {
    if (!isRecord(p)) return;
    const at: Path = ['spec', 'ports', i];
    const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    if (typeof p.port === 'number') {
      const key = `${p.port}/${protocol}`;
      if (seenPorts.has(key)) ctx.report({ path: [...at, 'port'], messageId: 'duplicateServicePort', data: { port: p.port, protocol } });
      seenPorts.add(key);
    }
    if (typeof p.name === 'string' && p.name !== '') {
      if (seenNames.has(p.name)) ctx.report({ path: [...at, 'name'], messageId: 'duplicateName', data: { what: 'Port name', name: p.name, where: 'this Service' } });
      seenNames.add(p.name);
    } else if (ports.length > 1 && typeof p.port === 'number') {
      const suggestion = uniqueName(PORT_NAMES[p.port] ?? `port-${p.port}`, ports);
      ctx.report({
        path: [...at, 'port'], messageId: 'unnamedServicePort', data: { port: p.port, count: ports.length, suggestion },
        suggestions: [{ title: `Name it ${suggestion}`, ops: [{ op: 'set', path: [...at, 'name'], value: suggestion }] }],
      });
    }
  });
}

/** `name`, or `name-2`, ... when another port already has it. */
function uniqueName(name: string, ports: readonly unknown[]): string {
  const taken = new Set(ports.filter(isRecord).map((p) => p.name).filter((n): n is string => typeof n === 'string'));
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`;
  return candidate;
}
