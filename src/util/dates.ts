// Dates as people write them, before any generator reads them: `parseDateFields` finds the fields of the
// shapes front matter carries (ISO 8601 and its relatives, RFC 2822, English month names, CJK, numeric
// dates, epoch numbers) without judging them; `readWritten` says which instant the text means (or that it
// names no real moment, or is ambiguous). Generator models (src/generators/*/dates.ts) use the fields to
// reproduce what their generator does with the same text. Every shape is recognised by an anchored, linear
// gate (no overlapping quantifiers); values longer than MAX_LENGTH are never parsed.

import yaml from 'js-yaml';
import { DateTime, FixedOffsetZone, IANAZone, SystemZone, type Zone as LuxonZone } from 'luxon';

/** An IANA zone name, or 'system': the zone of the machine newslint runs on (where the site is built). */
export type Zone = string;

export type Shape =
  /** 2021-10-31, 2021-10-31 08:06, 2021-10-31T08:06:29.123+08:00, 2021-5-20 08:00:00 -0800 */
  | 'iso'
  /** Sun, 31 Oct 2021 00:06:29 GMT */
  | 'rfc2822'
  /** 31 Oct 2021, October 31, 2021 08:06, Sunday, 31 October 2021 */
  | 'english'
  /** 2021/10/31 08:06, 2021.10.31 */
  | 'year-first'
  /** 2021年10月31日 08:06 */
  | 'cjk'
  /** 31/10/2021, 10-31-2021 08:06: which number is the month is for the reader to decide */
  | 'year-last'
  /** 1635638789 (seconds), 1635638789123 (milliseconds) */
  | 'epoch';

export interface DateFields {
  shape: Shape;
  year: number;
  /** For 'year-last', the first number as written (day or month). */
  month: number;
  /** For 'year-last', the second number as written. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Digits after the seconds' decimal point, as written ('' when none). */
  fraction: string;
  hasTime: boolean;
  /** Offset east of UTC in minutes, when the text names one (`Z`, `+08:00`, `-0800`, `GMT`, `EST`). */
  offset: number | null;
  /** The zone as written (`+0800`, `GMT`), when there is one. */
  zone: string | null;
  /** The weekday as written, lower case, when there is one. */
  weekday: string | null;
  /** ISO shape only: month, day and hour have two digits each, as ISO 8601 wants. */
  padded: boolean;
  /** For 'epoch': the number. */
  epoch?: number;
}

export type Written =
  /** The instant the text means: zone-less text is wall-clock time in the zone it is read in. */
  | { kind: 'date'; ms: number; fields: DateFields }
  /** A date shape whose fields name no real moment (Feb 30, 25:00, a weekday that contradicts the date). */
  | { kind: 'impossible'; reason: string; fields: DateFields }
  /** Day and month could be either way round (01/02/2021). */
  | { kind: 'ambiguous'; fields: DateFields }
  /** Not a date shape newslint knows. */
  | { kind: 'unknown' };

