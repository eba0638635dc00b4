// Reading front-matter dates the way a person would, and writing them back in one canonical form.
// Every shape is recognised by an anchored, linear gate (no overlapping quantifiers) and then handed to
// luxon, which checks the calendar (leap years, day 31, 24:00, RFC 2822 weekdays). Values longer than
// MAX_LENGTH are never parsed: no date is that long, and luxon's own regular expressions stay on short input.

import { DateTime, IANAZone } from 'luxon';

export type DateFormat = 'iso' | 'hexo';

export interface CanonicalOptions {
  format: DateFormat;
  /** An IANA zone name (already validated with isValidZone), or undefined. */
  timezone?: string;
}

export type DateVerdict =
  /** Well-formed as it stands: ISO 8601 / RFC 3339 or Hexo's `YYYY-MM-DD[ HH:mm[:ss]]`. */
  | { kind: 'ok' }
  /** A readable date in another shape; `value` is the same date in the canonical form. */
  | { kind: 'fix'; value: string }
  /** A date shape whose fields name no real moment (Feb 30, 25:00, a weekday that contradicts the date). */
  | { kind: 'impossible'; reason: string }
  /** Day and month could be either way round (01/02/2021). */
  | { kind: 'ambiguous' }
  /** Not a date shape newslint knows. */
  | { kind: 'unknown' };

const MAX_LENGTH = 64;

/** ISO 8601 / RFC 3339 and Hexo's own form: date, optional time (T or space), optional fraction and offset. */
const WELL_FORMED = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH = /^\d{9,13}$/;
/** Year first: 2021/10/31, 2021.10.31, 2021-1-5, each with an optional H:mm[:ss]. */
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
/** CJK: 2021年10月31日, optionally followed by a time. */
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** Year last: 31/10/2021, 10-31-2021, 31.10.2021. */
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
/** English month names, day first or month first, optional weekday and time: 31 Oct 2021, October 31, 2021 08:06. */
const ENGLISH = /^(?:[A-Za-z]{3,9},? +)?(?:\d{1,2} +[A-Za-z]{3,9}\.? +\d{4}|[A-Za-z]{3,9}\.? +\d{1,2},? +\d{4})(?:,? +\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** What RFC 2822 dates look like before luxon reads them: they end in a zone. */
const RFC2822_ZONE = / (?:[+-]\d{4}|[A-Za-z]{1,5})$/;

interface Parsed {
  dt: DateTime;
  /** The input named its own offset (RFC 2822 zone, epoch = UTC). */
  hasOffset: boolean;
  hasTime: boolean;
}

type Step = Parsed | { kind: 'impossible'; reason: string } | { kind: 'ambiguous' } | null;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Classifies a front-matter date: a string as written (quotes removed) or a YAML integer. */
export function checkDate(input: string | number, options: CanonicalOptions): DateVerdict {
  const text = (typeof input === 'number' ? String(input) : input).trim();
  if (text.length === 0 || text.length > MAX_LENGTH) return { kind: 'unknown' };
  if (WELL_FORMED.test(text)) {
    const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
    return dt.isValid ? { kind: 'ok' } : { kind: 'impossible', reason: explain(dt) };
  }
  const step = parse(text, options.timezone);
  if (!step) return { kind: 'unknown' };
  if ('kind' in step) return step;
  return { kind: 'fix', value: render(step, options) };
}

function parse(text: string, timezone: string | undefined): Step {
  // Wall-clock inputs are read in the configured zone (Hexo reads them in the site's), else as plain fields.
  const wall = { zone: timezone ?? 'UTC', locale: 'en-US' };
  if (EPOCH.test(text)) {
    const n = Number(text);
    const dt = text.length <= 11 ? DateTime.fromSeconds(n, { zone: 'UTC' }) : DateTime.fromMillis(n, { zone: 'UTC' });
    return dt.isValid ? { dt, hasOffset: true, hasTime: true } : null;
  }
  let m = YEAR_FIRST.exec(text);
  if (m) return fields(`${m[1]}/${m[3]}/${m[4]}`, m[5], 'y/M/d', wall);
  m = CJK.exec(text);
  if (m) return fields(`${m[1]}/${m[2]}/${m[3]}`, m[4], 'y/M/d', wall);
  m = YEAR_LAST.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a <= 12 && b <= 12 && a !== b) return { kind: 'ambiguous' };
    if (a > 12 && b > 12) return { kind: 'impossible', reason: `neither ${a} nor ${b} is a month` };
    const date = a > 12 ? `${m[1]}/${m[3]}/${m[4]}` : `${m[3]}/${m[1]}/${m[4]}`; // day/month/year either way
    return fields(date, m[5], 'd/M/y', wall);
  }
  if (RFC2822_ZONE.test(text)) {
    const rfc = rfc2822(text);
    if (rfc) return rfc;
  }
  if (ENGLISH.test(text)) return english(text, wall);
  return null;
}

