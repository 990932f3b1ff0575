import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { lint } from '../../../src/core/lint';
import { applyEdits } from '../../../src/core/fix/fix-ops';
import { RULES } from '../../../src/core/rules';

const rules = RULES.filter((r) => r.category === 'schema' || r.category === 'deprecations');

// Keys a Kubernetes object really has, mixed with odd ones (slashes, tildes, digits, case typos).
const key = fc.constantFrom('spec', 'template', 'containers', 'name', 'image', 'ports', 'containerPort', 'resources', 'limits', 'memory', 'labels',
  'env', 'value', 'selector', 'matchLabels', 'replicas', 'protocol', 'a/b', 'x~y', '0', 'Containers', 'imagePullPolicy', 'metadata');
const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('1GB', '500m', 'tcp', 'yes', '0644'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;
const kind = fc.constantFrom(['apps/v1', 'Deployment'], ['v1', 'Pod'], ['v1', 'Service'], ['batch/v1', 'CronJob'], ['extensions/v1beta1', 'Ingress'], ['apps/v1beta1', 'Deployment'], ['example.com/v1', 'Thing'], ['v1', 'Deploymnet']);

describe('schema rules on arbitrary objects', () => {
  it('never crash, report inside the text, and give fixes that apply', () => {
    fc.assert(fc.property(kind, fc.dictionary(key, value, { maxKeys: 5 }), ([apiVersion, k], body) => {
      const text = stringify({ apiVersion, kind: k, metadata: { name: 'x' }, ...body }, { version: '1.1' } as never);
      const [result] = lint([{ path: 'f.yaml', text }], { rules });
      for (const f of result!.findings) {
        assert.notEqual(f.messageId, 'internalError', f.message);
        assert.ok(f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= text.length, `${f.ruleId} range ${f.range}`);
        assert.doesNotMatch(f.message, /\{\{|undefined|NaN|\[object Object\]/, f.message);
        for (const fix of [f.fix, ...(f.suggestions ?? [])]) if (fix) applyEdits(text, fix.edits);
      }
    }), { seed: 20260322, numRuns: 300 });
  });
});
