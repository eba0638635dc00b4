// What Hugo 0.111.3 publishes for a page's dates, from real builds (Debian's hugo, as .ci/run installs it): one
// page per value and one per date-format fix of it, printing `.Date` to the millisecond. newslint's model must
// agree with every build, and a fix must leave `.Date` as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

const hugo = GENERATORS.hugo.dates;
const FILE = { size: 100, mtime: new Date('2024-05-02T03:04:05.000Z'), birthtime: new Date('2024-05-01T10:00:00.000Z') };
const ZERO = new Date(0).setUTCFullYear(1, 0, 1);

const VALUES = [
  // RFC 3339 and the forms Hugo documents
  '2021-10-31T08:06:29+08:00', '2021-10-31T08:06:29Z', '2021-10-31T08:06:29.123+08:00', '2021-10-31T08:06:29', '2021-10-31 08:06:29',
  "'2021-10-31 08:06:29'", '2021-10-31', '2021-02-05 08:00:00 -0800', '2021-02-05 08:00:00 +08:00', '2021-10-31 08:00:00.000000000 +00:00',
  '2021-10-31T08:06:29+0800', '2021-10-31 08:06:29Z', '2021-10-31 08:06:29+08:00', '2021-10-31 8:06:29', '2021-10-31 08:06:29,5',
  // cast's other layouts
  'Sun, 31 Oct 2021 00:06:29 GMT', 'Sun, 31 Oct 2021 00:06:29 +0800', 'sun, 31 oct 2021 00:06:29 +0800', 'Mon, 31 Oct 2021 00:06:29 GMT',
  '31 Oct 21 00:06 +0800', '31 Oct 21 00:06 UTC', 'Sunday, 31-Oct-21 00:06:29 GMT', '2021-10-31 08:06:29 +0800 CST',
  'Sun Oct 31 00:06:29 2021', 'Sun Oct  1 00:06:29 2021', 'Sun Oct 31 00:06:29 CST 2021', 'Sun Oct 31 00:06:29 +0800 2021', '31 Oct 2021',
  // numbers
  '1635638789', "'1635638789'", '1635638789.5',
  // what no layout reads: the zero date
  '2021-5-20 08:00:00 -0800', '2021-10-31T08:00:00.000000000 +00:00', '2021-10-31 08:06', '2021/10/31 08:06', '2021年10月31日 08:06',
  '31/10/2021', '01/02/2021', '2021-02-30', '2021-10-31T24:00:00Z', 'October 31, 2021 08:06', 'Invalid Date', 'yesterday', 'true', '', "''",
];
/** Pages with more than one date key: the chains of page_frontmatter.go. */
const CHAINS = [
  'date: yesterday\npublishDate: 2021-10-31 08:06:29',
  'date: Invalid Date\nlastmod: Sun, 31 Oct 2021 00:06:29 +0800',
  'date: 2021-02-30\npubdate: 2021-11-01',
  'Date: Sun, 31 Oct 2021 00:06:29 GMT',
  'title: no date at all',
];

const dir = mkdtempSync(path.join(tmpdir(), 'newslint-hugo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Page {
  name: string;
  text: string;
}

/** Builds the pages in a site with `timeZone` (or none) and gives each page's `.Date` in milliseconds. */
function build(pages: Page[], timeZone: string | undefined): Map<string, number> {
  const root = mkdtempSync(path.join(dir, 'site-'));
  mkdirSync(path.join(root, 'content', 'posts'), { recursive: true });
  mkdirSync(path.join(root, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    path.join(root, 'hugo.toml'),
    `baseURL = "http://example.org/"\n${timeZone ? `timeZone = "${timeZone}"\n` : ''}disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n`,
  );
  writeFileSync(path.join(root, 'layouts', '_default', 'single.html'), '{{ .Date.Unix }} {{ .Date.Nanosecond }}\n');
  for (const p of pages) writeFileSync(path.join(root, 'content', 'posts', `${p.name}.md`), p.text);
  const r = spawnSync('hugo', ['--quiet', '--source', root], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Kolkata' } });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  return new Map(
    pages.map((p) => {
      const [unix, ns] = readFileSync(path.join(root, 'public', 'posts', p.name, 'index.html'), 'utf8').trim().split(' ').map(Number);
      return [p.name, unix * 1000 + Math.floor(ns / 1e6)];
    }),
  );
}

function fix(text: string, timezone: string | undefined): string {
  const opts = { rules: [RuleTester.configure(rule)], site: siteWithoutRoot('hugo', { timezone }), file: FILE, filePath: '/site/content/posts/p.md' };
  const { output } = fixText(text, opts);
  expect(lintText(output, opts).filter((m) => m.fix), output).toEqual([]);
  return output;
}

describe('Hugo dates, against real builds', () => {
  for (const timezone of [undefined, 'Asia/Shanghai']) {
    it(`newslint reads .Date as Hugo does, and fixes keep it (site timeZone ${timezone ?? 'unset'})`, () => {
      process.env.TZ = 'UTC'; // the machine's zone must not matter to Hugo (the build runs in Asia/Kolkata)
      const originals = [...VALUES.map((v) => `---\ntitle: t\ndate: ${v}\n---\nx\n`), ...CHAINS.map((c) => `---\n${c}\n---\nx\n`)];
      const pages: Page[] = originals.flatMap((text, i) => [
        { name: `p${i}`, text },
        { name: `f${i}`, text: fix(text, timezone) },
      ]);
      expect(pages.filter((p, i) => i % 2 === 1 && p.text !== pages[i - 1].text).length).toBeGreaterThan(15);
      const dates = build(pages, timezone);
      VALUES.forEach((value, i) => {
        const where = `${value} → ${pages[2 * i + 1].text.split('\n')[2]}`;
        const built = dates.get(`p${i}`)!;
        const reading = hugo.read({ source: value, language: 'yaml' }, 'date', timezone);
        if (reading.kind === 'instant') expect(reading.ms, where).toBe(built);
        else {
          expect(reading.kind, where).toBe('unreadable');
          expect(built, where).toBe(ZERO);
        }
        expect(dates.get(`f${i}`), where).toBe(built);
      });
      CHAINS.forEach((c, j) => {
        const i = VALUES.length + j;
        expect(dates.get(`f${i}`), `${c} → ${pages[2 * i + 1].text}`).toBe(dates.get(`p${i}`));
      });
      // the fallback chains, as newslint models them
      const post = (text: string) => {
        const entries = [...text.matchAll(/^(\w+): (.*)$/gm)];
        return {
          filePath: '/site/content/posts/p.md',
          file: FILE,
          settings: siteWithoutRoot('hugo', { timezone }).settings,
          timezone,
          value: (key: string) => {
            const e = entries.filter((m) => m[1].toLowerCase() === key.toLowerCase()).pop();
            return e ? { source: e[2], language: 'yaml' as const } : null;
          },
        };
      };
      CHAINS.forEach((c, j) => {
        if (!c.startsWith('Date:')) expect(hugo.fallback('date', post(c)).ms, c).toBe(dates.get(`p${VALUES.length + j}`));
      });
    });
  }
});