function fields(date: string, time: string | undefined, dateFormat: string, opts: { zone: string; locale: string }): Step {
  const colons = time ? time.split(':').length - 1 : 0;
  const format = colons === 0 ? dateFormat : colons === 1 ? `${dateFormat} H:mm` : `${dateFormat} H:mm:ss`;
  const dt = DateTime.fromFormat(time ? `${date} ${time}` : date, format, opts);
  if (!dt.isValid) return { kind: 'impossible', reason: explain(dt) };
  return { dt, hasOffset: false, hasTime: Boolean(time) };
}

function rfc2822(text: string): Step {
  const normalised = text.replace(/ UT$/, ' GMT'); // luxon misreads the obsolete "UT"
  const dt = DateTime.fromRFC2822(normalised, { setZone: true });
  if (dt.isValid) return { dt, hasOffset: true, hasTime: true };
  if (dt.invalidReason === 'unparsable') return null;
  if (dt.invalidReason === 'mismatched weekday') {
    const comma = normalised.indexOf(',');
    const real = DateTime.fromRFC2822(normalised.slice(comma + 1).trim(), { setZone: true });
    if (real.isValid) {
      return { kind: 'impossible', reason: `${real.toFormat('d LLL yyyy', { locale: 'en-US' })} is a ${real.toFormat('cccc', { locale: 'en-US' })}` };
    }
  }
  return { kind: 'impossible', reason: explain(dt) };
}

const ENGLISH_DATES = ['d MMM y', 'd MMMM y', 'MMM d, y', 'MMMM d, y', 'MMM d y', 'MMMM d y'];
const ENGLISH_TIMES = ['', ' H:mm', ' H:mm:ss', ', H:mm', ', H:mm:ss'];
const ENGLISH_DAYS = ['', 'EEE, ', 'EEEE, ', 'EEE ', 'EEEE '];

function english(text: string, opts: { zone: string; locale: string }): Step {
  const clean = text.replace(/ +/g, ' ').replace(/([A-Za-z])\. /, '$1 ');
  let impossible: Step = null;
  for (const day of ENGLISH_DAYS) {
    for (const date of ENGLISH_DATES) {
      for (const time of ENGLISH_TIMES) {
        const dt = DateTime.fromFormat(clean, `${day}${date}${time}`, opts);
        if (dt.isValid) return { dt, hasOffset: false, hasTime: time !== '' };
        if (dt.invalidReason !== 'unparsable' && !impossible) {
          impossible = { kind: 'impossible', reason: dt.invalidReason === 'mismatched weekday' ? 'the weekday does not match the date' : explain(dt) };
        }
      }
    }
  }
  return impossible;
}

function render(p: Parsed, o: CanonicalOptions): string {
  if (!p.hasTime) return p.dt.toFormat('yyyy-MM-dd');
  const time = p.dt.millisecond ? 'HH:mm:ss.SSS' : 'HH:mm:ss';
  // An input with its own offset is an instant: show it in the configured zone, else in its own.
  // A wall-clock input was read in the configured zone already (or has none).
  const dt = p.hasOffset && o.timezone ? p.dt.setZone(o.timezone) : p.dt;
  if (o.format === 'hexo') return dt.toFormat(`yyyy-MM-dd ${time}`);
  const withOffset = p.hasOffset || o.timezone !== undefined;
  return dt.toFormat(withOffset ? `yyyy-MM-dd'T'${time}ZZ` : `yyyy-MM-dd'T'${time}`);
}

/** luxon's explanation, shortened: "day 32 is out of range". */
function explain(dt: DateTime): string {
  const m = /you specified (\S+) \(of type \w+\) as an? (\w+)/.exec(dt.invalidExplanation ?? '');
  if (m) return `${m[2]} ${m[1]} is out of range`;
  return dt.invalidReason ?? 'not a date';
}
