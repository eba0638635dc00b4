// Dates as Jekyll 4.3.1 reads and publishes them (Debian's jekyll 4.3.1 with Ruby 3.1 and Psych 4.0.3:
// their source, and test/generators/jekyll-dates.test.ts runs every form below through Jekyll's own code):
//
// - _config.yml's `timezone` becomes ENV["TZ"] (lib/jekyll.rb, set_timezone): Ruby's local time is the
//   site's zone, or the build machine's when the site sets none.
// - Front matter is read by Psych.safe_load with Date and Time allowed (Utils.safe_load_yaml). Psych's
//   ScalarScanner turns a plain `YYYY-MM-DD HH:MM:SS[.f][ ±hh[:mm]]` into a Time (without an offset: UTC,
//   not local time) and a plain `YYYY-MM-DD` into a Date; anything quoted stays a String.
// - document.rb merge_date!: `Utils.parse_date(data["date"].to_s)`, which is `Time.parse(...).localtime`;
//   a value Time.parse cannot read raises InvalidDateError, a FatalException: the build stops. A Time's
//   to_s drops fractions of a second; a Date's is midnight local time.
// - A document without `date` takes the one in its file name (YYYY-MM-DD-title.md, populate_title /
//   modify_date), at local midnight; else a draft takes the file's mtime and any other document the time
//   of the build (Document#date). Pages have no date.

import path from 'node:path';
import { DateTime, FixedOffsetZone } from 'luxon';
import { formatIn, fractionMs, isMidnight, luxonZone, parseDateFields, readWritten, scalarText, showsWallClock, zoneLabel, type DateFields, type Zone } from '../../util/dates.js';
import { DATED_NAME } from './files.js';
import type { DateFallback, DateModel, DatePost, DateReading, DateSource } from '../types.js';

/** Psych's ScalarScanner::TIME and its date pattern (psych 4.0.3, scalar_scanner.rb). */
const PSYCH_TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t\r\n\f\v]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:[ \t\r\n\f\v]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const PSYCH_DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;
/** What Psych keeps a String without looking further (ScalarScanner#tokenize's first test; [[:alpha:]] is Unicode). */
const PSYCH_WORDS = /^[^\d.:-]?[\p{L}_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=]+/u;

const MONTH_WORD = /(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

type RubyValue =
  | { type: 'Time'; fields: DateFields }
  | { type: 'Date'; fields: DateFields }
  | { type: 'String'; text: string }
  | { type: 'other'; text: string };

/** The Ruby value Psych gives a scalar; null when newslint does not know. */
function psych(v: DateSource): RubyValue | null {
  const scalar = scalarText(v.source, v.language);
  if (!scalar) return null;
  if (scalar.kind === 'empty') return { type: 'other', text: '' };
  if (scalar.kind === 'json') {
    return typeof scalar.value === 'string' ? { type: 'String', text: scalar.value } : { type: 'other', text: String(scalar.value) };
  }
  const text = scalar.text;
  if (scalar.kind === 'quoted' || PSYCH_WORDS.test(text) || text.includes('\n')) {
    // nil, true and false (`~`, `null`, `yes`…) are no dates either: Time.parse('') and Time.parse('true') fail.
    return text.length > 5 || /^[^ytonf~]/i.test(text) ? { type: 'String', text } : { type: 'other', text };
  }
  if (PSYCH_TIME.test(text)) {
    const fields = parseDateFields(text);
    if (!fields || fields.shape !== 'iso') return null;
    // Time.utc raises ArgumentError beyond these, and Psych keeps the String; hour 24 and second 60 it
    // takes, rolling over: newslint does not follow that far.
    if (!inRange({ ...fields, second: Math.min(fields.second, 59) }, 24)) return { type: 'String', text };
    if (!inRange(fields, 23)) return null;
    return { type: 'Time', fields };
  }
  if (PSYCH_DATE.test(text)) {
    const fields = parseDateFields(text)!;
    // Date.strptime refuses a day the month does not have: the value stays a String.
    const real = DateTime.utc(fields.year, fields.month, fields.day).isValid;
    return real ? { type: 'Date', fields } : { type: 'String', text };
  }
  return { type: 'String', text };
}

/** Fields Ruby's Time.utc / Time.local accept: day 29–31 roll over into the next month, nothing else does. */
function inRange(f: DateFields, maxHour: number): boolean {
  return f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= 31 && f.hour <= maxHour && f.minute <= 59 && f.second <= 59;
}

/** The instant of fields as Ruby's Time.local / Time.new do it: days past the month's end roll over. */
function rubyInstant(f: DateFields, zone: Zone, month = f.month, day = f.day): number {
  const wall = new Date(Date.UTC(f.year, month - 1, day, f.hour, f.minute, f.second, fractionMs(f.fraction)));
  wall.setUTCFullYear(f.year, month - 1, day);
  const fields = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: f.hour, minute: f.minute, second: f.second, millisecond: fractionMs(f.fraction) };
  const where = f.offset === null ? luxonZone(zone) : FixedOffsetZone.instance(f.offset);
  return DateTime.fromObject(fields, { zone: where }).toMillis();
}

