/**
 * Rules made for the CLI tests, so exit codes, counts and `--fix` passes are exact whatever
 * rules the catalogue holds. They look at ConfigMaps only.
 */
import { RULES } from '../../src/core/rules';
import { defineRule, type Rule } from '../../src/core/rules/types';

const docs = {
  description: 'Test rule.',
  rationale: 'Tests.',
  remediation: 'Nothing.',
  references: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
};

/** Error on `data.mode: debug`, with a safe fix to `production`. */
export const debugMode = defineRule({
  id: 'test-debug-mode', category: 'labels', severity: 'error', title: 'No debug mode', docs, kinds: ['ConfigMap'], fixable: 'safe',
  messages: { debug: 'ConfigMap "{{name}}" runs in debug mode.' },
  check(ctx) {
    const data = ctx.manifest.object.data as Record<string, unknown> | undefined;
    if (data?.mode === 'debug') {
      ctx.report({ path: ['data', 'mode'], messageId: 'debug', data: { name: ctx.manifest.name }, fix: { title: 'Use production', ops: [{ op: 'set', path: ['data', 'mode'], value: 'production' }] } });
    }
  },
});

/** Warning while `data.level` is below `data.target` (numbers as strings), fixed one step per pass. */
export const levelUp = defineRule({
  id: 'test-level-up', category: 'labels', severity: 'warning', title: 'Level up', docs, kinds: ['ConfigMap'], fixable: 'safe',
  messages: { low: 'Level {{level}} is below {{target}}.' },
  check(ctx) {
    const data = ctx.manifest.object.data as Record<string, unknown> | undefined;
    if (typeof data?.level !== 'string') return;
    const level = Number(data.level);
    const target = typeof data.target === 'string' ? Number(data.target) : Infinity;
    if (level < target) {
      ctx.report({ path: ['data', 'level'], messageId: 'low', data: { level, target }, fix: { title: 'Up', ops: [{ op: 'set', path: ['data', 'level'], value: String(level + 1) }] } });
    }
  },
});

/** Info on every ConfigMap named `note-*`. */
export const note = defineRule({
  id: 'test-note', category: 'labels', severity: 'info', title: 'Note', docs, kinds: ['ConfigMap'],
  messages: { note: 'Note about {{name}}.' },
  check(ctx) {
    if (ctx.manifest.name.startsWith('note')) ctx.report({ path: ['metadata', 'name'], messageId: 'note', data: { name: ctx.manifest.name } });
  },
});

/** The parse rules (YAML errors) plus the test rules: findings are exactly what the tests expect. */
export const TEST_RULES = [...RULES.filter((r) => r.category === 'syntax'), debugMode, levelUp, note] as ReadonlyArray<Rule<string, unknown>>;

export function configMap(name: string, data: Record<string, string>, comment = ''): string {
  const lines = Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: web\ndata:${comment ? ` # ${comment}` : ''}\n${lines.join('\n')}\n`;
}

/** Info on a ConfigMap named `version`, saying which Kubernetes version the configuration asks for. */
export const version = defineRule({
  id: 'test-version', category: 'labels', severity: 'info', title: 'Version', docs, kinds: ['ConfigMap'],
  messages: { version: 'Checking against Kubernetes {{version}}.' },
  check(ctx) {
    if (ctx.manifest.name === 'version') ctx.report({ path: ['metadata', 'name'], messageId: 'version', data: { version: ctx.config.kubernetesVersion } });
  },
});

export const TEST_RULES_WITH_VERSION = [...TEST_RULES, version];
