/**
 * @fileoverview yaml-syntax: YAML the parser cannot read. Reported by the parser; the other
 * documents of the file are still checked.
 */
import { defineRule } from '../types';

export default defineRule({
  id: 'yaml-syntax',
  category: 'syntax',
  severity: 'error',
  title: 'YAML must parse',
  docs: {
    description: 'Reports YAML syntax errors at their position: bad indentation, an unclosed quote or bracket, a tab used for indentation.',
    rationale: 'kubectl and the API server reject a file that does not parse, and KubePlan cannot check a document it cannot read. The other documents of the file are still checked.',
    remediation: 'Fix the YAML at the reported position; indentation must use spaces, and a value holding `: ` or starting with a special character must be quoted.',
    references: ['https://yaml.org/spec/1.2.2/', 'https://kubernetes.io/docs/concepts/overview/working-with-objects/'],
  },
  kinds: [],
  messages: {
    syntax: 'YAML syntax error: {{reason}}. This document cannot be applied or checked until it parses.',
    unreadable: 'This file cannot be read as YAML: {{reason}}.',
  },
});
