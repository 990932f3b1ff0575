/**
 * @fileoverview CronJob schedules as the CronJob controller reads them (the standard five
 * fields of robfig/cron, names, ranges, steps, `?`, and the `@hourly`-style macros), validated
 * field by field so that an error points at the exact part at fault, and described in words
 * with the next runs. Pure: the current time is a parameter, never read from the clock.
 */
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
// Registers the French wording with cronstrue (the editor's hover speaks the user's language).
import 'cronstrue/locales/fr';

export type CronFieldName = 'minute' | 'hour' | 'day of month' | 'month' | 'day of week';

interface FieldSpec {
  name: CronFieldName;
  min: number;
  max: number;
  names?: readonly string[];
  /** What the field accepts, for messages. */
  hint: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59, hint: '0-59' },
  { name: 'hour', min: 0, max: 23, hint: '0-23' },
  { name: 'day of month', min: 1, max: 31, hint: '1-31' },
  { name: 'month', min: 1, max: 12, names: MONTHS, hint: '1-12 or JAN-DEC' },
  { name: 'day of week', min: 0, max: 6, names: DAYS, hint: '0-6 (Sunday=0) or SUN-SAT' },
];

/** The macros the controller accepts, as the five fields they stand for. */
export const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export type ScheduleProblem =
  | 'empty'
  | 'timeZoneInSchedule' // TZ=… / CRON_TZ=… prefix
  | 'fieldCount'
  | 'unknownMacro'
  | 'badEvery'
  | 'badValue' // not a number or a known name
  | 'outOfRange'
  | 'reversedRange'
  | 'badStep'
  | 'badSyntax';

export interface ScheduleError {
  problem: ScheduleProblem;
  /** What is wrong, in one sentence, naming the field and the text at fault. */
  detail: string;
  /** Characters `[start, end)` of the schedule string at fault. */
  slice: [number, number];
  field?: CronFieldName;
}

export interface ParsedSchedule {
  /** The five fields the schedule means (a macro expanded); undefined for `@every`. */
  fields: string | undefined;
  /** `@every 1h30m` schedules: the interval in seconds. */
  everySeconds?: number;
  /** True when the schedule can fire every minute (minute field "*", a step of 1 or "0-59", on every hour). */
  everyMinute: boolean;
}

/** Parses a schedule; an error says which field is wrong and where. */
export function parseSchedule(schedule: string): { ok: true; value: ParsedSchedule } | { ok: false; error: ScheduleError } {
  const tz = /^\s*(CRON_TZ|TZ)=\S*/.exec(schedule);
  if (tz) {
    const start = schedule.indexOf(tz[1]!);
    return fail('timeZoneInSchedule', `"${tz[0].trim()}" sets a time zone inside the schedule`, start, start + tz[0].trim().length);
  }
  const tokens = [...schedule.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index! }));
  if (tokens.length === 0) return fail('empty', 'the schedule is empty', 0, schedule.length);
  const first = tokens[0]!;
  if (first.text.startsWith('@')) {
    const macro = first.text.toLowerCase();
    if (macro === '@every') {
      const duration = tokens[1];
      const seconds = duration && tokens.length === 2 ? parseGoDuration(duration.text) : undefined;
      if (seconds === undefined || seconds <= 0) {
        const at = duration ?? first;
        return fail('badEvery', '"@every" needs one positive duration such as 1h30m', at.start, at.start + at.text.length);
      }
      return { ok: true, value: { fields: undefined, everySeconds: seconds, everyMinute: seconds <= 60 } };
    }
    const fields = CRON_MACROS[macro];
    if (!fields || tokens.length > 1) {
      return fail('unknownMacro', `"${first.text}" is not a macro the CronJob controller knows (${Object.keys(CRON_MACROS).join(', ')}, @every <duration>)`, first.start, tokens.length > 1 ? tokens.at(-1)!.start + tokens.at(-1)!.text.length : first.start + first.text.length);
    }
    return { ok: true, value: { fields, everyMinute: false } };
  }
  if (tokens.length !== 5) {
    const detail = `a schedule has 5 fields (minute hour day-of-month month day-of-week), this one has ${tokens.length}`;
    if (tokens.length > 5) return fail('fieldCount', detail, tokens[5]!.start, tokens.at(-1)!.start + tokens.at(-1)!.text.length);
    return fail('fieldCount', detail, 0, schedule.length);
  }
  for (let i = 0; i < 5; i++) {
    const error = checkField(tokens[i]!.text, tokens[i]!.start, FIELDS[i]!);
    if (error) return { ok: false, error };
  }
  const minute = tokens[0]!.text;
  const hour = tokens[1]!.text;
  const everyMinute = /^([*?]|[*?]\/1|0-59(\/1)?)$/.test(minute) && /^([*?](\/1)?|0-23(\/1)?)$/.test(hour);
  return { ok: true, value: { fields: tokens.map((t) => t.text.replace(/\?/g, '*')).join(' '), everyMinute } };
}

function fail(problem: ScheduleProblem, detail: string, start: number, end: number, field?: CronFieldName): { ok: false; error: ScheduleError } {
  return { ok: false, error: { problem, detail, slice: [start, end], ...(field ? { field } : {}) } };
}

