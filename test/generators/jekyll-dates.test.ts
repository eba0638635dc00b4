// What Jekyll 4.3.1 publishes for a post's date, asked of Jekyll's own code in real Ruby (Debian's jekyll and
// ruby, as .ci/run installs them): Jekyll::Utils.safe_load_yaml reads the front matter as a post's, and
// Jekyll::Utils.parse_date reads `date.to_s` as Document#merge_date! does, with ENV["TZ"] set as the site's
// `timezone` sets it. newslint's model must agree wherever it claims to know, and date-format's fixes must
// keep what Jekyll publishes (or, where Jekyll stops the build, write what newslint reads in the date).
// A real `jekyll build` checks the whole chain once, file-name dates included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/linter.js';
import { RuleTester } from '../../src/rule-tester.js';
import { GENERATORS, siteWithoutRoot } from '../../src/generators/index.js';
import rule from '../../rules/date-format.js';

// The machine's zone is this file's to change: give it back.
const MACHINE_TZ = process.env.TZ;
afterAll(() => {
  if (MACHINE_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = MACHINE_TZ;
});

const jekyll = GENERATORS.jekyll.dates;
const MACHINES = ['UTC', 'Asia/Shanghai'];
const SITES = [undefined, 'Asia/Shanghai', 'America/New_York'];
const FILE = { size: 100, mtime: new Date('2024-05-02T03:04:05.000Z'), birthtime: new Date('2024-05-01T10:00:00.000Z') };
const POST = '/site/_posts/2021-01-02-a.md';

const VALUES = [
  '2021-02-05 08:00:00 -0800', '2021-02-05 08:00:00 +08:00', '2021-5-20 08:00:00 -0800', '2021-10-31T08:00:00.000000000 +00:00',
  '2021-10-31 08:00:00.123456 +00:00', '2021-10-31T08:06:29Z', '2021-10-31T08:06:29+08:00', '2021-10-31 08:06:29 +08',
  '2021-10-31 08:06:29', '2021-10-31T08:06:29', "'2021-10-31 08:06:29'", "'2021-10-31T08:06:29.5+08:00'", "'2021-10-31 08:06:29.999'",
  '2021-10-31', "'2021-10-31'", '2021-1-5', '2021-10-31 08:06', "'2021-10-31 8:06'",
  'Sun, 31 Oct 2021 00:06:29 GMT', "'Sun, 31 Oct 2021 00:06:29 +0800'", 'Sun, 31 Oct 2021 00:06:29 EST', 'Sun, 31 Oct 2021 00:06:29 UT',
  'Mon, 31 Oct 2021 00:06:29 GMT', '31 Oct 2021', '31 Oct 2021 08:06:29', 'October 31, 2021 08:06', 'Sunday, 31 October 2021', 'Oct 31, 2021 08:06',
  '2021/10/31 08:06', '2021.10.31 8:06:07', '2021/02/30', '31 Feb 2021', '31/10/2021', '01/02/2021', '10/31/2021',
  '2021-02-30', '2021-02-30 08:00:00', '2021-02-30 08:00:00 +08:00', '2021-02-32', '2021-13-01 08:00:00', '2021-10-31 25:00',
  '2021年10月31日 08:06', '2021年10月31日', '1635638789', "'1635638789'", '1635638789.5', 'Invalid Date', 'yesterday', 'N/A', '', "''", 'true',
];
/** Where newslint does not claim to know what Jekyll does. */
const NOT_CLAIMED = new Set<string>();

interface RubyResult {
  ms?: number;
  error?: string;
}

/** One Ruby process: each [source, site timezone or null] read as Jekyll reads a post's date, on a machine in `machine`. */
function ruby(cases: [string, string | null][], machine: string): RubyResult[] {
  const script = `
    require 'jekyll'
    require 'json'
    STDIN.each_line do |line|
      source, tz = JSON.parse(line)
      ENV['TZ'] = tz || ${JSON.stringify(machine)}
      Jekyll::Utils.instance_variable_set(:@parse_date_cache, nil)
      begin
        data = Jekyll::Utils.safe_load_yaml("date: #{source}\\n")
        t = Jekyll::Utils.parse_date(data['date'].to_s, 'x')
        puts JSON.generate({ 'ms' => (t.to_r * 1000).floor })
      rescue => e
        puts JSON.generate({ 'error' => e.class.to_s })
      end
    end`;
  const r = spawnSync('ruby', ['-e', script], { input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n', encoding: 'utf8', env: { ...process.env, TZ: machine } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as RubyResult);
}

function machine(zone: string): void {
  process.env.TZ = zone;
}

function fix(value: string, timezone: string | undefined): string {
  const text = `---\ntitle: t\ndate: ${value}\n---\nbody\n`;
  const { output } = fixText(text, { rules: [RuleTester.configure(rule)], site: siteWithoutRoot('jekyll', { timezone }), file: FILE, filePath: POST });
  const line = output.split('\n')[2];
  expect(line.startsWith('date:'), output).toBe(true);
  return line.slice('date:'.length).trim();
}

describe('Jekyll dates, against Jekyll in Ruby', () => {
  for (const zone of MACHINES) {
    it(`newslint reads what Jekyll publishes, and fixes keep it, on a machine in ${zone}`, () => {
      machine(zone);
      const cases = SITES.flatMap((tz) => VALUES.map((v) => [v, tz] as const));
      const fixed = cases.map(([v, tz]) => fix(v, tz));
      const results = ruby([...cases.map(([v, tz]) => [v, tz ?? null] as [string, string | null]), ...fixed.map((f, i) => [f, cases[i][1] ?? null] as [string, string | null])], zone);
      const before = results.slice(0, cases.length);
      const after = results.slice(cases.length);
      cases.forEach(([value, tz], i) => {
        const where = `${value} (site ${tz ?? 'without timezone'}) → ${fixed[i]}`;
        const reading = jekyll.read({ source: value, language: 'yaml' }, 'date', tz);
        const truth = before[i];
        if (reading.kind === 'unknown') NOT_CLAIMED.add(value);
        else if (reading.kind === 'fatal') expect(truth.error, where).toBe('Jekyll::Errors::InvalidDateError');
        else expect(reading.kind === 'instant' && reading.ms, where).toBe(truth.ms);
        if (fixed[i] === value) return;
        // a fix: Jekyll publishes the same date as before, or a date at last where it stopped the build
        if (truth.ms !== undefined) expect(after[i].ms, where).toBe(truth.ms);
        else expect(after[i].ms, where).toBeTypeOf('number');
      });
    });
  }

  it('claims to know everything in the list but a float, and a month name without a year', () => {
    expect([...NOT_CLAIMED]).toEqual(['1635638789.5']);
    machine('UTC');
    expect(jekyll.read({ source: 'Oct', language: 'yaml' }, 'date', undefined).kind).toBe('unknown');
    expect(ruby([['Oct', null]], 'UTC')[0].ms).toBeTypeOf('number'); // Oct 1 of the current year: not claimed
  });

  it('a fixed date means the same on another machine', () => {
    machine('Asia/Shanghai');
    const changed = SITES.flatMap((tz) => VALUES.map((v) => [v, fix(v, tz), tz ?? null] as const)).filter(([v, f]) => f !== v);
    const cases = changed.flatMap(([v, f, tz]) => [[v, tz], [f, tz]] as [string, string | null][]);
    const here = ruby(cases, 'Asia/Shanghai');
    const there = ruby(cases, 'America/New_York');
    changed.forEach(([v, f, tz], i) => {
      const where = `${v} → ${f} (site ${tz ?? 'without timezone'})`;
      const [beforeHere, afterHere, beforeThere, afterThere] = [here[2 * i], here[2 * i + 1], there[2 * i], there[2 * i + 1]];
      if (beforeHere.ms === undefined) return; // Jekyll stopped on it: no date to keep
      // the same instant wherever it builds, or, without a site timezone, what the old value meant there
      expect(afterThere.ms === afterHere.ms || afterThere.ms === beforeThere.ms, where).toBe(true);
      if (beforeThere.ms === beforeHere.ms) expect(afterThere.ms, where).toBe(afterHere.ms);
    });
  });
});

describe('Jekyll dates, in a real build', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newslint-jekyll-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('page.date is what newslint reads, before and after the fix, file-name dates included', () => {
    machine('UTC');
    const timezone = 'Asia/Shanghai';
    mkdirSync(path.join(dir, '_posts'), { recursive: true });
    mkdirSync(path.join(dir, '_layouts'));
    writeFileSync(path.join(dir, '_config.yml'), `timezone: ${timezone}\nmarkdown: kramdown\n`);
    writeFileSync(path.join(dir, '_layouts', 'p.html'), '{{ page.date | date: "%s" }}\n');
    const posts: { name: string; text: string }[] = [];
    const values = ['Sun, 31 Oct 2021 00:06:29 GMT', '2021-10-31 08:06:29', '2021-02-05 08:00:00 -0800', "'2021-10-31'", null];
    values.forEach((value, i) => {
      const name = `2021-03-0${i + 1}-p${i}`;
      const text = `---\nlayout: p\n${value === null ? '' : `date: ${value}\n`}---\nx\n`;
      posts.push({ name, text });
      const { output } = fixText(text, { rules: [RuleTester.configure(rule)], site: siteWithoutRoot('jekyll', { timezone }), file: FILE, filePath: path.join(dir, '_posts', `${name}.md`) });
      posts.push({ name: `2021-03-0${i + 1}-f${i}`, text: output });
    });
    for (const p of posts) writeFileSync(path.join(dir, '_posts', `${p.name}.md`), p.text);
    const r = spawnSync('jekyll', ['build', '--quiet', '-s', dir, '-d', path.join(dir, '_site')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    // the URL follows the date (permalink: date), so the page is found by its slug
    const pages = readdirSync(path.join(dir, '_site'), { recursive: true, encoding: 'utf8' });
    const built = (name: string) => {
      const page = pages.find((p) => path.basename(p) === `${name.slice(11)}.html`)!;
      return Number(readFileSync(path.join(dir, '_site', page), 'utf8').trim()) * 1000;
    };
    values.forEach((value, i) => {
      const original = built(`2021-03-0${i + 1}-p${i}`);
      const fixedPost = built(`2021-03-0${i + 1}-f${i}`);
      expect(fixedPost, String(value)).toBe(original);
      if (value === null) {
        const fb = jekyll.fallback('date', { filePath: path.join(dir, '_posts', `2021-03-0${i + 1}-p${i}.md`), file: FILE, settings: siteWithoutRoot('jekyll', { timezone }).settings, timezone, value: () => null });
        expect(fb.kind).toBe('post');
        expect(fb.ms).toBe(original);
      } else {
        const reading = jekyll.read({ source: value, language: 'yaml' }, 'date', timezone);
        expect(reading.kind === 'instant' && reading.ms, value).toBe(original);
      }
    });
  });
});
