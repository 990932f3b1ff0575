/**
 * @fileoverview helm-template: files that are Helm or Go templates are skipped, with one note.
 */
import { defineRule } from '../types';

export default defineRule({
  id: 'helm-template',
  category: 'syntax',
  severity: 'info',
  title: 'Helm templates are not linted',
  docs: {
    description: 'Notes once that a file holds template actions (`{{ … }}` outside of strings) and is skipped.',
    rationale: 'A Helm template is not YAML until it is rendered: checking it would report a cascade of syntax errors that are not errors.',
    remediation: 'Render the chart (`helm template ./chart > rendered.yaml`) and lint the output, or add the templates folder to `ignore` in `.kubeplan.yaml`.',
    references: ['https://helm.sh/docs/helm/helm_template/'],
    examples: { invalid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n'] },
  },
  kinds: [],
  messages: {
    skipped: 'This file is a Helm/Go template: it is skipped. Lint the output of `helm template` instead.',
  },
});
