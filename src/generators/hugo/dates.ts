// Dates as Hugo 0.111.3 reads and publishes them (Debian's hugo 0.111.3: the source of that version, and
// test/generators/hugo-dates.test.ts builds a real site printing `.Date` for every form below):
//
// - YAML front matter is read by yaml.v2 into interface{} values: a timestamp stays a string, an integer is an
//   int, a float a float64; JSON numbers are float64. TOML's own dates are dates.
// - resources/page/pagemeta/page_frontmatter.go: each date (date, lastmod, publishDate, expiryDate) comes
//   from the first handler of its chain that succeeds; a value is read by htime.ToTimeInDefaultLocationE →
//   cast.ToTimeInDefaultLocationE(value, the site's location): an int is seconds since 1970; a string is
//   tried against cast's layouts (caste.go, timeFormats, below) with Go's time.Parse; a layout without a
//   zone, or with only a zone name (`GMT`, `MST`: Go does not know their offsets), is read as wall clock in
//   the site's `timeZone` (UTC when unset). A value no layout reads, a float or a bool fails silently: the
//   next handler of the chain is tried, and a date nothing sets is the zero time, 0001-01-01.
// - The chains ([frontmatter] in the site config): date ← date, publishDate, lastmod; lastmod ← :git,
//   lastmod, date, publishDate; publishDate ← publishDate, date; expiryDate ← expiryDate. Aliases:
//   lastmod/modified, publishDate/pubdate/published, expiryDate/unpublishdate. Keys ignore case.

import path from 'node:path';
import { DateTime, FixedOffsetZone } from 'luxon';
import { formatIn, fractionMs, isMidnight, luxonZone, monthIndex, parseDateFields, readWritten, scalarText, showsWallClock, weekdayIndex, zoneLabel, type DateFields, type Zone } from '../../util/dates.js';
import type { DateFallback, DateModel, DatePost, DateReading, DateSource } from '../types.js';

type ZoneKind = 'none' | 'named' | 'numeric';

interface Layout {
  /** Go's layout, as cast lists it. */
  go: string;
  re: RegExp;
  zone: ZoneKind;
  /** A form Hugo documents (RFC 3339 and its relatives): not reported when it means what Hugo publishes. */
  documented: boolean;
}

// Go's time.Parse: a space in the layout takes any run of spaces; `15` is one or two digits, `01` `02` `04`
// `05` exactly two, `_2` one or two; names of days and months match case-insensitively (their first three
// letters, `Monday` in full); fractions of a second may follow the seconds even where the layout has none.
const D = '(\\d{4})-(\\d{2})-(\\d{2})';
const T = '(\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d+))?';
const NAMED = '([A-Z]{3}|[A-Z]{3,4}T|GMT[+-]\\d{1,2})';
const layout = (go: string, source: string, zone: ZoneKind, documented = false): Layout => ({ go, re: new RegExp(`^${source}$`), zone, documented });

