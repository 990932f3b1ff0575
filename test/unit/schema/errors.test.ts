import * as assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { accepts, closeNames, isClearCandidate, mapErrors, pathOf, quantityCandidates, schemaAt, whereFieldBelongs, type SchemaProblem } from '../../../src/core/schema/errors';
import { builtinDefinitions, builtinSchema, builtinValidator } from '../../../src/core/schema/kubernetes';

/** Validates with the precompiled validator of a built-in kind and maps the errors. */
function problemsOf(object: Record<string, unknown>): SchemaProblem[] {
  const apiVersion = object.apiVersion as string;
  const kind = object.kind as string;
  const validate = builtinValidator(apiVersion, kind)!;
  if (validate(object)) return [];
  return mapErrors(validate.errors ?? [], object, builtinSchema(apiVersion, kind)!, builtinDefinitions());
}

const pod = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...container }], ...spec },
});

describe('schema error mapping', () => {
  const cases: Array<{ name: string; object: Record<string, unknown>; expected: Array<Partial<SchemaProblem>> }> = [
    {
      name: 'unknown field: at the key, with the close names',
      object: pod({ imagePullPolicyy: 'Always' }),
      expected: [{ kind: 'unknownField', path: ['spec', 'containers', 0, 'imagePullPolicyy'], target: 'key', where: 'spec.containers[0]', candidates: ['imagePullPolicy'], fitting: ['imagePullPolicy'] }],
    },
    {
      name: 'unknown field whose close name takes another type',
      object: pod({ port: 80 }),
      expected: [{ kind: 'unknownField', candidates: ['ports'], fitting: [] }],
    },
    {
      name: 'wrong type: at the value, null left out of the expected types',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 'three', selector: {}, template: {} } },
      expected: [{ kind: 'wrongType', path: ['spec', 'replicas'], target: 'value', expected: ['integer'], value: 'three' }],
    },
    {
      name: 'enum: the allowed values without null and the empty string',
      object: pod({ imagePullPolicy: 'Sometimes' }),
      expected: [{ kind: 'badEnum', path: ['spec', 'containers', 0, 'imagePullPolicy'], allowed: ['Always', 'IfNotPresent', 'Never'], value: 'Sometimes' }],
    },
    {
      name: 'missing required field of an item: the path to the missing key',
      object: pod({ env: [{ value: 'x' }] }),
      expected: [{ kind: 'missingRequired', path: ['spec', 'containers', 0, 'env', 0, 'name'], field: 'name', where: 'spec.containers[0].env[0]' }],
    },
    {
      name: 'label keys with slashes and digits stay strings in the path',
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 3, '0': true } } },
      expected: [
        { kind: 'wrongType', path: ['metadata', 'labels', '0'], expected: ['string'], value: true },
        { kind: 'wrongType', path: ['metadata', 'labels', 'app.kubernetes.io/name'], expected: ['string'], value: 3 },
      ],
    },
    {
      name: 'int-or-string and quantities accept numbers and strings, and null everywhere',
      object: pod({ ports: [{ containerPort: 80 }], resources: { limits: { cpu: 1, memory: '1Gi' }, requests: null }, livenessProbe: { httpGet: { port: 'http' } } }),
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problems = problemsOf(c.object);
      assert.equal(problems.length, c.expected.length, JSON.stringify(problems));
      c.expected.forEach((e, i) => {
        const got = problems.find((p) => JSON.stringify(p.path) === JSON.stringify(e.path ?? p.path) && p.kind === e.kind) ?? problems[i]!;
        for (const [key, value] of Object.entries(e)) assert.deepEqual(got[key as keyof SchemaProblem], value, `${key} of ${JSON.stringify(got)}`);
      });
    });
  }

  it('one problem per place, even when ajv reports twice', () => {
    const errors = [
      { instancePath: '/spec', keyword: 'required', params: { missingProperty: 'selector' }, schemaPath: '' },
      { instancePath: '/spec', keyword: 'required', params: { missingProperty: 'selector' }, schemaPath: '' },
    ] as ErrorObject[];
    assert.equal(mapErrors(errors, { spec: {} }, {}, {}).length, 1);
  });

  it('folds the errors of anyOf branches into the anyOf error', () => {
    const errors = [
      { instancePath: '/x', keyword: 'type', params: { type: 'string' }, schemaPath: '#/properties/x/anyOf/0/type' },
      { instancePath: '/x', keyword: 'type', params: { type: 'integer' }, schemaPath: '#/properties/x/anyOf/1/type' },
      { instancePath: '/x', keyword: 'anyOf', params: {}, schemaPath: '#/properties/x/anyOf' },
    ] as ErrorObject[];
    const problems = mapErrors(errors, { x: true }, {}, {});
    assert.deepEqual(problems.map((p) => [p.kind, p.detail]), [['invalid', 'does not match any of the shapes the schema allows']]);
  });

  it('a missing required field at the top is reported at kind', () => {
    const errors = [{ instancePath: '', keyword: 'required', params: { missingProperty: 'spec' }, schemaPath: '' }] as ErrorObject[];
    assert.deepEqual(mapErrors(errors, {}, {}, {})[0]!.path, ['kind']);
  });
});