/** Checks one field: a comma list of `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function checkField(text: string, offset: number, spec: FieldSpec): ScheduleError | undefined {
  let at = 0;
  for (const part of text.split(',')) {
    const start = offset + at;
    at += part.length + 1;
    const err = (problem: ScheduleProblem, detail: string, s = start, e = start + part.length): ScheduleError =>
      ({ problem, detail: `${spec.name} field: ${detail}`, slice: [s, e], field: spec.name });
    if (part === '') return err('badSyntax', 'an empty item in the list (two commas, or a comma at an end)', start, start + 1);
    const slash = part.split('/');
    if (slash.length > 2) return err('badSyntax', `"${part}" has more than one "/"`);
    const [range, step] = slash as [string, string | undefined];
    if (step !== undefined) {
      const stepStart = start + range.length + 1;
      if (!/^\d+$/.test(step) || Number(step) === 0) return err('badStep', `the step "${step}" in "${part}" must be a positive whole number`, stepStart - 1, stepStart + step.length);
    }
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return err('badSyntax', `"${range}" is not a value or a range a-b`);
    const values: number[] = [];
    let pos = start;
    for (const b of bounds) {
      const v = valueOf(b, spec);
      if (v === undefined) {
        return err('badValue', `"${b}" is not a number${spec.names ? ' or a name' : ''} (expected ${spec.hint})`, pos, pos + b.length);
      }
      if (v < spec.min || v > spec.max) {
        const seven = spec.name === 'day of week' && v === 7 ? '; Sunday is 0 here, 7 is refused' : '';
        return err('outOfRange', `${b} is outside ${spec.hint}${seven}`, pos, pos + b.length);
      }
      values.push(v);
      pos += b.length + 1;
    }
    if (values.length === 2 && values[0]! > values[1]!) return err('reversedRange', `the range "${range}" starts after it ends`, start, start + range.length);
  }
  return undefined;
}

function valueOf(text: string, spec: FieldSpec): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const i = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  return i < 0 ? undefined : spec.name === 'month' ? i + 1 : i;
}

/** Go's time.ParseDuration for the units a schedule can use (h, m, s, ms); seconds, or undefined. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^((?:\d+(?:\.\d+)?(?:h|m|s|ms|us|µs|ns))+)$/.exec(text);
  if (!m) return undefined;
  const factor: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) total += Number(part[1]) * factor[part[2]!]!;
  return total;
}

/**
 * Whether `name` is a time zone the CronJob controller accepts: an IANA name, spelt with its
 * own capitals (Go reads the name as a file path), and not `Local`. Intl is the data source.
 */
export function checkTimeZone(name: string): { ok: true } | { ok: false; reason: 'local' | 'unknown' | 'case'; suggestion?: string } {
  if (name.toLowerCase() === 'local') return { ok: false, reason: 'local' };
  if (name === 'UTC') return { ok: true };
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return { ok: false, reason: 'unknown' };
  }
  const zones = supportedZones();
  if (zones.has(name) || resolved === name) return { ok: true };
  const exact = [...zones].find((z) => z.toLowerCase() === name.toLowerCase());
  if (exact) return { ok: false, reason: 'case', suggestion: exact };
  // A link (US/Eastern, Europe/Kiev) spelt with capitals: Go's tzdata has it too.
  return name === name.toLowerCase() || name === name.toUpperCase() && name.includes('/') ? { ok: false, reason: 'case', suggestion: resolved } : { ok: true };
}

/** True when the controller accepts `name` as a `timeZone`. */
export function isKnownTimeZone(name: string): boolean {
  return checkTimeZone(name).ok;
}

let zonesCache: Set<string> | undefined;
function supportedZones(): Set<string> {
  zonesCache ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
  return zonesCache;
}

export interface ScheduleDescription {
  /** The schedule in words ("At 02:30 AM, only on Monday"). */
  text: string;
  /** The next runs after `now`, in the time zone given (UTC when none). */
  next: Date[];
}

/**
 * Describes a valid schedule in words and lists its next `count` runs after `now`, for the
 * editor's hover and the CLI. Undefined when the schedule is not valid. The words are English,
 * or French when `locale` is `fr`.
 */
export function describeSchedule(schedule: string, timeZone: string | undefined, now: Date, count = 3, locale?: string): ScheduleDescription | undefined {
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) return undefined;
  const tz = timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  if (parsed.value.fields === undefined) {
    const seconds = parsed.value.everySeconds!;
    const next = Array.from({ length: count }, (_, i) => new Date(now.getTime() + (i + 1) * seconds * 1000));
    return { text: `Every ${formatSeconds(seconds)} (counted from when the controller starts)`, next };
  }
  let text: string;
  try {
    const language = locale?.toLowerCase().split(/[-_]/)[0];
    text = cronstrue.toString(parsed.value.fields, { use24HourTimeFormat: true, verbose: false, ...(language === 'fr' ? { locale: 'fr' } : {}) });
  } catch {
    text = parsed.value.fields;
  }
  const next: Date[] = [];
  try {
    const expression = CronExpressionParser.parse(parsed.value.fields, { currentDate: now, tz });
    for (let i = 0; i < count; i++) next.push(expression.next().toDate());
  } catch {
    // cron-parser refused something the controller accepts: words only.
  }
  return { text: timeZone ? `${text} (${tz})` : text, next };
}

function formatSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
