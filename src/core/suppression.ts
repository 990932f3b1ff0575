/**
 * @fileoverview Suppressions written by users: a `# kubeplan-disable-next-line <rule-id>, … -- reason`
 * comment silences those rules (all rules when none is named) on the next line, and the
 * annotation `kubeplan.dev/ignore: "<rule-id>,<rule-id>"` (or `"*"`) on a resource or on its
 * pod template silences them for the whole resource.
 */
import type { Manifest } from './source/parse';
import { isRecord, type LineIndex } from './source/parse';
import { podTemplateOf } from './model/pod-template';

export const IGNORE_ANNOTATION = 'kubeplan.dev/ignore';
export const DISABLE_NEXT_LINE = 'kubeplan-disable-next-line';

/** Line number (0-based) → rule ids silenced on it (`*` for all). */
export type LineSuppressions = Map<number, Set<string>>;

const COMMENT = new RegExp(`(?:^|\\s)#\\s*${DISABLE_NEXT_LINE}\\b([^\\n]*)`, 'g');

/** Reads every disable-next-line comment of a file. */
export function readLineSuppressions(text: string, lines: LineIndex): LineSuppressions {
  const out: LineSuppressions = new Map();
  if (!text.includes(DISABLE_NEXT_LINE)) return out;
  for (const match of text.matchAll(COMMENT)) {
    const rest = (match[1] ?? '').split(/\s--\s|\s--$/)[0]!.trim();
    const ids = rest ? rest.split(/[\s,]+/).filter(Boolean) : ['*'];
    const line = lines.position(match.index! + match[0].indexOf('#')).line + 1;
    const set = out.get(line) ?? new Set<string>();
    for (const id of ids) set.add(id);
    out.set(line, set);
  }
  return out;
}

/** Rule ids a resource's `kubeplan.dev/ignore` annotations silence (its own and its pod template's). */
export function annotationSuppressions(manifest: Manifest): ReadonlySet<string> {
  let out: Set<string> | undefined;
  const add = (metadata: unknown): void => {
    if (!isRecord(metadata) || !isRecord(metadata.annotations)) return;
    const value = metadata.annotations[IGNORE_ANNOTATION];
    if (typeof value !== 'string') return;
    for (const id of value.split(/[\s,]+/)) if (id) (out ??= new Set()).add(id);
  };
  add(manifest.object.metadata);
  const template = podTemplateOf(manifest);
  if (template && template.path.length > 0) add(template.metadata);
  return out ?? NONE_IGNORED;
}

/** What nearly every manifest ignores: nothing (one shared empty set, not one per manifest). */
const NONE_IGNORED: ReadonlySet<string> = new Set();

export function isSuppressed(ids: ReadonlySet<string> | undefined, ruleId: string): boolean {
  return !!ids && (ids.has('*') || ids.has(ruleId));
}