describe('schema helpers', () => {
  it('pathOf: numbers only where the data holds a list, ~1 and ~0 unescaped', () => {
    const data = { a: [{ 'x/y': { '1': 'v' } }] };
    assert.deepEqual(pathOf('/a/0/x~1y/1', data), ['a', 0, 'x/y', '1']);
    assert.deepEqual(pathOf('/a~0b', {}), ['a~b']);
    assert.deepEqual(pathOf('', data), []);
  });

  it('schemaAt follows $refs, items and additionalProperties', () => {
    const schema = builtinSchema('apps/v1', 'Deployment')!;
    const defs = builtinDefinitions();
    assert.deepEqual(schemaAt(schema, ['spec', 'template', 'spec', 'containers', 0, 'image'], defs)?.type, ['string', 'null']);
    assert.ok(schemaAt(schema, ['metadata', 'labels', 'app'], defs)?.type);
    assert.equal(schemaAt(schema, ['spec', 'nothing', 'here'], defs), undefined);
  });

  const names = ['containers', 'initContainers', 'clusterIP', 'clusterIPs', 'name', 'ports'];
  const table: Array<[string, string[], boolean]> = [
    ['containres', ['containers'], true],
    ['Containers', ['containers'], true],
    ['clusterIs', ['clusterIP', 'clusterIPs'], false],
    ['nme', ['name'], true],
    ['volumes', [], false],
    ['x', [], false],
  ];
  for (const [typo, expected, clear] of table) {
    it(`closeNames(${typo}) → ${expected.join(', ') || 'none'}${clear ? ', clear' : ''}`, () => {
      const got = closeNames(typo, names);
      assert.deepEqual(got, expected);
      assert.equal(isClearCandidate(typo, got), clear);
    });
  }

  it('closeNames leaves out the names already present', () => {
    assert.deepEqual(closeNames('containres', names, new Set(['containers'])), []);
  });

  const quantities: Array<[string, string[]]> = [
    ['1GB', ['1G', '1Gi']], ['512mb', ['512M', '512Mi']], ['1gi', ['1Gi']], ['2GiB', ['2Gi']], ['10kb', ['10k', '10Ki']], ['half', []], ['1 x', []],
  ];
  for (const [bad, expected] of quantities) {
    it(`quantityCandidates(${bad}) → ${expected.join(', ') || 'none'}`, () => assert.deepEqual(quantityCandidates(bad), expected));
  }

  it('quantities: the syntax the API server accepts', () => {
    const validate = builtinValidator('v1', 'LimitRange')!;
    const limits = (max: unknown) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'x' }, spec: { limits: [{ type: 'Container', max: { memory: max } }] } });
    for (const ok of ['500m', '1Gi', '1e3', '0.5', '.5', '+1', '1E', ' 1Gi ', 128, 1.5]) assert.equal(validate(limits(ok)), true, String(ok));
    for (const bad of ['1GB', '512mb', '1 Gi', '', 'Gi', '1.2.3', '1gi']) assert.equal(validate(limits(bad)), false, bad);
  });

  it('whereFieldBelongs: below (indented too little) or above (too much)', () => {
    const schema = builtinSchema('apps/v1', 'Deployment')!;
    const defs = builtinDefinitions();
    assert.equal(whereFieldBelongs(schema, ['spec'], 'containers', defs), 'spec.template.spec');
    assert.equal(whereFieldBelongs(schema, ['spec', 'template'], 'replicas', defs), 'spec');
    assert.equal(whereFieldBelongs(schema, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0], 'image', defs), 'spec.template.spec.containers[0]');
    assert.equal(whereFieldBelongs(schema, [], 'containers', defs), 'spec.template.spec');
    assert.equal(whereFieldBelongs(schema, [], 'containerPort', defs), undefined, 'too deep to guess');
    assert.equal(whereFieldBelongs(schema, ['spec'], 'nonsense', defs), undefined);
  });

  it('accepts: types, integers, and null always', () => {
    assert.equal(accepts({ type: ['array', 'null'] }, 80), false);
    assert.equal(accepts({ type: ['integer', 'null'] }, 80), true);
    assert.equal(accepts({ type: 'integer' }, 1.5), false);
    assert.equal(accepts({ type: 'object' }, null), true);
    assert.equal(accepts({}, 'anything'), true);
  });
});