/** cast v1.5's timeFormats, in its order; the time-only layouts (Kitchen, Stamp…) give year 0 and are left out. */
const LAYOUTS: Layout[] = [
  layout('2006-01-02T15:04:05Z07:00', `${D}T${T}(Z|[+-]\\d{2}:\\d{2})`, 'numeric', true),
  layout('2006-01-02T15:04:05', `${D}T${T}`, 'none', true),
  layout('Mon, 02 Jan 2006 15:04:05 -0700', `([A-Za-z]{3}), +(\\d{2}) +([A-Za-z]{3}) +(\\d{4}) +${T} +([+-]\\d{4})`, 'numeric'),
  layout('Mon, 02 Jan 2006 15:04:05 MST', `([A-Za-z]{3}), +(\\d{2}) +([A-Za-z]{3}) +(\\d{4}) +${T} +${NAMED}`, 'named'),
  layout('02 Jan 06 15:04 -0700', '(\\d{2}) +([A-Za-z]{3}) +(\\d{2}) +(\\d{1,2}):(\\d{2}) +([+-]\\d{4})', 'numeric'),
  layout('02 Jan 06 15:04 MST', `(\\d{2}) +([A-Za-z]{3}) +(\\d{2}) +(\\d{1,2}):(\\d{2}) +${NAMED}`, 'named'),
  layout('Monday, 02-Jan-06 15:04:05 MST', `([A-Za-z]{6,9}), +(\\d{2})-([A-Za-z]{3})-(\\d{2}) +${T} +${NAMED}`, 'named'),
  layout('2006-01-02 15:04:05.999999999 -0700 MST', `${D} +${T} +([+-]\\d{4}) +${NAMED}`, 'numeric'),
  layout('2006-01-02T15:04:05-0700', `${D}T${T}([+-]\\d{4})`, 'numeric', true),
  layout('2006-01-02 15:04:05Z0700', `${D} +${T}(Z|[+-]\\d{4})`, 'numeric', true),
  layout('2006-01-02 15:04:05', `${D} +${T}`, 'none', true),
  layout('Mon Jan _2 15:04:05 2006', `([A-Za-z]{3}) +([A-Za-z]{3}) +(\\d{1,2}) +${T} +(\\d{4})`, 'none'),
  layout('Mon Jan _2 15:04:05 MST 2006', `([A-Za-z]{3}) +([A-Za-z]{3}) +(\\d{1,2}) +${T} +${NAMED} +(\\d{4})`, 'named'),
  layout('Mon Jan 02 15:04:05 -0700 2006', `([A-Za-z]{3}) +([A-Za-z]{3}) +(\\d{2}) +${T} +([+-]\\d{4}) +(\\d{4})`, 'numeric'),
  layout('2006-01-02 15:04:05Z07:00', `${D} +${T}(Z|[+-]\\d{2}:\\d{2})`, 'numeric', true),
  layout('2006-01-02', D, 'none', true),
  layout('02 Jan 2006', '(\\d{2}) +([A-Za-z]{3}) +(\\d{4})', 'none'),
  layout('2006-01-02 15:04:05 -07:00', `${D} +${T} +([+-]\\d{2}:\\d{2})`, 'numeric', true),
  layout('2006-01-02 15:04:05 -0700', `${D} +${T} +([+-]\\d{4})`, 'numeric', true),
];

/** A Go time's fields: those of a date as util/dates.ts reads one. */
type GoTime = Pick<DateFields, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction' | 'offset'>;

/** The fields of one layout's match, by what each group is (the layouts above name them in this order). */
function fieldsOf(l: Layout, m: RegExpExecArray): GoTime | null {
  const g = m.slice(1);
  const time = (i: number) => ({ hour: +g[i], minute: +g[i + 1], second: +g[i + 2], fraction: g[i + 3] ?? '' });
  const offset = (z: string | undefined) => (l.zone !== 'numeric' || z === undefined ? null : z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (+z.slice(1, 3) * 60 + +z.slice(-2)));
  const twoDigitYear = (y: string) => (+y >= 69 ? 1900 : 2000) + +y;
  switch (l.go) {
    case 'Mon, 02 Jan 2006 15:04:05 -0700':
    case 'Mon, 02 Jan 2006 15:04:05 MST':
      if (!weekdayIndex(g[0])) return null;
      return { year: +g[3], month: monthIndex(g[2]), day: +g[1], ...time(4), offset: offset(g[8]) };
    case '02 Jan 06 15:04 -0700':
    case '02 Jan 06 15:04 MST':
      return { year: twoDigitYear(g[2]), month: monthIndex(g[1]), day: +g[0], hour: +g[3], minute: +g[4], second: 0, fraction: '', offset: offset(g[5]) };
    case 'Monday, 02-Jan-06 15:04:05 MST':
      if (!/^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(g[0])) return null;
      return { year: twoDigitYear(g[3]), month: monthIndex(g[2]), day: +g[1], ...time(4), offset: null };
    case 'Mon Jan _2 15:04:05 2006':
    case 'Mon Jan _2 15:04:05 MST 2006':
    case 'Mon Jan 02 15:04:05 -0700 2006':
      if (!weekdayIndex(g[0])) return null;
      return { year: +g[g.length - 1], month: monthIndex(g[1]), day: +g[2], ...time(3), offset: offset(g[7]) };
    case '02 Jan 2006':
      return { year: +g[2], month: monthIndex(g[1]), day: +g[0], hour: 0, minute: 0, second: 0, fraction: '', offset: null };
    default: // the ISO-like layouts: date, then time, then zone
      return { year: +g[0], month: +g[1], day: +g[2], ...(g[3] === undefined ? { hour: 0, minute: 0, second: 0, fraction: '' } : time(3)), offset: offset(g[7]) };
  }
}

