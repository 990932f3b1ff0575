import type { Rule } from '../types';
import configmapNotFound from './configmap-not-found';
import duplicateResource from './duplicate-resource';
import priorityClassNotFound from './priority-class-not-found';
import pvcNotFound from './pvc-not-found';
import rwoPvcMultiReplica from './rwo-pvc-multi-replica';
import secretNotFound from './secret-not-found';
import serviceAccountNotFound from './service-account-not-found';
import storageClassNotFound from './storage-class-not-found';

export default [
  configmapNotFound,
  duplicateResource,
  priorityClassNotFound,
  pvcNotFound,
  rwoPvcMultiReplica,
  secretNotFound,
  serviceAccountNotFound,
  storageClassNotFound,
] as Array<Rule<string, any>>;
