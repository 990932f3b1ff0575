/**
 * @fileoverview yaml-duplicate-key: the same key twice in one mapping.
 */
import { defineRule } from '../types';

export default defineRule({
  id: 'yaml-duplicate-key',
  category: 'syntax',
  severity: 'error',
  title: 'Mapping keys must be unique',
  docs: {
    description: 'Reports a key that appears twice in the same mapping.',
    rationale: 'kubectl rejects duplicate keys in strict mode, and tools that accept them silently keep only one of the values: the other one is lost without a word.',
    remediation: 'Keep one of the two entries, merging their contents if both were meant.',
    references: ['https://yaml.org/spec/1.2.2/#mapping'],
    examples: { invalid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'] },
  },
  kinds: [],
  messages: {
    duplicateKey: 'Key "{{key}}" appears twice in this mapping: only one of the values would be used. Remove or merge the duplicate.',
  },
});
