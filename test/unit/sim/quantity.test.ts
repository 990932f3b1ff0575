/**
 * @fileoverview Quantities as apimachinery's resource.Quantity parses them (`<signedNumber><suffix>`,
 * suffixes binary `Ki..Ei`, decimal `n..E`, or an exponent), rounded up to milli-units.
 */
import * as assert from 'node:assert/strict';
import { formatBytes, formatCpu, parseQuantity, parseQuantityMilli } from '../../../src/core/model/quantity';
import { cpuMilli, wholeUnits } from '../../../src/sim/resources';

describe('quantities', () => {
  const cases: Array<[unknown, bigint]> = [
    ['100m', 100n], ['0.5', 500n], ['1', 1000n], [2, 2000n], [0.25, 250n], ['1.', 1000n], ['.5', 500n], ['+1', 1000n], ['-1', -1000n],
    ['1Ki', 1024000n], ['1Gi', 1073741824000n], ['1.5Gi', 1610612736000n], ['1G', 1000000000000n], ['1k', 1000000n],
    ['1e3', 1000000n], ['1E3', 1000000n], ['1e-3', 1n], ['5e+1', 50000n], ['250u', 1n], ['100n', 1n], ['0.1m', 1n], ['0', 0n], ['0.0001', 1n],
  ];
  for (const [text, milli] of cases) {
    it(`reads ${JSON.stringify(text)} as ${milli} milli-units`, () => assert.equal(parseQuantityMilli(text), milli));
  }
  for (const bad of ['', ' 1', '1 ', '1gi', '1KiB', '1.5.5', 'e3', '1e', '1e1.5', 'abc', '1Mb', null, true, {}]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parseQuantityMilli(bad), undefined));
  }
  it('rounds up to whole units like Quantity.Value, and keeps millicores for CPU', () => {
    assert.equal(wholeUnits('0.5'), 1);
    assert.equal(wholeUnits('1500m'), 2);
    assert.equal(wholeUnits('128Mi'), 134217728);
    assert.equal(cpuMilli('1.5'), 1500);
    assert.equal(cpuMilli('0.1m'), 1);
    assert.equal(parseQuantity('1500m'), 1.5);
  });
  it('formats CPU and bytes as kubectl shows them', () => {
    assert.equal(formatCpu(1500), '1500m');
    assert.equal(formatCpu(2000), '2');
    assert.equal(formatBytes(512 * 1024 * 1024), '512Mi');
    assert.equal(formatBytes(1.5 * 1024 ** 3), '1.5Gi');
  });
});