const MAX_LENGTH = 64;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?))?)?$/;
const EPOCH = /^\d{9,13}$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** Year first: 2021/10/31, 2021.10.31, each with an optional H:mm[:ss]. */
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** Year last: 31/10/2021, 10-31-2021, 31.10.2021. */
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
/** RFC 2822: optional weekday, day, month, year, time, zone. */
const RFC2822 = /^(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+([+-]\d{4}|[A-Za-z]{1,3})$/;
/** English: [weekday,] 31 Oct[.] 2021 [08:06[:29]] */
const DAY_MONTH = /^(?:([A-Za-z]{3,9}),?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
/** English: [weekday,] October 31, 2021 [08:06[:29]] */
const MONTH_DAY = /^(?:([A-Za-z]{3,9}),?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** RFC 2822's zone names (section 4.3, obsolete but common) and their offsets in minutes. */
const NAMED_ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

export function isValidTimeZone(zone: string): boolean {
  // IANAZone.create keeps one instance per name (isValidZone alone builds an Intl formatter each time)
  return IANAZone.create(zone).isValid;
}

/** A month or weekday name (full, or its first three letters; "Sept" too), as a 1-based index, or 0. */
function nameIndex(names: string[], word: string): number {
  const w = word.toLowerCase();
  const i = names.findIndex((n) => n === w || n.slice(0, 3) === w || (w === 'sept' && n === 'september'));
  return i + 1;
}

export function monthIndex(word: string): number {
  return nameIndex(MONTHS, word);
}

export function weekdayIndex(word: string): number {
  return nameIndex(WEEKDAYS, word);
}

/** The fields of a date as written, without judging them; null when the text is no date shape newslint knows. */
export function parseDateFields(input: string): DateFields | null {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_LENGTH) return null;
  let m = ISO.exec(text);
  if (m) {
    const zone = m[8] ?? null;
    return make('iso', +m[1], +m[2], +m[3], {
      hour: m[4] === undefined ? 0 : +m[4],
      minute: m[5] === undefined ? 0 : +m[5],
      second: m[6] === undefined ? 0 : +m[6],
      fraction: m[7] ?? '',
      hasTime: m[4] !== undefined,
      padded: m[2].length === 2 && m[3].length === 2 && (m[4] === undefined || m[4].length === 2),
      zone,
      offset: zone === null ? null : numericOffset(zone),
    });
  }
  if (EPOCH.test(text)) return make('epoch', 0, 0, 0, { hasTime: true, offset: 0, epoch: Number(text) });
  if ((m = YEAR_FIRST.exec(text))) return make('year-first', +m[1], +m[3], +m[4], timeOf(m[5]));
  if ((m = CJK.exec(text))) return make('cjk', +m[1], +m[2], +m[3], timeOf(m[4]));
  if ((m = YEAR_LAST.exec(text))) return make('year-last', +m[4], +m[1], +m[3], timeOf(m[5]));
  if ((m = RFC2822.exec(text))) {
    const month = monthIndex(m[3]);
    const zone = m[6];
    const offset = /^[+-]/.test(zone) ? numericOffset(zone) : NAMED_ZONES[zone.toLowerCase()];
    if (month && offset !== undefined && (!m[1] || weekdayIndex(m[1]))) {
      const f = timeOf(m[5]);
      f.weekday = m[1]?.toLowerCase() ?? null;
      f.zone = zone;
      f.offset = offset;
      return make('rfc2822', +m[4], month, +m[2], f);
    }
  }
  const english = DAY_MONTH.exec(text) ?? MONTH_DAY.exec(text);
  if (english) {
    const dayFirst = /^\d/.test(english[2]);
    const month = monthIndex(dayFirst ? english[3] : english[2]);
    const day = +(dayFirst ? english[2] : english[3]);
    const weekday = english[1];
    if (month && (!weekday || weekdayIndex(weekday))) {
      const f = timeOf(english[5]);
      f.weekday = weekday?.toLowerCase() ?? null;
      return make('english', +english[4], month, day, f);
    }
  }
  return null;
}

/** Fields with defaults: no time, no zone. (One literal: spreading a defaults object over and over is slow in V8.) */
function make(shape: Shape, year: number, month: number, day: number, f: Partial<DateFields>): DateFields {
  return {
    shape,
    year,
    month,
    day,
    hour: f.hour ?? 0,
    minute: f.minute ?? 0,
    second: f.second ?? 0,
    fraction: f.fraction ?? '',
    hasTime: f.hasTime ?? false,
    offset: f.offset ?? null,
    zone: f.zone ?? null,
    weekday: f.weekday ?? null,
    padded: f.padded ?? false,
    epoch: f.epoch,
  };
}

/** The fields of `H:mm[:ss]` after a date, when there is one. */
function timeOf(time: string | undefined): Partial<DateFields> {
  const t = time ? TIME.exec(time) : null;
  if (!t) return {};
  return { hour: +t[1], minute: +t[2], second: t[3] === undefined ? 0 : +t[3], hasTime: true };
}

function numericOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** The luxon zone of a Zone name ('system': this machine's). */
export function luxonZone(zone: Zone): LuxonZone {
  return zone === 'system' ? SystemZone.instance : IANAZone.create(zone);
}

/** Milliseconds of a fraction of a second as written (truncated, as js-yaml, V8 and Go read it). */
export function fractionMs(fraction: string): number {
  return fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
}

/**
 * The instant the fields mean, read strictly (no day 30 of February, no hour 24): zone-less fields are wall
 * clock in `zone`. For 'year-last' fields, `dayFirst` says which number is the day.
 */
export function instantOf(f: DateFields, zone: Zone, dayFirst = false): { ms: number } | { reason: string } {
  if (f.shape === 'epoch') {
    const n = f.epoch!;
    return { ms: String(n).length <= 11 ? n * 1000 : n };
  }
  const [month, day] = f.shape === 'year-last' && dayFirst ? [f.day, f.month] : [f.month, f.day];
  const dt = DateTime.fromObject(
    { year: f.year, month, day, hour: f.hour, minute: f.minute, second: f.second, millisecond: fractionMs(f.fraction) },
    { zone: f.offset === null ? luxonZone(zone) : FixedOffsetZone.instance(f.offset) },
  );
  if (!dt.isValid) return { reason: explain(dt) };
  if (f.weekday && weekdayIndex(f.weekday) !== dt.weekday) {
    const shown = dt.setLocale('en-US');
    return { reason: `${shown.toFormat('d LLL yyyy')} is a ${shown.toFormat('cccc')}` };
  }
  return { ms: dt.toMillis() };
}

/**
 * Whether an instant shows, in `zone`, the wall-clock time of zone-less fields (a date without time:
 * midnight). In an hour that a zone repeats, either instant does; in one it skips, none.
 */
export function showsWallClock(ms: number, zone: Zone, f: DateFields): boolean {
  const dt = DateTime.fromMillis(ms, { zone: luxonZone(zone) });
  return dt.year === f.year && dt.month === f.month && dt.day === f.day && dt.hour === f.hour && dt.minute === f.minute && dt.second === f.second && dt.millisecond === fractionMs(f.fraction);
}

/** What a date as written means, zone-less text read as wall-clock time in `zone`. */
export function readWritten(input: string, zone: Zone): Written {
  const fields = parseDateFields(input);
  if (!fields) return { kind: 'unknown' };
  let dayFirst = false;
  if (fields.shape === 'year-last') {
    const a = fields.month;
    const b = fields.day;
    if (a <= 12 && b <= 12 && a !== b) return { kind: 'ambiguous', fields };
    if (a > 12 && b > 12) return { kind: 'impossible', reason: `neither ${a} nor ${b} is a month`, fields };
    dayFirst = a > 12;
  }
  const r = instantOf(fields, zone, dayFirst);
  return 'ms' in r ? { kind: 'date', ms: r.ms, fields } : { kind: 'impossible', reason: r.reason, fields };
}

/** luxon's explanation, shortened: "day 32 is out of range". */
function explain(dt: DateTime): string {
  const m = /you specified (\S+) \(of type \w+\) as an? (\w+)/.exec(dt.invalidExplanation ?? '');
  if (m) return `${m[2]} ${m[1]} is out of range`;
  return dt.invalidReason ?? 'not a date';
}

/** An instant written in a zone with a luxon format ("yyyy-MM-dd HH:mm:ss"). */
export function formatIn(ms: number, zone: Zone, format: string): string {
  return DateTime.fromMillis(ms, { zone: luxonZone(zone) }).toFormat(format);
}

/** The wall clock of an instant in a zone: `2021-10-31 08:06:29`, with `.123` when there are milliseconds. */
export function wallClock(ms: number, zone: Zone, separator = ' '): string {
  return formatIn(ms, zone, `yyyy-MM-dd'${separator}'HH:mm:ss${ms % 1000 ? '.SSS' : ''}`);
}

/** Whether an instant is midnight in a zone (a date without time can stand for it). */
export function isMidnight(ms: number, zone: Zone): boolean {
  const dt = DateTime.fromMillis(ms, { zone: luxonZone(zone) });
  return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
}

/**
 * The IANA name of this machine's zone. luxon builds an Intl.DateTimeFormat to answer (~0.2 ms, and messages
 * name the zone in every post): kept while TZ stays the same (tests set TZ to try several zones in one process).
 */
export function machineZone(): string {
  const tz = process.env.TZ;
  if (machine === null || machine.tz !== tz) machine = { tz, name: SystemZone.instance.name };
  return machine.name;
}
let machine: { tz: string | undefined; name: string } | null = null;

/** A zone as messages name it: "Asia/Shanghai", "this machine's zone, UTC". */
export function zoneLabel(zone: Zone): string {
  return zone === 'system' ? `this machine's zone, ${machineZone()}` : zone;
}

/** An instant as messages show it: `2021-10-31 08:06:29 (Asia/Shanghai)`. */
export function showInstant(ms: number, zone: Zone): string {
  const year = DateTime.fromMillis(ms, { zone: luxonZone(zone) }).year;
  if (year < 1) return 'a date before the year 1';
  return `${wallClock(ms, zone)} (${zoneLabel(zone)})`;
}

/** A front-matter scalar as a generator's YAML or JSON reader sees it, before it resolves the type. */
export type ScalarText =
  /** A plain YAML scalar: its text (the reader decides whether it is a number, a timestamp, a string). */
  | { kind: 'plain'; text: string }
  /** A quoted or block YAML scalar: always a string. */
  | { kind: 'quoted'; text: string }
  /** A JSON value. */
  | { kind: 'json'; value: unknown }
  /** Nothing after the key. */
  | { kind: 'empty' };

/** The scalar a value's source holds; null for anything else (a tag, an alias, a collection, broken text). */
export function scalarText(source: string, language: 'yaml' | 'json'): ScalarText | null {
  const s = source.trim();
  if (s === '') return { kind: 'empty' };
  try {
    if (language === 'json') return { kind: 'json', value: JSON.parse(s) };
    if (/^[!&*[{]/.test(s)) return null;
    const text = yaml.load(s, { schema: yaml.FAILSAFE_SCHEMA });
    if (typeof text !== 'string') return null;
    return /^['"|>]/.test(s) ? { kind: 'quoted', text } : { kind: 'plain', text };
  } catch {
    return null;
  }
}
