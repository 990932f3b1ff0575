/**
 * @fileoverview How KubePlan reads YAML: the rules Kubernetes reads it by, as options of the
 * `yaml` package, and the plain-scalar resolution they imply (shared by the block parser).
 */
import { Document, isScalar, type ScalarTag, type Tags } from 'yaml';

/**
 * Kubernetes reads YAML through go-yaml's 1.1 rules (`yes` and `on` are booleans, `0644` is
 * octal), but keeps dates and `1:20` as strings: the same here, so values mean what the
 * API server will see.
 */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // Warnings (a collection used as a key) would go to process.emitWarning: the core prints nothing.
  logLevel: 'error' as const,
  customTags: (tags: Tags): Tags =>
    tags.filter((t) => typeof t !== 'object' || (!t.tag.endsWith(':timestamp') && (t as { format?: string }).format !== 'TIME')),
};

let plainTags: ScalarTag[] | undefined;
let tagOptions: Document['options'] | undefined;

/** Marks a plain scalar the `yaml` package would not resolve without an error (`0b2`, say). */
export const UNRESOLVED: unique symbol = Symbol('unresolved');

/**
 * The value of a plain (unquoted) scalar under these options: null, a boolean, a number or the
 * string itself, resolved by the `yaml` package's own tags so both parsers agree.
 */
export function resolvePlainScalar(source: string): unknown {
  // Decimal integers without a leading zero, and words no number can contain (`100m`, `10Gi`),
  // are decided here; the tags decide the rest.
  if (DECIMAL.test(source)) return Number(source);
  if (!NOT_A_NUMBER.test(source)) return resolveWithTags(source);
  if (!isSpecialWord(source)) return source;
  // Short words (`name`, `true`, `TCP`, `Never`) come back all the time: each is resolved once.
  let value = SHORT_WORDS.get(source);
  if (value === undefined && !SHORT_WORDS.has(source)) {
    value = resolveWithTags(source);
    if (SHORT_WORDS.size < MAX_SHORT_WORDS) SHORT_WORDS.set(source, value);
  }
  return value;
}

/** Short letter-only words and their values (bounded: a file of random words must not grow it without end). */
const SHORT_WORDS = new Map<string, unknown>();
const MAX_SHORT_WORDS = 10_000;

function resolveWithTags(source: string): unknown {
  if (plainTags === undefined) {
    const doc = new Document(null, YAML_OPTIONS);
    plainTags = (doc.schema.tags as ScalarTag[]).filter((t) => t.default === true && t.test !== undefined);
    tagOptions = doc.options;
  }
  for (const tag of plainTags) {
    if (!tag.test!.test(source)) continue;
    let failed = false;
    const value: unknown = tag.resolve(source, () => { failed = true; }, tagOptions!);
    // Some tags resolve to a Scalar that keeps the source's format (`yes`, `0o14`): its value is what counts.
    return failed ? UNRESOLVED : isScalar(value) ? value.value : value;
  }
  return source;
}

/**
 * True when a plain scalar is a string without trying the tags: it starts with a letter that
 * begins no null, boolean or number word, or it is longer than any such word and starts with
 * a letter. Most names, images and labels are decided here.
 */
export function isObviouslyString(source: string): boolean {
  const c = source.charCodeAt(0);
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (!letter) return false;
  // y Y n N t T f F o O (yes, no, true, false, on, off, null): short words only.
  return !SPECIAL_FIRST.has(c) || source.length > 5;
}

const DECIMAL = /^[1-9][0-9]{0,14}$/;
/** A character that appears in no null, boolean or number of the YAML 1.1 schema. */
const NOT_A_NUMBER = /[^-+0-9a-fA-FxXoObBiInN._:~]/;

/** Null and boolean words (`y`, `No`, `off`...): short, letters only. */
function isSpecialWord(source: string): boolean {
  return source.length <= 5 && /^[A-Za-z]+$/.test(source);
}

const SPECIAL_FIRST = new Set([...'yYnNtTfFoO'].map((ch) => ch.charCodeAt(0)));