/** Go's time.Date after time.Parse's range checks (month, day of that month, hour, minute, second). */
function goInstant(t: GoTime, zone: Zone): number | null {
  if (t.month < 1 || t.hour > 23 || t.minute > 59 || t.second > 59) return null;
  const dt = DateTime.fromObject(
    { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, millisecond: fractionMs(t.fraction) },
    { zone: t.offset === null ? luxonZone(zone) : FixedOffsetZone.instance(t.offset) },
  );
  return dt.isValid ? dt.toMillis() : null;
}

/** cast's parseDateWith: the first layout that parses wins; null when none does. */
export function castParse(text: string, zone: Zone): { ms: number; layout: Layout } | null {
  if (text.length > 64) return null;
  for (const l of LAYOUTS) {
    const m = l.re.exec(text);
    if (!m) continue;
    const t = fieldsOf(l, m);
    const ms = t && t.month ? goInstant(t, zone) : null;
    if (ms !== null) return { ms, layout: l };
  }
  return null;
}

/** yaml.v2's resolution of a plain scalar into interface{}, as far as dates care. */
const YAML_INT = /^[-+]?\d+$/;
const YAML_FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;
const YAML_NOT_STRING = /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\.inf|\.nan)$/;

function read(v: DateSource, _key: string, timezone: string | undefined): DateReading {
  const zone = timezone ?? 'UTC';
  const scalar = scalarText(v.source, v.language);
  if (!scalar) return { kind: 'unknown' };
  let text: string;
  if (scalar.kind === 'empty') return { kind: 'unreadable' };
  if (scalar.kind === 'json') {
    if (typeof scalar.value !== 'string') return { kind: 'unreadable' }; // a JSON number is a float64: cast cannot
    text = scalar.value;
  } else if (scalar.kind === 'plain' && YAML_INT.test(scalar.text)) {
    const seconds = Number(scalar.text);
    return Number.isSafeInteger(seconds * 1000) ? { kind: 'instant', ms: seconds * 1000, canonical: false } : { kind: 'unknown' };
  } else if (scalar.kind === 'plain' && (YAML_FLOAT.test(scalar.text) || YAML_NOT_STRING.test(scalar.text))) {
    return { kind: 'unreadable' };
  } else {
    text = scalar.text;
  }
  const parsed = castParse(text, zone);
  if (!parsed) return { kind: 'unreadable' };
  const written = readWritten(text, zone);
  const fields = parseDateFields(text);
  const same = (written.kind === 'date' && written.ms === parsed.ms) || (fields?.offset === null && showsWallClock(parsed.ms, zone, fields));
  const why = parsed.layout.zone === 'named' ? `Hugo ignores a zone name and reads the time in ${zoneLabel(zone)}` : undefined;
  return { kind: 'instant', ms: parsed.ms, canonical: parsed.layout.documented && same && /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:|$)/.test(text), why };
}

