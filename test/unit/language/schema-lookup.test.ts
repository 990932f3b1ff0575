/**
 * @fileoverview What the schema says about a field, for hover and completion.
 */
import * as assert from 'node:assert/strict';
import { fieldInfo, fieldsAt, valuesAt } from '../../../src/core/language/schema-lookup';

describe('language: schema lookup', () => {
  it('gives a field\'s type and whether it is required', () => {
    assert.deepEqual(fieldInfo('apps/v1', 'Deployment', ['spec', 'replicas']), { name: 'replicas', type: 'integer', required: false });
    assert.deepEqual(fieldInfo('apps/v1', 'Deployment', ['spec', 'selector']), { name: 'selector', type: 'object', required: true });
    assert.equal(fieldInfo('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers'])?.type, 'array of object');
    assert.equal(fieldInfo('apps/v1', 'Deployment', ['spec', 'nope']), undefined);
    assert.equal(fieldInfo('example.com/v1', 'Widget', ['spec']), undefined);
  });

  it('lists the fields of a mapping, required first', () => {
    const names = fieldsAt('apps/v1', 'Deployment', ['spec']).map((f) => f.name);
    assert.deepEqual(names.slice(0, 2).sort(), ['selector', 'template']);
    assert.ok(names.includes('replicas'));
  });

  it('knows the values of common enum fields', () => {
    assert.deepEqual(valuesAt('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy']), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(valuesAt('v1', 'Service', ['spec', 'type']), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    assert.deepEqual(valuesAt('apps/v1', 'Deployment', ['spec', 'strategy', 'type']), ['Recreate', 'RollingUpdate']);
    assert.equal(valuesAt('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'name']), undefined);
  });
});
