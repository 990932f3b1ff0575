import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../../../src/core/lint';
import { RULES } from '../../../src/core/rules';
import { hasBuiltinSchema } from '../../../src/core/schema/kubernetes';

// Real-world manifests written by others (read in place, never copied into the package).
const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...manifestFiles(path));
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
  }
  return out;
}

describe('the corpus of real-world manifests', function () {
  if (!existsSync(CORPUS)) {
    it.skip(`needs ${CORPUS}`);
    return;
  }
  const files = manifestFiles(CORPUS);
  const rules = RULES.filter((r) => r.category === 'schema' || r.category === 'deprecations');
  const results = lint(files.map((path) => ({ path, text: readFileSync(path, 'utf8') })), { rules });

  it('has manifests of many kinds to check', () => {
    assert.ok(files.length >= 50, `${files.length} files`);
    const builtin = results.flatMap((r) => r.source.manifests).filter((m) => hasBuiltinSchema(m.apiVersion, m.kind));
    assert.ok(builtin.length >= 300, `${builtin.length} built-in objects`);
  });

  it('lints without a schema error on built-in kinds', () => {
    const errors = results.flatMap((r) => r.findings
      .filter((f) => f.ruleId === 'schema-validation' && f.resource && hasBuiltinSchema(f.resource.apiVersion, f.resource.kind))
      .map((f) => `${relative(CORPUS, r.path)} ${f.resource!.kind}/${f.resource!.name}: ${f.message}`));
    assert.deepEqual(errors, []);
  });

  it('lints its custom resources against their CRDs without an error', () => {
    const errors = results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'schema-validation').map((f) => `${relative(CORPUS, r.path)}: ${f.message}`));
    assert.deepEqual(errors, []);
  });

  it('knows every built-in kind and apiVersion it uses (no unknown-resource-kind error)', () => {
    const errors = results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'unknown-resource-kind' && f.severity === 'error').map((f) => `${relative(CORPUS, r.path)}: ${f.message}`));
    assert.deepEqual(errors, []);
  });

  it('has no name, label or list entry the API server would refuse', () => {
    const findings = results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'invalid-name' || f.ruleId === 'invalid-list-entry').map((f) => `${relative(CORPUS, r.path)}: ${f.message}`));
    assert.deepEqual(findings, []);
  });

  it('never crashes a rule', () => {
    const crashes = results.flatMap((r) => r.findings.filter((f) => f.messageId === 'internalError').map((f) => `${relative(CORPUS, r.path)}: ${f.message}`));
    assert.deepEqual(crashes, []);
  });

  it('reports the removed API versions the corpus is known to hold, and only as removed', () => {
    const removed = results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'removed-api-version').map((f) => `${relative(CORPUS, r.path)} ${f.resource!.apiVersion} ${f.resource!.kind}`));
    for (const expected of [
      'container.training/ingress-v1beta1.yaml networking.k8s.io/v1beta1 Ingress',
      'container.training/psp-restricted.yaml policy/v1beta1 PodSecurityPolicy',
      'container.training/eck-operator.yaml apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
      'container.training/portworx.yaml storage.k8s.io/v1beta1 StorageClass',
    ]) assert.ok(removed.some((r) => r.startsWith(expected)), `${expected} in ${removed.join('\n')}`);
    // A removed apiVersion is one finding, not a cascade of schema errors or unknown kinds.
    const files = new Set(removed.map((r) => r.split(' ')[0]));
    const unknown = results.filter((r) => files.has(relative(CORPUS, r.path))).flatMap((r) => r.findings.filter((f) => f.ruleId === 'unknown-resource-kind' && f.resource && f.resource.apiVersion.includes('v1beta1')));
    assert.deepEqual(unknown.map((f) => f.message), []);
  });
});
