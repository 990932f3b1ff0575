import * as assert from 'node:assert/strict';
import { convertStructural, customKindOf, customValidator } from '../../../src/core/schema/crd';
import { Linter } from '../../../src/core/lint';

describe('CRD schemas', () => {
  it('turns a structural schema into one that accepts what the API server accepts', () => {
    const converted = convertStructural({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            port: { 'x-kubernetes-int-or-string': true },
            free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
            map: { type: 'object', additionalProperties: { type: 'integer' } },
            ratio: { type: 'number', minimum: 0, exclusiveMinimum: true },
            either: { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }, { properties: { b: { type: 'string' } } }] },
          },
        },
      },
    }, true, true);
    const spec = converted.properties!.spec!;
    assert.deepEqual(spec.properties!.port!.type, ['integer', 'string', 'null']);
    assert.equal(spec.additionalProperties, false, 'unknown fields are rejected by default');
    assert.equal(spec.properties!.free!.additionalProperties, undefined, 'x-kubernetes-preserve-unknown-fields keeps them');
    assert.deepEqual(spec.properties!.map!.additionalProperties, { type: ['integer', 'null'] });
    assert.equal(spec.properties!.ratio!.exclusiveMinimum, 0);
    assert.equal(spec.properties!.ratio!.minimum, undefined);
    assert.equal(spec.properties!.either!.anyOf![1]!.additionalProperties, undefined, 'a branch adds checks, it does not close the object');
    assert.deepEqual(Object.keys(converted.properties!).sort(), ['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('validates nulls as pruned, and rejects what the schema forbids', () => {
    const schema = { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer', maximum: 3 } } } } };
    const v = customValidator(schema)!;
    assert.equal(v.validate({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'a' }, spec: { n: null } }), true);
    assert.equal(v.validate({ apiVersion: 'x/v1', kind: 'X', spec: { n: 4 } }), false);
    assert.equal(v.validate({ apiVersion: 'x/v1', kind: 'X', spec: { m: 1 } }), false);
    assert.equal(customValidator(schema), v, 'compiled once per schema object');
    assert.equal(v.validate({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'a', nmae: 'typo' } }), false, 'metadata is ObjectMeta');
    assert.equal(v.validate({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'a', labels: { a: 'b' }, annotations: { c: 'd' }, namespace: 'n' } }), true);
  });

  it('a CRD that preserves unknown fields accepts them everywhere, still checking the ones it names', () => {
    const schema = { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer' } } } } };
    const open = customValidator(schema, true)!;
    assert.equal(open.validate({ spec: { n: 1, other: 'x' }, extra: true }), true);
    assert.equal(open.validate({ spec: { n: 'one' } }), false);
    assert.equal(customValidator(schema, false)!.validate({ spec: { other: 'x' } }), false);
  });

  it('a pattern JavaScript cannot compile is left out, the rest still validates', () => {
    const v = customValidator({ type: 'object', properties: { s: { type: 'string', pattern: '(?P<name>x)' }, n: { type: 'integer' } } })!;
    assert.ok(v);
    assert.equal(v.validate({ s: 'anything', n: 1 }), true);
    assert.equal(v.validate({ s: 'anything', n: 'one' }), false);
  });

  it('finds the custom kinds of v1 and v1beta1 CRDs among the inputs', () => {
    const linter = new Linter({ rules: [] });
    linter.setFile('crds.yaml', `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: backups.example.com}
spec:
  group: example.com
  names: {kind: Backup, plural: backups}
  scope: Namespaced
  versions:
  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
  - {name: v0, served: false, storage: false}
---
apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata: {name: olds.example.com}
spec:
  group: example.com
  version: v1beta1
  names: {kind: Old, plural: olds}
  validation:
    openAPIV3Schema: {type: object}
`);
    const backup = customKindOf(linter.index, 'example.com/v1', 'Backup')!;
    assert.deepEqual(backup.versions, ['v1']);
    assert.ok(backup.schemas.get('v1'));
    assert.deepEqual(customKindOf(linter.index, 'example.com/v1beta1', 'Old')!.versions, ['v1beta1']);
    assert.equal(backup.preserveUnknownFields, false);
    assert.equal(customKindOf(linter.index, 'example.com/v1beta1', 'Old')!.preserveUnknownFields, true, 'the v1beta1 default');
    assert.equal(customKindOf(linter.index, 'other.com/v1', 'Backup'), undefined);
    assert.equal(customKindOf(linter.index, 'v1', 'Backup'), undefined);
  });
});
