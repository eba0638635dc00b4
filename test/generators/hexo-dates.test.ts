// What Hexo publishes for a post's date, before and after date-format's fix, computed by Hexo's own code in
// this process: hexo-front-matter 4.2.1's parse() and hexo 8.1.2's toDate / adjustDateForTimezone, called as
// processor/post.js calls them, with the build machine's zone pinned (process.env.TZ) to several zones in turn.
// A fix must never change the published date, and must write a date that means the same on any machine:
// the instant itself when the site has a timezone, and, without one, what the old value meant wherever the
// site builds (wall-clock time for a zone-less date, the instant for one that names its zone).
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { fixText, lintText } from '../../src/engine/linter.js';
import { RuleTester } from '../../src/rule-tester.js';
import { GENERATORS, siteWithoutRoot } from '../../src/generators/index.js';
import rule from '../../rules/date-format.js';

// The machine's zone is this file's to change: give it back.
const MACHINE_TZ = process.env.TZ;
afterAll(() => {
  if (MACHINE_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = MACHINE_TZ;
});

const require = createRequire(import.meta.url);
const { parse } = require('hexo-front-matter') as { parse: (s: string) => Record<string, unknown> };
const { escapeFileContent } = createRequire(require.resolve('hexo'))('hexo-fs') as { escapeFileContent: (s: string) => string };
const { toDate, adjustDateForTimezone } = require('hexo/dist/plugins/processor/common.js') as {
  toDate: (d: unknown) => Date | undefined;
  adjustDateForTimezone: (d: Date, tz: string) => Date;
};

const hexo = GENERATORS.hexo.dates;
const MACHINES = ['UTC', 'Asia/Shanghai', 'America/New_York'];
const SITES = [undefined, 'Asia/Shanghai', 'America/New_York', 'UTC'];
/** The file's times before the fix, and the birthtime the atomic write gives it. */
const FILE = { size: 100, mtime: new Date('2024-05-02T03:04:05.000Z'), birthtime: new Date('2024-05-01T10:00:00.000Z') };
const REWRITTEN = new Date('2026-01-01T00:00:00.000Z');
const POST = '/site/source/_posts/a.md';

/**
 * adjustDateForTimezone takes the site's offset at the machine-local reading, not at the instant: within a
 * day of a daylight-saving change in the site's zone, even a zone-less date is published at an instant that
 * depends on the build machine (`2005-03-26 20:00:00` in a Europe/London site: 20:00Z built in UTC, 19:00Z
 * in New York). No text means one instant there; the fix keeps this machine's.
 */
function nearChange(ms: number, timezone: string | undefined): boolean {
  const day = 26 * 3600_000;
  return timezone !== undefined && DateTime.fromMillis(ms - day, { zone: timezone }).offset !== DateTime.fromMillis(ms + day, { zone: timezone }).offset;
}

/** Sets the build machine's zone for every Date from now on. */
function machine(zone: string): void {
  process.env.TZ = zone;
  expect(-new Date(Date.UTC(2021, 0, 15)).getTimezoneOffset() || 0).toBe(DateTime.fromMillis(Date.UTC(2021, 0, 15), { zone }).offset);
}

/**
 * processor/post.js on a file as hexo-fs reads it (escapeFileContent: CRLF as LF, no BOM):
 * `if (data.date) data.date = toDate(data.date); … if (timezone) adjust…; else stats.birthtime`.
 */
function published(text: string, timezone: string | undefined, birthtime: Date): number {
  let date = parse(escapeFileContent(text)).date as unknown;
  if (date) date = toDate(date);
  if (date) {
    if (timezone) date = adjustDateForTimezone(date as Date, timezone);
  } else date = birthtime;
  return (date as Date).getTime();
}

function fix(text: string, timezone: string | undefined, options: Record<string, unknown> = {}) {
  const opts = { rules: [RuleTester.configure(rule, options)], site: siteWithoutRoot('hexo', { timezone }), file: FILE, filePath: POST };
  const { output, passes } = fixText(text, opts);
  return { messages: lintText(text, opts), output, passes, opts };
}

const post = (value: string) => `---\ntitle: t\ndate: ${value}\n---\nbody\n`;

const VALUES = [
  // RFC 2822 and other dates that name their zone
  'Sun, 31 Oct 2021 00:06:29 GMT', "'Sun, 31 Oct 2021 00:06:29 GMT'", 'Sun, 31 Oct 2021 08:06:29 +0800', '31 Oct 2021 00:06:29 -0500',
  '2021-10-31T08:06:29+08:00', '2021-10-31T08:06:29Z', "'2021-10-31T08:06:29+08:00'", "'2021-10-31T08:06:29.5+08:00'",
  // the forms of the issue: Jekyll's documented form, a spaced zone, unpadded fields, fractions of a second
  '2021-02-05 08:00:00 -0800', '2021-02-05 08:00:00 +08:00', '2021-5-20 08:00:00 -0800', '2021-10-31T08:00:00.000000000 +00:00',
  '2021-10-31 08:00:00.123456 +00:00',
  // zone-less: wall clock in the site's timezone
  '2021-10-31 08:06:29', "'2021-10-31 08:06:29'", '2021-10-31T08:06:29', '2021-10-31', "'2021-10-31'", '2021-10-31 08:06',
  '2021/10/31 08:06', '2021/1/5', '2021.10.31 8:06:07', '31 Oct 2021', 'October 31, 2021 08:06', 'Sunday, 31 October 2021',
  '10/31/2021 08:06', '05/05/2021', '2021-10-31 08:06:29.123',
  // daylight saving: a gap and an overlap in New York
  '2021-03-14 02:30:00', '2021-11-07 01:30:00',
  // numbers
  '1635638789123', "'1635638789'", '1635638789',
  // what V8 cannot read: Hexo takes the file's creation time
  'Invalid Date', 'yesterday', '', "''", '2021年10月31日 08:06', '2021年10月31日', '31/10/2021', '13/13/2021', '2021-10-31 25:00',
  // what V8 reads in its own way
  'true', 'foo 2021', '2021-02-30', '01/02/2021', 'Mon, 31 Oct 2021 00:06:29 GMT',
];
/** Reported without a fix: the text contradicts itself, and only a person can say what was meant. */
const BY_HAND = new Set(['2021-02-30', '01/02/2021', 'Mon, 31 Oct 2021 00:06:29 GMT']);

describe('Hexo dates: newslint reads what Hexo publishes', () => {
  for (const zone of MACHINES) {
    it(`on a machine in ${zone}`, () => {
      machine(zone);
      for (const timezone of SITES) {
        for (const value of VALUES) {
          const want = published(post(value), timezone, FILE.birthtime);
          const reading = hexo.read({ source: value, language: 'yaml' }, 'date', timezone);
          const where = `${value} (site ${timezone ?? 'without timezone'})`;
          if (want === FILE.birthtime.getTime()) expect(reading.kind, where).toBe('unreadable');
          else expect(reading.kind === 'instant' && reading.ms, where).toBe(want);
        }
      }
    });
  }
});

describe('Hexo dates: a fix never moves a post, on any machine', () => {
  for (const zone of MACHINES) {
    it(`fixing on a machine in ${zone}`, () => {
      for (const timezone of SITES) {
        for (const value of VALUES) {
          machine(zone);
          const text = post(value);
          const before = published(text, timezone, FILE.birthtime);
          const { output, messages, opts } = fix(text, timezone);
          const where = `${value} (site ${timezone ?? 'without timezone'}) → ${output.split('\n')[2]}`;
          if (output === text) {
            // unfixed: not reported, or reported as needing a person
            expect(messages.every((m) => !m.fix) && (messages.length === 0 || BY_HAND.has(value)), where).toBe(true);
            continue;
          }
          expect(BY_HAND.has(value), where).toBe(false);
          expect(published(output, timezone, REWRITTEN), where).toBe(before);
          expect(lintText(output, opts), where).toEqual([]);
          // The fixed date means the same wherever the site builds: the same instant with a site timezone;
          // without one, what the old value meant on that machine.
          const fellBack = before === FILE.birthtime.getTime();
          if (nearChange(before, timezone)) continue;
          for (const other of MACHINES) {
            machine(other);
            const then = published(output, timezone, REWRITTEN);
            if (timezone || fellBack) expect(then, `${where}, built in ${other}`).toBe(before);
            else expect(then, `${where}, built in ${other}`).toBe(published(text, timezone, FILE.birthtime));
          }
        }
      }
    });
  }

  it("shows Hexo's own dependence on the machine near a daylight-saving change", () => {
    const text = post('2005-03-26 20:00:00');
    machine('UTC');
    expect(published(text, 'Europe/London', FILE.birthtime)).toBe(Date.UTC(2005, 2, 26, 20));
    machine('America/New_York');
    expect(published(text, 'Europe/London', FILE.birthtime)).toBe(Date.UTC(2005, 2, 26, 19));
    expect(hexo.read({ source: '2005-03-26 20:00:00', language: 'yaml' }, 'date', 'Europe/London')).toMatchObject({ kind: 'instant', ms: Date.UTC(2005, 2, 26, 19) });
  });

  it('writes the forms the issue asks for', () => {
    machine('UTC');
    const line = (value: string, timezone?: string, options?: Record<string, unknown>) => fix(post(value), timezone, options).output.split('\n')[2];
    // with a site timezone: zone-less wall clock in it, `hexo new`'s form with format "generator"
    expect(line('Sun, 31 Oct 2021 00:06:29 GMT', 'Asia/Shanghai')).toBe('date: 2021-10-31T00:06:29');
    expect(line('Sun, 31 Oct 2021 00:06:29 GMT', 'Asia/Shanghai', { format: 'generator' })).toBe('date: 2021-10-31 00:06:29');
    expect(line('2021/10/31 08:06', 'Asia/Shanghai')).toBe('date: 2021-10-31T08:06:00');
    expect(line('31 Oct 2021', 'Asia/Shanghai')).toBe('date: 2021-10-31');
    // without one: an instant keeps its offset (quoted: Hexo ignores a YAML timestamp's offset)…
    expect(line('Sun, 31 Oct 2021 08:06:29 +0800')).toBe("date: '2021-10-31T00:06:29+00:00'");
    expect(line('Sun, 31 Oct 2021 08:06:29 +0800', undefined, { format: 'hexo' })).toBe("date: '2021-10-31 00:06:29 +00:00'");
    // …and wall-clock time stays wall-clock time
    expect(line('2021/10/31 08:06')).toBe('date: 2021-10-31T08:06:00');
    expect(line('2021-10-31T08:06:29+08:00')).toBe('date: 2021-10-31T00:06:29');
    // a date Hexo cannot read: the file's creation time
    expect(line('Invalid Date', 'Asia/Shanghai')).toBe('date: 2024-05-01T18:00:00');
    expect(line('Invalid Date')).toBe("date: '2024-05-01T10:00:00+00:00'");
  });

  it('adds the date Hexo publishes to front matter without one', () => {
    for (const zone of MACHINES) {
      machine(zone);
      for (const timezone of SITES) {
        for (const text of ['---\ntitle: t\n---\nbody\n', '\n---\ntitle: t\r\n---\r\nbody\r\n', 'title: t\n---\nbody\n', '---\ntitle: t\n# a comment\n---\nbody\n']) {
          const before = published(text, timezone, FILE.birthtime);
          expect(before).toBe(FILE.birthtime.getTime());
          const { output } = fix(text, timezone);
          expect(output, JSON.stringify(text)).not.toBe(text);
          expect(published(output, timezone, REWRITTEN), `${JSON.stringify(output)} (site ${timezone})`).toBe(before);
          expect(parse(escapeFileContent(output))._content).toBe(parse(escapeFileContent(text))._content);
        }
      }
    }
  });
});

describe('Hexo dates: generated dates', () => {
  const SITE_ZONES = [undefined, 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }).chain((ms) => fc.constantFrom(ms - (ms % 1000), ms - (ms % 60000), ms));
  const offset = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15);
  const zoneOf = (minutes: number) => `UTC${minutes < 0 ? '-' : '+'}${Math.floor(Math.abs(minutes) / 60)}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  const value = fc.tuple(instant, offset, fc.integer({ min: 0, max: 9 })).map(([ms, off, shape]) => {
    const dt = DateTime.fromMillis(ms, { zone: zoneOf(off) }).setLocale('en-US');
    switch (shape) {
      case 0: return dt.toRFC2822()!;
      case 1: return dt.toISO()!;
      case 2: return `'${dt.toISO()}'`;
      case 3: return dt.toFormat('yyyy-MM-dd HH:mm:ss ZZZ');
      case 4: return dt.toFormat('yyyy-MM-dd HH:mm:ss');
      case 5: return dt.toFormat('yyyy/M/d H:mm');
      case 6: return `'${dt.toFormat('yyyy-MM-dd HH:mm:ss.SSS')}'`;
      case 7: return String(ms);
      case 8: return dt.toFormat("yyyy'年'M'月'd'日' HH:mm");
      default: return dt.toFormat('d LLL yyyy');
    }
  });
  it('keep what Hexo publishes, and mean it on every machine (but within a day of a daylight-saving change)', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...SITE_ZONES), fc.constantFrom(...MACHINES), (v, timezone, zone) => {
        machine(zone);
        const text = post(v);
        const before = published(text, timezone, FILE.birthtime);
        const reading = hexo.read({ source: v, language: 'yaml' }, 'date', timezone);
        expect(reading.kind === 'instant' ? reading.ms : FILE.birthtime.getTime()).toBe(before);
        const { output } = fix(text, timezone);
        expect(published(output, timezone, REWRITTEN)).toBe(before);
        if (output === text || nearChange(before, timezone)) return;
        for (const other of MACHINES) {
          machine(other);
          const then = published(output, timezone, REWRITTEN);
          if (timezone || before === FILE.birthtime.getTime()) expect(then).toBe(before);
          // wall clock that one of the machines skips (a spring-forward night) is no wall clock there
          else if (!nearChange(before, zone) && !nearChange(before, other)) expect(then).toBe(published(text, timezone, FILE.birthtime));
        }
      }),
      { numRuns: Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 300), seed: Number(process.env.NEWSLINT_SEED ?? 20261130) },
    );
  });
});
