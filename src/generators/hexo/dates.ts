// Dates as Hexo 8.1.2 reads and publishes them (checked against hexo 8.1.2 and hexo-front-matter 4.2.1: their
// source, and test/generators/hexo-dates.test.ts runs their own code on every form below):
//
// - hexo-front-matter's parse() loads the YAML with js-yaml, then moves every top-level Date by the build
//   machine's offset: `new Date(d.getTime() + d.getTimezoneOffset() * 60000)`. A YAML timestamp's UTC fields
//   become wall-clock time on the build machine; an offset written in the timestamp is lost.
// - hexo/dist/plugins/processor/post.js: `if (data.date) data.date = toDate(data.date)`; toDate
//   (processor/common.js) is `new Date(value)` for anything but a Date (V8's lenient parser: a string naming
//   its zone is an instant, a zone-less one is machine-local time; a number is milliseconds) and undefined
//   when that is NaN. Then, with a site `timezone`, adjustDateForTimezone(date, timezone) reinterprets the
//   machine-local wall clock as wall clock in that zone: `ms - (date.getTimezoneOffset() -
//   moment.tz.zone(timezone).utcOffset(ms)) * 60000`. A missing, falsy or unreadable date becomes
//   `stats.birthtime` (not adjusted). `updated` is read the same way; missing, it follows `updated_option`
//   ('mtime', the default: stats.mtime; 'date'; 'empty').
// - Pages (processor/asset.js, every rendered file outside _posts and _drafts) do the same, but a missing
//   date becomes stats.ctime.
//
// So a zone-less date (`2021-10-31 08:06:29`, what `hexo new` writes) is wall-clock time in the site's
// timezone on any machine (the machine's own zone when the site sets none), while a date that names its zone
// (`Sun, 31 Oct 2021 00:06:29 GMT`) is moved by the difference between the machine's zone and the site's:
// what Hexo publishes for it depends on where it builds. newslint computes what Hexo publishes in its own
// process (it runs where the site builds), and writes dates Hexo reads the same on any machine.

import path from 'node:path';
import yaml from 'js-yaml';
import { IANAZone } from 'luxon';
import { formatIn, instantOf, isMidnight, machineZone, parseDateFields, showsWallClock, wallClock, zoneLabel } from '../../util/dates.js';
import type { DateFallback, DateModel, DatePost, DateReading, DateSource } from '../types.js';

const UNREADABLE = Symbol('unreadable YAML');

/** The value as Hexo loads it: js-yaml's default schema for YAML, JSON.parse for `;;;` JSON. */
function load({ source, language }: DateSource): unknown {
  if (source.trim() === '') return null;
  try {
    return language === 'json' ? JSON.parse(source) : yaml.load(source);
  } catch {
    return UNREADABLE;
  }
}

/** The instant Hexo publishes for a loaded value, on this machine; null when it falls back to a file time. */
export function hexoPublishes(value: unknown, timezone: string | undefined): number | null {
  // hexo-front-matter: a YAML timestamp keeps its UTC fields as machine-local wall clock
  if (value instanceof Date) value = new Date(value.getTime() + value.getTimezoneOffset() * 60000);
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value as string);
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  if (!timezone) return ms;
  // adjustDateForTimezone; moment-timezone's utcOffset counts minutes west, as getTimezoneOffset does
  const target = -IANAZone.create(timezone).offset(ms);
  return ms - (date.getTimezoneOffset() - target) * 60000;
}

/** V8 reads an ISO date without time (`2021-10-31`, as a string) as midnight UTC, not local time. */
const ES_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function judge(value: unknown, source: string, ms: number, timezone: string | undefined): { canonical: boolean; floating?: boolean; why?: string } {
  const zone = timezone ?? 'system';
  const shifted = timezone
    ? `then moves it by the difference between this machine's zone (${machineZone()}) and the site's timezone (${timezone}), so the date depends on where the site is built`
    : '';
  // Without a site timezone, a YAML timestamp and a zone-less string are wall clock wherever the site builds.
  const floating = !timezone;
  if (value instanceof Date) {
    const f = parseDateFields(source);
    if (!f || f.shape !== 'iso') return { canonical: false, floating };
    const written = instantOf(f, zone);
    const same = 'ms' in written && written.ms === ms;
    if (f.offset === null) return { canonical: (same || showsWallClock(ms, zone, f)) && f.padded, floating };
    return {
      // With a site timezone an offset of +00:00 is harmless when the site is in UTC; without one it depends on the machine.
      canonical: same && f.padded && timezone !== undefined,
      floating,
      why: `Hexo ignores the offset of a YAML timestamp (${f.zone}) and reads its UTC time as wall-clock time in ${zoneLabel(zone)}`,
    };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (ES_DATE_ONLY.test(text)) {
      return { canonical: false, why: `Hexo reads a quoted date without time as midnight UTC${shifted ? `, ${shifted}` : ''}` };
    }
    const f = parseDateFields(text);
    if (f && f.offset !== null && timezone) return { canonical: false, why: `Hexo reads a date that names its zone as an instant, ${shifted}` };
    // V8 reads a string without a zone (newslint's shapes, and whatever else it takes) as local time.
    if (!f) return { canonical: false, floating, why: "JavaScript's Date reads it so" };
    const written = instantOf(f, zone);
    const same = ('ms' in written && written.ms === ms) || (f.offset === null && showsWallClock(ms, zone, f));
    return { canonical: f.shape === 'iso' && f.padded && f.hasTime && same, floating: floating && f.offset === null };
  }
  const what = typeof value === 'number' ? 'a number' : `${String(value)}`;
  return { canonical: false, why: `Hexo reads ${what} as milliseconds since 1970${shifted ? `, ${shifted}` : ''}` };
}

