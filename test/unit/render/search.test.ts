import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { matchingKeys, namespacesOf, searchables } from '../../../webview/app/search';
import { layoutView } from '../../../webview/diagram/layout';

const view = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/cluster-view/small-app.json'), 'utf8')) as ClusterView;
const items = searchables(layoutView(view, { groupByNamespace: false }));
const keys = (query: string, namespace = ''): string[] | null => {
  const found = matchingKeys(items, query, namespace);
  return found ? [...found].sort() : null;
};

describe('diagram search', () => {
  it('matches nothing special when empty (nothing dimmed)', () => {
    assert.equal(keys('  '), null);
  });

  it('matches names, case-insensitively', () => {
    assert.deepEqual(keys('POSTGRES'), [
      'pod:shop/postgres-0', 'svc:shop/postgres', 'vol:PersistentVolumeClaim:shop/data-postgres-0', 'vol:Secret:shop/postgres-credentials',
      'wl:StatefulSet:shop/postgres',
    ]);
  });

  it('matches labels and Service selectors with key=value', () => {
    assert.deepEqual(keys('app=frontend'), ['pod:shop/frontend-6c8b9d7f4-p7wzt', 'pod:shop/frontend-6c8b9d7f4-x2k9q', 'svc:shop/frontend']);
    assert.deepEqual(keys('job='), ['pod:shop/backup-29012345-8xk2p']);
  });

  it('matches namespaces and kinds, and combines terms', () => {
    assert.deepEqual(keys('ns:monitor'), ['pod:monitoring/metrics-agent-9tqzx', 'wl:DaemonSet:monitoring/metrics-agent']);
    assert.deepEqual(keys('kind:service back'), ['svc:shop/backend']);
    assert.deepEqual(keys('', 'monitoring'), ['pod:monitoring/metrics-agent-9tqzx', 'wl:DaemonSet:monitoring/metrics-agent']);
    assert.deepEqual(keys('agent', 'shop'), []);
  });

  it('lists the namespaces', () => {
    // kube-system: the cluster DNS, drawn because backend's egress to it is in the traffic.
    assert.deepEqual(namespacesOf(items), ['kube-system', 'monitoring', 'shop']);
  });
});