/** Time.parse(text) as Ruby 3.1 reads the shapes newslint knows: an instant, 'fatal' (ArgumentError), or null. */
function timeParse(text: string, zone: Zone): number | 'fatal' | null {
  const f = parseDateFields(text);
  // Time.parse needs digits or a month's name (which it completes with the current year: not claimed here).
  if (!f) return /\d/.test(text) || MONTH_WORD.test(text) ? null : 'fatal';
  switch (f.shape) {
    case 'cjk':
    case 'epoch':
      return 'fatal';
    case 'year-last':
      // Ruby reads 31/10/2021 day first; with dashes or dots newslint does not know.
      if (!text.includes('/')) return null;
      if (f.day > 12) return 'fatal';
      return f.month <= 31 ? rubyInstant(f, zone, f.day, f.month) : 'fatal';
    default:
      if (f.month > 12 || f.day > 31 || f.hour > 24) return 'fatal';
      return inRange(f, 23) ? rubyInstant(f, zone) : null;
  }
}

function read(v: DateSource, _key: string, timezone: string | undefined): DateReading {
  const zone = timezone ?? 'system';
  const value = psych(v);
  if (!value) return { kind: 'unknown' };
  const fatal = { kind: 'fatal', why: 'Jekyll stops the build on it ("Invalid date")' } as const;
  let ms: number;
  let why: string | undefined;
  let text: string;
  switch (value.type) {
    case 'Time': {
      const f = value.fields;
      // Psych: without an offset the fields are UTC; Jekyll then reads the Time's to_s, whole seconds only.
      ms = Math.floor(rubyInstant({ ...f, offset: f.offset ?? 0 }, 'UTC') / 1000) * 1000;
      if (f.offset === null) why = `Jekyll (Psych) reads a YAML timestamp without an offset as UTC, not in ${zoneLabel(zone)}`;
      else if (fractionMs(f.fraction)) why = 'Jekyll drops the fraction of a second of a YAML timestamp';
      text = v.source.trim();
      break;
    }
    case 'Date':
      ms = rubyInstant(value.fields, zone);
      text = v.source.trim();
      break;
    case 'String': {
      const parsed = timeParse(value.text, zone);
      if (parsed === 'fatal') return fatal;
      if (parsed === null) return { kind: 'unknown' };
      ms = parsed;
      text = value.text;
      break;
    }
    default: {
      if (value.text === '' || /^(?:~|null|true|false|yes|no|on|off|y|n)$/i.test(value.text)) return fatal;
      const parsed = timeParse(value.text, zone);
      if (parsed === null) return { kind: 'unknown' };
      if (parsed === 'fatal') return fatal;
      return { kind: 'instant', ms: parsed, canonical: false };
    }
  }
  const f = parseDateFields(text);
  const written = readWritten(text, zone);
  // A Date, or a String without offset, is Ruby local time: the site's zone, or wherever the site builds.
  const floating = !timezone && value.type !== 'Time' && f?.offset === null;
  // A Time without offset is UTC to Psych: right only in a site whose timezone is UTC.
  const utcTime = value.type === 'Time' && value.fields.offset === null && !timezone;
  // A zone-less time the zone repeats (or skips) may be published as either instant.
  const same = (written.kind === 'date' && written.ms === ms) || (f?.offset === null && showsWallClock(ms, zone, f));
  const canonical = f?.shape === 'iso' && f.padded && same && !utcTime;
  return { kind: 'instant', ms, canonical, floating, why };
}

function write(ms: number, timezone: string | undefined, style: 'iso' | 'generator', dateOnly: boolean, floating: boolean): string[] {
  const zone = timezone ?? 'system';
  const fraction = ms % 1000 ? '.SSS' : '';
  const out = dateOnly && isMidnight(ms, zone) ? [formatIn(ms, zone, 'yyyy-MM-dd')] : [];
  // Jekyll's documented form `YYYY-MM-DD HH:MM:SS +/-TTTT`, or ISO 8601: both carry their offset; local
  // time (a quoted string: a YAML timestamp without offset is UTC) for a value Jekyll read as local time.
  const separator = style === 'iso' ? "'T'" : ' ';
  const format = `yyyy-MM-dd${separator}HH:mm:ss${fraction}${floating ? '' : style === 'iso' ? 'ZZ' : ' ZZZ'}`;
  return [...out, formatIn(ms, zone, format)];
}

function fallback(key: string, post: DatePost): DateFallback {
  if (key !== 'date') return { kind: 'none', what: 'nothing (Jekyll reads no other key as a date)', ms: null };
  const abs = path.resolve(post.filePath);
  const rel = path.relative(post.settings.contentDir, abs);
  const folders = (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).slice(0, -1);
  // Collections (_posts, _drafts, _anything) hold documents; everything else is a page, which has no date.
  if (!folders.some((f) => f.startsWith('_'))) return { kind: 'none', what: 'no date (a page)', ms: null };
  const dated = DATED_NAME.exec(path.basename(abs));
  if (dated) {
    const ms = timeParse(dated[1], post.timezone ?? 'system');
    return { kind: 'post', what: 'the date in the file name', ms: typeof ms === 'number' ? ms : null, floating: !post.timezone };
  }
  if (folders.includes('_drafts')) return { kind: 'file', what: "the file's modification time", ms: post.file?.mtime.getTime() ?? null };
  return { kind: 'build', what: 'the time of each build (site.time)', ms: null };
}

export const jekyllDates: DateModel = {
  keys: ['date'],
  foldKey: (key) => key,
  zone: (timezone) => timezone ?? 'system',
  read,
  write,
  fallback,
};
