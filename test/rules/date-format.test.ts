// date-format's reports and fixes, on a build machine pinned to UTC (what Hexo and Jekyll publish for a
// date that names no zone depends on it; test/generators/ checks the other zones against the generators).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { RuleTester } from '../../src/rule-tester.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import { parseDateFields, readWritten } from '../../src/util/dates.js';
import rule from '../../rules/date-format.js';

// The machine's zone is this file's to change (no date is made before this line): give it back.
const MACHINE_TZ = process.env.TZ;
process.env.TZ = 'UTC';
afterAll(() => {
  if (MACHINE_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = MACHINE_TZ;
});

const fm = (body: string) => `---\ntitle: t\n${body}\n---\n`;
const SH = { timezone: 'Asia/Shanghai' };
const hexoSH = siteWithoutRoot('hexo', SH);
const jekyll = siteWithoutRoot('jekyll');
const jekyllSH = siteWithoutRoot('jekyll', SH);
const hugo = siteWithoutRoot('hugo');
const hugoSH = siteWithoutRoot('hugo', SH);
/** A file created 2024-05-01 10:00:00 UTC, last written a day later. */
const FILE = { size: 100, mtime: new Date('2024-05-02T10:00:00Z'), birthtime: new Date('2024-05-01T10:00:00Z') };
const POST = path.join(process.cwd(), 'source/_posts/a.md');
const JEKYLL_POST = '/site/_posts/2021-03-04-a.md';

RuleTester.run(rule, {
  valid: [
    // Hexo without a site timezone: zone-less dates are wall clock wherever the site builds (`hexo new`'s form)
    fm('date: 2021-10-31 08:06:29'),
    fm('date: 2021-10-31T08:06:29'),
    fm("date: '2021-10-31 08:06:29'"),
    fm('date: 2021-10-31 08:06'),
    fm('date: 2021-10-31'),
    fm('date: 2024-02-29'),
    fm('date: 2021-10-31 08:06:29.123'),
    fm('date: 2021-10-31T08:06:29.5'),
    { code: fm('date: 2021-02-05 08:00:00 -0800'), name: 'Hexo without timezone: js-yaml leaves -0800 a string, an instant to V8' },
    { code: fm("date: '2021-10-31T08:06:29+08:00'"), name: 'Hexo, no timezone: a quoted date with its offset is that instant everywhere' },
    { code: fm('date: "2021-10-31T00:06:29+00:00"\nupdated: 2021-11-01 10:00:00'), name: 'every date key' },
    // Hexo with a site timezone
    { code: fm('date: 2021-10-31 08:06:29'), site: hexoSH, name: 'Hexo: wall clock in the site timezone' },
    { code: fm('date: 2021-10-31 08:06:29'), options: SH, name: 'the timezone option stands in for the site setting' },
    { code: fm('date: 2021-10-31T08:06:29Z'), site: siteWithoutRoot('hexo', { timezone: 'UTC' }), name: 'Hexo in UTC: the offset Hexo drops is no offset' },
    // Jekyll: its documented form, ISO 8601, dates, and the forms that Jekyll reads correctly
    { code: fm('date: 2021-02-05 08:00:00 -0800'), site: jekyll },
    { code: fm('date: 2021-02-05 08:00:00 +08:00'), site: jekyll, name: 'Jekyll: a spaced zone' },
    { code: fm('date: 2021-10-31 08:00:00.000000000 +00:00'), site: jekyll, name: 'Jekyll: fractions of a second that are zero' },
    { code: fm('date: 2021-10-31T08:06:29+08:00'), site: jekyllSH },
    { code: fm('date: 2021-10-31'), site: jekyllSH },
    { code: fm("date: '2021-10-31 08:06:29'"), site: jekyllSH, name: 'Jekyll: a quoted zone-less date is local time' },
    // Hugo: RFC 3339 and its documented relatives
    { code: fm('date: 2021-10-31T08:06:29+08:00'), site: hugo },
    { code: fm('date: 2021-10-31T08:06:29.123Z'), site: hugo },
    { code: fm('date: 2021-02-05 08:00:00 -0800'), site: hugo },
    { code: fm('date: 2021-10-31 08:00:00.000000000 +00:00'), site: hugo },
    { code: fm('date: 2021-10-31 08:06:29\nlastmod: 2021-11-01'), site: hugoSH, name: 'Hugo: zone-less dates in the site timeZone' },
    // what the rule leaves alone
    { code: fm('date: 2021-10-31\nupdated: Sun, 31 Oct 2021 00:06:29 GMT\npublished: 2021-10-31'), options: { keys: ['published'] }, name: 'keys option: only the listed keys' },
    { code: '---\ntitle: t\n---\n', options: { required: false }, name: 'required: false allows a missing date' },
    { code: 'no front matter\n', options: { required: false }, name: 'required: false, no front matter' },
    { code: fm('date: 2021-10-31') + '```\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n```\n\ndate: 2021/10/31\n', name: 'body text is not front matter' },
    { code: fm('date: 2021-10-31 08:06'), options: { format: 'generator', timezone: 'Europe/Paris' }, name: 'well-formed dates stay whatever format is asked' },
    { code: '---\ntitle: t\n---\nx\n', site: jekyll, filePath: JEKYLL_POST, name: 'Jekyll: no date, but the one in the file name' },
    { code: '---\ntitle: t\n---\nx\n', site: jekyll, filePath: '/site/about.md', name: 'Jekyll: a page has no date' },
    { code: '---\ntitle: t\nlastmod: 2021-10-31\n---\nx\n', site: hugo, name: 'Hugo: no date, but lastmod' },
    { code: '+++\ntitle = "t"\ndate = 2021-10-31T08:06:29+08:00\n+++\n', site: hugo, name: 'TOML front matter' },
  ],
  invalid: [
    {
      name: 'the real corpus shape: RFC 2822 in GMT, Hexo without timezone: the instant, quoted with its offset',
      code: '\n---\ntitle: \'123\'\ncategories: \n - a\ndate: Sun, 31 Oct 2021 00:06:29 GMT\nthumbnail: x\n---\n<p>x</p>',
      errors: [{ messageId: 'convert', line: 6, column: 7, endLine: 6, endColumn: 36 }],
      output: '\n---\ntitle: \'123\'\ncategories: \n - a\ndate: \'2021-10-31T00:06:29+00:00\'\nthumbnail: x\n---\n<p>x</p>',
    },
    {
      name: 'the message says what Hexo publishes and what the fix writes',
      code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'),
      errors: [{ message: '"date" "Sun, 31 Oct 2021 00:06:29 GMT" is not in a form Hexo documents; Hexo publishes it as 2021-10-31 00:06:29 (this machine\'s zone, UTC); the fix writes "\'2021-10-31T00:06:29+00:00\'"' }],
      output: fm("date: '2021-10-31T00:06:29+00:00'"),
    },
    {
      name: 'Hexo with a timezone, built in UTC: a date with a zone is published 8 hours early, and the fix keeps that',
      code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'),
      site: hexoSH,
      errors: [
        {
          message:
            'Hexo publishes "date" "Sun, 31 Oct 2021 00:06:29 GMT" as 2021-10-31 00:06:29 (Asia/Shanghai), not 2021-10-31 08:06:29 (Asia/Shanghai): Hexo reads a date that names its zone as an instant, then moves it by the difference between this machine\'s zone (UTC) and the site\'s timezone (Asia/Shanghai), so the date depends on where the site is built; the fix writes "2021-10-31T00:06:29", which keeps the published date (write the other by hand to move the post)',
        },
      ],
      output: fm('date: 2021-10-31T00:06:29'),
    },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), options: SH, errors: [{ messageId: 'shifted' }], output: fm('date: 2021-10-31T00:06:29'), name: 'the timezone option, as the site setting' },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), site: hexoSH, options: { format: 'generator' }, errors: 1, output: fm('date: 2021-10-31 00:06:29') },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), site: hexoSH, options: { format: 'hexo' }, errors: 1, output: fm('date: 2021-10-31 00:06:29'), name: '"hexo", the older name of "generator"' },
    {
      name: 'Hexo with a timezone: a YAML timestamp loses its offset',
      code: fm('date: 2021-10-31T08:06:29+08:00'),
      site: hexoSH,
      errors: [{ messageId: 'shifted', message: /Hexo ignores the offset of a YAML timestamp \(\+08:00\) and reads its UTC time as wall-clock time in Asia\/Shanghai/ }],
      output: fm('date: 2021-10-31T00:06:29'),
    },
    {
      code: fm('date: 2021-10-31T08:06:29+08:00'),
      errors: [{ messageId: 'convert', message: /\(Hexo ignores the offset of a YAML timestamp \(\+08:00\) and reads its UTC time as wall-clock time in this machine's zone, UTC\)/ }],
      output: fm('date: 2021-10-31T00:06:29'),
      name: 'Hexo without timezone: the timestamp is wall clock (here in UTC), and stays wall clock',
    },
    { code: fm('date: 2021-02-05 08:00:00 -08:00'), site: hexoSH, errors: [{ messageId: 'shifted' }], output: fm('date: 2021-02-05T16:00:00'), name: 'a YAML timestamp with an offset in a Hexo site' },
    { code: fm('date: 2021-02-05 08:00:00 -0800'), site: hexoSH, errors: [{ message: /Hexo reads a date that names its zone as an instant/ }], output: fm('date: 2021-02-05T16:00:00'), name: "Jekyll's form in a Hexo site: js-yaml leaves -0800 a string" },
    { code: fm('date: Sun, 31 Oct 2021 08:06:29 +0800'), errors: [{ messageId: 'convert' }], output: fm("date: '2021-10-31T00:06:29+00:00'") },
    { code: fm('date: Sun, 31 Oct 2021 08:06:29 +0800'), options: { format: 'generator' }, errors: 1, output: fm("date: '2021-10-31 00:06:29 +00:00'") },
    { code: fm("date: 'Sun, 31 Oct 2021 00:06:29 GMT'"), site: hexoSH, errors: 1, output: fm("date: '2021-10-31T00:06:29'"), name: 'single quotes are kept' },
    { code: fm('date: "Sun, 31 Oct 2021 00:06:29 GMT"'), site: hexoSH, errors: 1, output: fm('date: "2021-10-31T00:06:29"'), name: 'double quotes are kept' },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 UT'), errors: 1, output: fm("date: '2021-10-31T00:06:29+00:00'"), name: 'obsolete UT zone' },
    // wall-clock inputs: no zone of their own
    { code: fm('date: 2021/10/31 08:06'), errors: [{ messageId: 'convert', line: 3, column: 7 }], output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: 2021/10/31 08:06'), site: hexoSH, errors: 1, output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: 2021/10/31 08:06'), site: hexoSH, options: { format: 'generator' }, errors: 1, output: fm('date: 2021-10-31 08:06:00') },
    { code: fm('date: 2021/1/5'), errors: 1, output: fm('date: 2021-01-05') },
    { code: fm('date: 2021.10.31 8:06:07'), errors: 1, output: fm('date: 2021-10-31T08:06:07') },
    { code: fm('date: 2021-1-5 08:06'), errors: 1, output: fm('date: 2021-01-05T08:06:00') },
    { code: fm('date: 31 Oct 2021'), errors: 1, output: fm('date: 2021-10-31') },
    { code: fm('date: 31 Oct 2021'), site: hexoSH, errors: 1, output: fm('date: 2021-10-31'), name: 'a date without time stays a date' },
    { code: fm('date: October 31, 2021 08:06'), errors: 1, output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: Sunday, 31 October 2021'), errors: 1, output: fm('date: 2021-10-31') },
    { code: fm('date: 05/05/2021'), errors: 1, output: fm('date: 2021-05-05'), name: 'same day and month is not ambiguous' },
    { code: fm('date: 10/31/2021 08:06'), errors: 1, output: fm('date: 2021-10-31T08:06:00'), name: 'month first when the second number cannot be a month' },
    // numbers: milliseconds to Hexo, seconds to Hugo
    { code: fm('date: 1635638789123'), errors: [{ messageId: 'convert', line: 3, column: 7, endColumn: 20 }], output: fm("date: '2021-10-31T00:06:29.123+00:00'"), name: 'Hexo: milliseconds' },
    {
      name: 'Hexo reads epoch seconds as milliseconds: 1970 is what it publishes, and the message says so',
      code: fm('date: 1635638789'),
      errors: [{ messageId: 'shifted', message: /as 1970-01-19 22:20:38\.789 \(this machine's zone, UTC\), not 2021-10-31 00:06:29 .*Hexo reads a number as milliseconds since 1970/ }],
      output: fm("date: '1970-01-19T22:20:38.789+00:00'"),
    },
    { code: fm('date: 1635638789'), site: hugoSH, errors: [{ messageId: 'convert' }], output: fm('date: 2021-10-31T08:06:29+08:00'), name: 'Hugo: seconds' },
    { code: ';;;\n"title": "t", "date": 1635638789123\n;;;\n', errors: 1, output: ';;;\n"title": "t", "date": "2021-10-31T00:06:29.123+00:00"\n;;;\n', name: 'JSON front matter stays JSON' },
    // several keys, CRLF
    {
      code: '---\r\ndate: Sun, 31 Oct 2021 00:06:29 GMT\r\nupdated: 2021/11/01\r\n---\r\nbody\r\n',
      site: hexoSH,
      errors: [{ line: 2, column: 7 }, { line: 3, column: 10 }],
      output: '---\r\ndate: 2021-10-31T00:06:29\r\nupdated: 2021-11-01\r\n---\r\nbody\r\n',
    },
    { code: fm('date: 2021-10-31\ndate: 2021/10/31'), site: jekyll, errors: [{ line: 4, column: 7 }], output: fm('date: 2021-10-31\ndate: 2021-10-31'), name: 'every occurrence of a repeated key is checked (Jekyll reads it)' },
    // the forms where a generator misreads them
    {
      name: 'Jekyll reads a plain zone-less timestamp as UTC, not in the site timezone',
      code: fm('date: 2021-10-31 08:06:29'),
      site: jekyllSH,
      errors: [{ messageId: 'shifted', message: /as 2021-10-31 16:06:29 \(Asia\/Shanghai\), not 2021-10-31 08:06:29 \(Asia\/Shanghai\): Jekyll \(Psych\) reads a YAML timestamp without an offset as UTC/ }],
      output: fm('date: 2021-10-31T16:06:29+08:00'),
    },
    { code: fm('date: 2021-10-31 08:06:29'), site: jekyllSH, options: { format: 'generator' }, errors: 1, output: fm('date: 2021-10-31 16:06:29 +0800'), name: "Jekyll's own form" },
    { code: fm('date: 2021-10-31 08:06:29.5 +08:00'), site: jekyll, errors: [{ message: /Jekyll drops the fraction of a second/ }], output: fm('date: 2021-10-31T00:06:29+00:00') },
    { code: fm('date: 2021-5-20 08:00:00 -0800'), site: jekyll, errors: [{ messageId: 'convert' }], output: fm('date: 2021-05-20T16:00:00+00:00'), name: 'Jekyll: unpadded fields with an offset' },
    { code: fm('date: 2021-5-20 08:00:00 -0800'), site: hugo, errors: [{ message: /^Hugo cannot read "date" "2021-5-20 08:00:00 -0800" \(newslint reads it as 2021-05-20 16:00:00 \(UTC\)\): it publishes the zero date, 0001-01-01 instead$/ }], output: null, name: 'Hugo cannot read unpadded fields: the zero date, no fix' },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), site: hugoSH, errors: [{ message: /Hugo ignores a zone name and reads the time in Asia\/Shanghai/ }], output: fm('date: 2021-10-31T00:06:29+08:00') },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 +0800'), site: hugo, errors: [{ messageId: 'convert' }], output: fm('date: 2021-10-30T16:06:29+00:00') },
    // what the generator cannot read: it falls back to a file time, and the fix writes that time
    {
      name: '`date: Invalid Date`: Hexo publishes the file creation time; the fix writes it, in the site timezone',
      code: fm('date: Invalid Date'),
      site: hexoSH,
      file: FILE,
      errors: [{ message: 'Hexo cannot read "date" "Invalid Date": it publishes the file\'s creation time, 2024-05-01 18:00:00 (Asia/Shanghai) instead; the fix writes "2024-05-01T18:00:00", so that no later write moves the post' }],
      output: fm('date: 2024-05-01T18:00:00'),
    },
    { code: fm('date: Invalid Date'), file: FILE, errors: [{ messageId: 'unreadable' }], output: fm("date: '2024-05-01T10:00:00+00:00'"), name: 'Hexo without timezone: the instant, with its offset' },
    { code: fm('date: Invalid Date'), file: { ...FILE, birthtime: null }, site: hexoSH, errors: [{ message: /the file's modification time \(the file system records no creation time\), 2024-05-02 18:00:00/ }], output: fm('date: 2024-05-02T18:00:00'), name: 'no birthtime: mtime' },
    { code: fm('date: Invalid Date'), errors: [{ message: 'Hexo cannot read "date" "Invalid Date": it publishes the file\'s creation time instead, which any write of the file moves' }], output: null, name: 'text that is no file: no fix' },
    {
      code: fm('date: 2021年10月31日 08:06'),
      site: hexoSH,
      file: FILE,
      errors: [{ message: /^Hexo cannot read "date" "2021年10月31日 08:06" \(newslint reads it as 2021-10-31 08:06:00 \(Asia\/Shanghai\)\): it publishes the file's creation time/ }],
      output: fm('date: 2024-05-01T18:00:00'),
      name: 'CJK: Hexo cannot read it; the message says what newslint reads',
    },
    { code: fm('date: 31/10/2021'), file: FILE, site: hexoSH, errors: [{ messageId: 'unreadable' }], output: fm('date: 2024-05-01T18:00:00'), name: 'V8 does not read day first' },
    { code: fm("date: '1635638789'"), file: FILE, site: hexoSH, errors: [{ messageId: 'unreadable' }], output: fm("date: '2024-05-01T18:00:00'"), name: 'a quoted number is no date to V8' },
    { code: fm('date: yesterday'), file: FILE, site: hexoSH, errors: [{ messageId: 'unreadable' }], output: fm('date: 2024-05-01T18:00:00') },
    { code: fm('date:'), file: FILE, site: hexoSH, errors: [{ messageId: 'empty', line: 3, column: 1 }], output: fm('date: 2024-05-01T18:00:00') },
    { code: fm('date:   # none'), file: FILE, site: hexoSH, errors: [{ messageId: 'empty' }], output: fm('date: 2024-05-01T18:00:00  # none') },
    { code: fm("date: ''"), file: FILE, site: hexoSH, errors: [{ messageId: 'empty', line: 3, column: 7 }], output: fm("date: '2024-05-01T18:00:00'") },
    { code: fm('updated: Invalid Date'), file: FILE, site: hexoSH, options: { required: false }, errors: [{ message: /it publishes the file's modification time, 2024-05-02 18:00:00/ }], output: fm('updated: 2024-05-02T18:00:00'), name: 'updated falls back to mtime' },
    // Jekyll stops the build: the fix writes what newslint reads, or the date in the file name
    { code: fm('date: 2021年10月31日 08:06'), site: jekyllSH, errors: [{ message: /^Jekyll cannot read "date" "2021年10月31日 08:06": Jekyll stops the build on it/ }], output: fm('date: 2021-10-31T08:06:00+08:00') },
    { code: fm('date: Invalid Date'), site: jekyllSH, filePath: JEKYLL_POST, errors: [{ message: /the fix writes "2021-03-04", the date in the file name$/ }], output: fm('date: 2021-03-04') },
    { code: fm('date: Invalid Date'), site: jekyllSH, filePath: '/site/_recipes/a.md', errors: [{ message: /stops the build on it \("Invalid date"\); write it as 2021-10-31T08:06:29\+08:00$/ }], output: null },
    // Hugo falls back along its chain
    { code: fm('date: yesterday\npublishDate: 2021-10-31 08:06:29'), site: hugoSH, errors: [{ message: /it publishes its publishdate, 2021-10-31 08:06:29 \(Asia\/Shanghai\) instead; the fix writes "2021-10-31T08:06:29\+08:00", its publishdate$/ }], output: fm('date: 2021-10-31T08:06:29+08:00\npublishDate: 2021-10-31 08:06:29') },
    // impossible: no fix, and the message says what the generator makes of it
    { code: fm('date: 2021-02-30'), errors: [{ message: '"date" "2021-02-30" is not a real date (day 30 is out of range); Hexo publishes 2021-03-02 00:00:00 (this machine\'s zone, UTC); correct it by hand' }], output: null, name: 'Feb 30: js-yaml makes it March 2' },
    { code: fm('date: 2021-02-30'), site: jekyll, errors: [{ message: /Jekyll publishes 2021-03-02 00:00:00/ }], output: null, name: 'Feb 30: Ruby makes it March 2 too' },
    { code: fm('date: 2021-02-29 08:00:00'), errors: [{ message: /day 29 is out of range/ }], output: null, name: 'Feb 29 in a common year' },
    { code: fm('date: 2021-10-31 25:00'), file: FILE, errors: [{ messageId: 'unreadable' }], output: fm("date: '2024-05-01T10:00:00+00:00'"), name: '25:00: V8 cannot read it either' },
    {
      code: fm('date: Mon, 31 Oct 2021 00:06:29 GMT'),
      errors: [{ messageId: 'impossible', message: /31 Oct 2021 is a Sunday\); Hexo publishes 2021-10-31 00:06:29/ }],
      output: null,
      name: 'a weekday that contradicts the date',
    },
    { code: fm('date: Monday, 31 October 2021'), errors: [{ messageId: 'impossible' }], output: null, name: 'weekday mismatch without time' },
    // ambiguous, unknown
    { code: fm('date: 01/02/2021'), errors: [{ messageId: 'ambiguous', line: 3, column: 7, message: /Hexo publishes 2021-01-02 00:00:00/ }], output: null },
    { code: fm('date: 01/02/2021'), site: jekyll, errors: [{ message: /Jekyll publishes 2021-02-01 00:00:00/ }], output: null, name: 'ambiguous: Ruby reads it day first' },
    { code: fm('date: 02-01-2021 08:00'), errors: [{ messageId: 'ambiguous' }], output: null },
    { code: fm('date: Oct'), site: jekyll, errors: [{ messageId: 'unknown' }], output: null, name: 'what newslint cannot tell' },
    { code: fm('date: true'), errors: [{ message: /Hexo publishes it as 1970-01-01 00:00:00\.001/ }], output: fm("date: '1970-01-01T00:00:00.001+00:00'"), name: 'V8 reads true as 1 millisecond' },
    { code: fm(`date: '${' '.repeat(200_000)}?http://${'1'.repeat(200_000)}'`), file: FILE, errors: [{ messageId: 'unreadable' }], output: fm("date: '2024-05-01T10:00:00+00:00'"), name: 'a huge value' },
    // shape of the value
    { code: fm('date:\n  - 2021-10-31'), errors: [{ messageId: 'notScalar', message: /not a list/ }], output: null },
    { code: fm('date: { y: 2021 }'), errors: [{ messageId: 'notScalar', message: /not a mapping/ }], output: null },
    // missing
    { code: '\n---\ntitle: t\n---\nbody\n', errors: [{ messageId: 'missing', line: 2, column: 1 }], output: null },
    { code: '---\ntitle: t\n---\nbody\n', file: FILE, site: hexoSH, errors: [{ message: 'Front matter has no "date": Hexo publishes the file\'s creation time, 2024-05-01 18:00:00 (Asia/Shanghai) instead; the fix writes "2024-05-01T18:00:00", so that no later write moves the post' }], output: '---\ntitle: t\ndate: 2024-05-01T18:00:00\n---\nbody\n' },
    { code: '---\r\ntitle: t\r\n---\r\nbody\r\n', file: FILE, site: hexoSH, errors: 1, output: '---\r\ntitle: t\r\ndate: 2024-05-01T18:00:00\r\n---\r\nbody\r\n', name: 'missing: the new line takes the file line ending' },
    { code: 'body only\n', errors: [{ messageId: 'noFrontMatter', line: 1, column: 1 }], output: null },
    { code: 'body only\n', file: FILE, site: hexoSH, errors: [{ message: 'File has no front matter, so no "date": Hexo publishes the file\'s creation time, 2024-05-01 18:00:00 (Asia/Shanghai) instead, which any write of the file moves' }], output: null, name: 'no front matter: adding it is front-matter-required\'s business' },
    { code: '---\ntitle: t\n---\nx\n', file: FILE, filePath: path.join(process.cwd(), 'source/about.md'), errors: [{ message: /Hexo publishes the file's ctime \(the time of its last change of any kind\) instead, which any write of the file moves$/ }], output: null, name: 'a Hexo page: ctime, which rules cannot know' },
    { code: '---\ntitle: t\n---\nx\n', site: hugo, errors: [{ message: 'Front matter has no "date": Hugo publishes the zero date, 0001-01-01 instead' }], output: null },
    { code: '---\ntitle: t\n---\nx\n', site: jekyll, filePath: '/site/_drafts/a.md', file: FILE, errors: [{ messageId: 'missing' }], output: '---\ntitle: t\ndate: 2024-05-02T10:00:00+00:00\n---\nx\n', name: 'a Jekyll draft: mtime' },
    { code: '---\ntitle: t\n---\n', options: { keys: ['updated', 'date'] }, errors: [{ message: /^Front matter has no "updated": Hexo publishes the file's modification time instead/ }], output: null, name: 'the first key is the required one' },
    { code: fm('date: 2021-10-31'), site: siteWithoutRoot('hexo', { timezone: 'Asia/Shang_hai' }), errors: [{ messageId: 'badZone', line: 1 }], output: null, name: 'a site timezone that is no zone' },
  ],
});

describe('date-format options', () => {
  it('refuses an unknown timezone when the config is read, naming what was expected', () => {
    expect(() => RuleTester.configure(rule, { timezone: 'Asia/Shang_hai' })).toThrow(/timezone "Asia\/Shang_hai" is not an IANA time zone name/);
    expect(() => RuleTester.configure(rule, { timezone: 'Asia/Shanghai' })).not.toThrow();
  });
  it('checks the keys each generator reads as dates', () => {
    const keys = (site: ReturnType<typeof siteWithoutRoot>) =>
      lintText(fm('date: 2021-10-31\nupdated: 31 Oct 2021\nlastmod: 31 Oct 2021\nPublishDate: 31 Oct 2021'), { site, rules: [RuleTester.configure(rule)] }).map((m) => m.line);
    expect(keys(siteWithoutRoot('hexo'))).toEqual([4]);
    expect(keys(jekyll)).toEqual([]);
    expect(keys(hugo)).toEqual([5, 6]);
  });
});

describe('what a date as written means', () => {
  it('reads the fields of every shape, without judging them', () => {
    expect(parseDateFields('2021-5-20 08:00:00 -0800')).toMatchObject({ shape: 'iso', year: 2021, month: 5, day: 20, hour: 8, offset: -480, padded: false });
    expect(parseDateFields('2021-10-31T08:00:00.000000000 +00:00')).toMatchObject({ shape: 'iso', fraction: '000000000', offset: 0, padded: true });
    expect(parseDateFields('2021-02-30')).toMatchObject({ shape: 'iso', month: 2, day: 30, hasTime: false });
    expect(parseDateFields('Sun, 31 Oct 2021 00:06:29 EST')).toMatchObject({ shape: 'rfc2822', weekday: 'sun', offset: -300 });
    expect(parseDateFields('Sept 3, 2021')).toMatchObject({ shape: 'english', month: 9, day: 3 });
    expect(parseDateFields('13/10/2021')).toMatchObject({ shape: 'year-last', month: 13, day: 10 });
    expect(parseDateFields('1635638789')).toMatchObject({ shape: 'epoch', epoch: 1635638789 });
    for (const s of ['yesterday', '20211031', '1635638789.5', '2021-10-31 8', 'Sun, 31 Foo 2021 00:06:29 GMT', '']) expect(parseDateFields(s), s).toBeNull();
  });
  it('keeps the instant of RFC 2822 and epoch dates, and the wall clock of zone-less ones', () => {
    const moment = fc.record({
      ms: fc.integer({ min: Date.UTC(1974, 0, 1), max: Date.UTC(2099, 11, 31) }).map((n) => n - (n % 1000)),
      offset: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
    });
    fc.assert(
      fc.property(moment, fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'system'), ({ ms, offset }, zone) => {
        const dt = DateTime.fromMillis(ms, { zone: `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')}` });
        for (const input of [dt.toRFC2822()!, String(ms / 1000), dt.toISO()!, dt.toFormat('yyyy-MM-dd HH:mm:ss ZZZ')]) {
          expect(readWritten(input, zone), input).toMatchObject({ kind: 'date', ms });
        }
        const wall = dt.toFormat('yyyy/M/d H:mm:ss');
        const read = readWritten(wall, zone);
        expect(read.kind === 'date' && DateTime.fromMillis(read.ms, { zone: zone === 'system' ? 'UTC' : zone }).toFormat('yyyy/M/d H:mm:ss'), wall).toBe(wall);
      }),
      { numRuns: 200, seed: Number(process.env.NEWSLINT_SEED ?? 20261130) },
    );
  });
  it('never takes long on hostile input', () => {
    const hostile = ['1'.repeat(60), ' '.repeat(60), `${'a '.repeat(30)}`, `Oct ${' '.repeat(55)}1`, '2021/'.repeat(12), `Sun, ${' '.repeat(50)}1`];
    for (const s of hostile) {
      const t = performance.now();
      readWritten(s, 'UTC');
      expect(performance.now() - t).toBeLessThan(200);
    }
  });
});

const realRoot = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
function realPosts(dir = realRoot): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? realPosts(p) : p.endsWith('.md') ? [p] : [];
  });
}

describe('date-format on the real corpus', () => {
  const posts = realPosts();
  const hexoRules = [RuleTester.configure(rule)];
  it('finds the 27 posts', () => expect(posts.length).toBe(27));
  it('reports the RFC 2822 dates, and only those', () => {
    const all = posts.flatMap((file) => lintText(readFileSync(file, 'utf8'), { filePath: file, rules: hexoRules }));
    expect(all.filter((m) => m.fatal)).toEqual([]);
    expect(all.length).toBe(24);
    expect(all.every((m) => m.fix && /is not in a form Hexo documents; Hexo publishes it as/.test(m.message))).toBe(true);
  });
  it('a site with timezone Asia/Shanghai built in UTC: the fix writes what Hexo publishes, 8 hours before the time written', () => {
    for (const file of posts) {
      const text = readFileSync(file, 'utf8');
      const { output } = fixText(text, { filePath: file, site: hexoSH, rules: hexoRules });
      expect(lintText(output, { filePath: file, site: hexoSH, rules: hexoRules })).toEqual([]);
      const before = text.split('\n');
      const after = output.split('\n');
      expect(after.length).toBe(before.length);
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
      if (/^date: \d{4}-\d{2}-\d{2} /m.test(text)) expect(changed).toEqual([]);
      else {
        expect(changed.length).toBe(1);
        const [, hms] = /^date: \w{3}, \d{2} \w{3} \d{4} (\d{2}:\d{2}:\d{2}) GMT$/.exec(changed[0][0])!;
        expect(changed[0][1]).toMatch(new RegExp(`^date: \\d{4}-\\d{2}-\\d{2}T${hms}$`));
      }
    }
  });
  it('converts the G20 post to the instant written when the site has no timezone', () => {
    const file = posts.find((p) => p.includes('G20'))!;
    const { output } = fixText(readFileSync(file, 'utf8'), { filePath: file, rules: hexoRules });
    expect(output).toContain("\ndate: '2021-10-31T00:06:29+00:00'\n");
  });
});