function write(ms: number, timezone: string | undefined, style: 'iso' | 'generator', dateOnly: boolean): string[] {
  // Hugo reads a zone-less date in the site's timeZone or UTC, never in the machine's: nothing floats.
  const zone = timezone ?? 'UTC';
  const fraction = ms % 1000 ? '.SSS' : '';
  const out = dateOnly && isMidnight(ms, zone) ? [formatIn(ms, zone, 'yyyy-MM-dd')] : [];
  // RFC 3339, or `2006-01-02 15:04:05 -0700`: both in Hugo's documentation, both carry their offset.
  const format = style === 'iso' ? `yyyy-MM-dd'T'HH:mm:ss${fraction}ZZ` : `yyyy-MM-dd HH:mm:ss${fraction} ZZZ`;
  return [...out, formatIn(ms, zone, format)];
}

type Field = 'date' | 'lastmod' | 'publishdate' | 'expirydate';

const ALIASES: Record<Field, string[]> = {
  date: ['date'],
  lastmod: ['lastmod', 'modified'],
  publishdate: ['publishdate', 'pubdate', 'published'],
  expirydate: ['expirydate', 'unpublishdate'],
};
const DEFAULT_CHAINS: Record<Field, string[]> = {
  date: ['date', 'publishdate', 'lastmod'],
  lastmod: [':git', 'lastmod', 'date', 'publishdate'],
  publishdate: ['publishdate', 'date'],
  expirydate: ['expirydate'],
};

function fieldOf(key: string): Field | null {
  const k = key.toLowerCase();
  return (Object.keys(ALIASES) as Field[]).find((f) => ALIASES[f].includes(k)) ?? null;
}

/** The handler chain of a date field: the site's [frontmatter] setting (`:default` expands), aliases added. */
function chain(field: Field, raw: Record<string, unknown>): string[] {
  const config = Object.entries((raw.frontmatter ?? raw.frontMatter ?? {}) as Record<string, unknown>).find(([k]) => k.toLowerCase() === field)?.[1];
  const ids = Array.isArray(config) && config.length ? config.map((x) => String(x).toLowerCase()) : DEFAULT_CHAINS[field];
  return ids.flatMap((id) => (id === ':default' ? DEFAULT_CHAINS[field] : [id])).flatMap((id) => (fieldOf(id) && !id.startsWith(':') ? ALIASES[fieldOf(id)!] : [id]));
}

/** time.Time{}: what Hugo shows as 0001-01-01. */
const ZERO = new Date(0).setUTCFullYear(1, 0, 1);

function fallback(key: string, post: DatePost): DateFallback {
  const field = fieldOf(key);
  if (!field) return { kind: 'none', what: 'nothing (Hugo reads no other key as a date)', ms: null };
  const zone = post.timezone ?? 'UTC';
  for (const id of chain(field, post.settings.raw)) {
    if (id === ':filename') {
      const base = path.basename(post.filePath).replace(/\.[^.]*$/, '');
      const parsed = base.length >= 10 ? castParse(base.slice(0, 10), zone) : null;
      if (parsed) return { kind: 'post', what: 'the date in the file name', ms: parsed.ms };
    } else if (id === ':filemodtime') {
      return { kind: 'file', what: "the file's modification time", ms: post.file?.mtime.getTime() ?? null };
    } else if (id === ':git') {
      if (post.settings.raw.enableGitInfo === true) return { kind: 'unknown', what: "the Git author date of the file's last commit", ms: null };
    } else if (!id.startsWith(':') && fieldOf(id) !== null && id !== key.toLowerCase()) {
      const value = post.value(id);
      const reading = value && read(value, id, post.timezone);
      if (reading?.kind === 'instant') return { kind: 'post', what: `its ${id}`, ms: reading.ms };
    }
  }
  if (field === 'expirydate') return { kind: 'none', what: 'no expiry', ms: null };
  return { kind: 'zero', what: 'the zero date, 0001-01-01', ms: ZERO };
}

export const hugoDates: DateModel = {
  keys: ['date', 'lastmod', 'publishDate', 'expiryDate', 'pubdate', 'published', 'modified', 'unpublishdate'],
  foldKey: (key) => key.toLowerCase(),
  zone: (timezone) => timezone ?? 'UTC',
  read,
  write,
  fallback,
};