function read(v: DateSource, _key: string, timezone: string | undefined): DateReading {
  const value = load(v);
  if (value === UNREADABLE || (value !== null && typeof value === 'object' && !(value instanceof Date))) return { kind: 'unknown' };
  const ms = hexoPublishes(value, timezone);
  if (ms === null) return { kind: 'unreadable' };
  return { kind: 'instant', ms, ...judge(value, v.source.trim(), ms, timezone) };
}

function write(ms: number, timezone: string | undefined, style: 'iso' | 'generator', dateOnly: boolean, floating: boolean): string[] {
  const separator = style === 'iso' ? 'T' : ' ';
  if (timezone || floating) {
    // Zone-less wall clock, what `hexo new` writes: in the site's timezone, the same instant on any machine;
    // without one, wall clock wherever the site builds, as the value it replaces.
    const zone = timezone ?? 'system';
    const out = dateOnly && isMidnight(ms, zone) ? [formatIn(ms, zone, 'yyyy-MM-dd')] : [];
    return [...out, wallClock(ms, zone, separator)];
  }
  // An instant, and no site timezone: with its offset (as a string: a YAML timestamp's offset is lost) Hexo
  // reads the same instant on any machine.
  const fraction = ms % 1000 ? '.SSS' : '';
  return [formatIn(ms, 'system', style === 'iso' ? `yyyy-MM-dd'T'HH:mm:ss${fraction}ZZ` : `yyyy-MM-dd HH:mm:ss${fraction} ZZ`)];
}

/** Hexo renders pages from every file of the source folder outside _posts and _drafts. */
function isPage(filePath: string, contentDir: string): boolean {
  const rel = path.relative(contentDir, path.resolve(filePath));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const top = rel.split(path.sep)[0];
  return top !== '_posts' && top !== '_drafts';
}

function fallback(key: string, post: DatePost): DateFallback {
  const { file, settings } = post;
  if (key === 'updated') {
    const option = settings.raw.updated_option;
    if (option === 'empty') return { kind: 'none', what: 'no updated date (updated_option: empty)', ms: null };
    if (option === 'date') {
      const date = post.value('date');
      const reading = date && read(date, 'date', post.timezone);
      if (reading?.kind === 'instant') return { kind: 'post', what: 'its date (updated_option: date)', ms: reading.ms, floating: reading.floating };
      return fallback('date', post);
    }
    return { kind: 'file', what: "the file's modification time", ms: file?.mtime.getTime() ?? null };
  }
  if (key !== 'date') return { kind: 'none', what: 'nothing (Hexo reads no other key as a date)', ms: null };
  if (isPage(post.filePath, settings.contentDir)) {
    return { kind: 'file', what: "the file's ctime (the time of its last change of any kind)", ms: null };
  }
  const newPostName = settings.raw.new_post_name;
  if (typeof newPostName === 'string' && /:year/.test(newPostName) && /:i?_?month/.test(newPostName) && /:i?_?day/.test(newPostName)) {
    return { kind: 'unknown', what: 'the date in the file name (new_post_name)', ms: null };
  }
  if (file && !file.birthtime) {
    return { kind: 'file', what: "the file's modification time (the file system records no creation time)", ms: file.mtime.getTime() };
  }
  return { kind: 'file', what: "the file's creation time", ms: file?.birthtime?.getTime() ?? null };
}

export const hexoDates: DateModel = {
  keys: ['date', 'updated'],
  foldKey: (key) => key,
  zone: (timezone) => timezone ?? 'system',
  read,
  write,
  fallback,
};
