/**
 * @fileoverview kube-scheduler details that scenarios do not show well: how many nodes it looks
 * at on big clusters, and how FitError orders its reasons (as strings, so "10 …" before "2 …").
 */
import * as assert from 'node:assert/strict';
import { fitMessage, numFeasibleNodesToFind } from '../../../src/sim/scheduler';

describe('scheduler internals', () => {
  it('looks at every node below 100, then an adaptive share with a floor of 100 nodes and 5%', () => {
    assert.equal(numFeasibleNodesToFind(4), 4);
    assert.equal(numFeasibleNodesToFind(99), 99);
    assert.equal(numFeasibleNodesToFind(100), 100);
    assert.equal(numFeasibleNodesToFind(300), 144);
    assert.equal(numFeasibleNodesToFind(1000), 420);
    assert.equal(numFeasibleNodesToFind(5000), 500);
    assert.equal(numFeasibleNodesToFind(10000), 500);
  });

  it('counts reasons over nodes and sorts them as strings, like FitError.Error()', () => {
    const reasons = [...Array(10).fill('Insufficient cpu'), 'Insufficient memory', 'Insufficient cpu', 'node(s) were unschedulable', 'node(s) were unschedulable'];
    assert.equal(fitMessage(13, reasons), '0/13 nodes are available: 1 Insufficient memory, 11 Insufficient cpu, 2 node(s) were unschedulable.');
  });
});
