/**
 * @fileoverview Translations of rule titles and messages: a pure catalogue per locale, keyed by
 * `<ruleId>/<messageId>` for messages and by `<ruleId>` for titles. A missing entry falls back
 * to the rule's own English text, so a new rule works before it is translated.
 */
import { FR } from './fr';

/** One locale's catalogue. Templates keep the English `{{placeholders}}` unchanged. */
export interface Catalogue {
  titles: Readonly<Record<string, string>>;
  messages: Readonly<Record<string, string>>;
}

const CATALOGUES: Readonly<Record<string, Catalogue>> = { fr: FR };

/** Locales that have a catalogue (English is the rules' own text and needs none). */
export const LOCALES: readonly string[] = ['en', ...Object.keys(CATALOGUES)];

/** The catalogue of a locale such as `fr`, `fr-CA` or `fr_FR`; undefined for English or an unknown locale. */
export function catalogueFor(locale: string | undefined): Catalogue | undefined {
  if (!locale) return undefined;
  const language = locale.toLowerCase().split(/[-_]/)[0]!;
  return CATALOGUES[language];
}

/** The distinct `{{placeholders}}` of a template, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))].sort();
}

/**
 * The message template of a rule in a locale, or undefined when it has no translation, or when
 * the translation is stale (its placeholders no longer those of `english`): the English text is
 * then better than a sentence with holes.
 */
export function localizedMessage(locale: string | undefined, ruleId: string, messageId: string, english?: string): string | undefined {
  const translated = catalogueFor(locale)?.messages[`${ruleId}/${messageId}`];
  if (translated === undefined || english === undefined) return translated;
  return placeholdersOf(translated).join() === placeholdersOf(english).join() ? translated : undefined;
}

/** The title of a rule in a locale, or undefined when it has no translation. */
export function localizedTitle(locale: string | undefined, ruleId: string): string | undefined {
  return catalogueFor(locale)?.titles[ruleId];
}
