import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { RuleTester } from '../../src/rule-tester.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import { checkDate } from '../../src/util/dates.js';
import rule from '../../rules/date-format.js';

const fm = (body: string) => `---\ntitle: t\n${body}\n---\n`;
const SH = { timezone: 'Asia/Shanghai' };

RuleTester.run(rule, {
  valid: [
    fm('date: 2021-10-31T08:06:29+08:00'),
    fm('date: 2021-10-31T08:06:29Z'),
    fm('date: 2021-10-31T08:06:29'),
    fm('date: 2021-10-31T08:06:29.123+0800'),
    fm('date: 2021-10-31'),
    fm('date: 2021-10-31 08:06:29'),
    fm('date: 2021-10-31 08:06'),
    fm("date: '2021-10-31 08:06:29'"),
    fm('date: "2021-10-31T00:06:29+00:00"\nupdated: 2021-11-01 10:00:00'),
    fm('date: 2024-02-29'),
    { code: fm('date: 2021-10-31\nupdated: Sun, 31 Oct 2021 00:06:29 GMT\npublished: 2021-10-31'), options: { keys: ['published'] }, name: 'keys option: only the listed keys' },
    { code: '---\ntitle: t\n---\n', options: { required: false }, name: 'required: false allows a missing date' },
    { code: 'no front matter\n', options: { required: false }, name: 'required: false, no front matter' },
    { code: fm('date: 2021-10-31') + '```\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n```\n\ndate: 2021/10/31\n', name: 'body text is not front matter' },
    { code: fm('date: 2021-10-31 08:06'), options: { format: 'hexo', timezone: 'Europe/Paris' }, name: 'well-formed dates stay whatever format is asked' },
  ],
  invalid: [
    {
      name: 'the real corpus shape: RFC 2822 in GMT, blank line before the fence',
      code: '\n---\ntitle: \'123\'\ncategories: \n - a\ndate: Sun, 31 Oct 2021 00:06:29 GMT\nthumbnail: x\n---\n<p>x</p>',
      errors: [{ messageId: 'convert', line: 6, column: 7, endLine: 6, endColumn: 36 }],
      output: '\n---\ntitle: \'123\'\ncategories: \n - a\ndate: 2021-10-31T00:06:29+00:00\nthumbnail: x\n---\n<p>x</p>',
    },
    {
      name: 'message says what is wrong and what the fix writes',
      code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'),
      errors: [{ message: '"date" "Sun, 31 Oct 2021 00:06:29 GMT" is not ISO 8601; the fix writes "2021-10-31T00:06:29+00:00"' }],
      output: fm('date: 2021-10-31T00:06:29+00:00'),
    },
    { code: fm('date: Sun, 31 Oct 2021 08:06:29 +0800'), errors: [{ messageId: 'convert' }], output: fm('date: 2021-10-31T08:06:29+08:00') },
    { code: fm('date: 31 Oct 2021 00:06:29 -0500'), errors: 1, output: fm('date: 2021-10-31T00:06:29-05:00') },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), options: SH, errors: 1, output: fm('date: 2021-10-31T08:06:29+08:00') },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), options: { format: 'hexo' }, errors: 1, output: fm('date: 2021-10-31 00:06:29') },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 GMT'), options: { format: 'hexo', ...SH }, errors: 1, output: fm('date: 2021-10-31 08:06:29') },
    { code: fm("date: 'Sun, 31 Oct 2021 00:06:29 GMT'"), errors: 1, output: fm("date: '2021-10-31T00:06:29+00:00'"), name: 'single quotes are kept' },
    { code: fm('date: "Sun, 31 Oct 2021 00:06:29 GMT"'), errors: 1, output: fm('date: "2021-10-31T00:06:29+00:00"'), name: 'double quotes are kept' },
    { code: fm('date: Sun, 31 Oct 2021 00:06:29 UT'), errors: 1, output: fm('date: 2021-10-31T00:06:29+00:00'), name: 'obsolete UT zone' },
    // wall-clock inputs: no offset of their own
    { code: fm('date: 2021/10/31 08:06'), errors: [{ messageId: 'convert', line: 3, column: 7 }], output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: 2021/10/31 08:06'), options: SH, errors: 1, output: fm('date: 2021-10-31T08:06:00+08:00') },
    { code: fm('date: 2021/10/31 08:06'), options: { format: 'hexo', ...SH }, errors: 1, output: fm('date: 2021-10-31 08:06:00') },
    { code: fm('date: 2021/1/5'), errors: 1, output: fm('date: 2021-01-05') },
    { code: fm('date: 2021.10.31 8:06:07'), errors: 1, output: fm('date: 2021-10-31T08:06:07') },
    { code: fm('date: 2021-1-5 08:06'), errors: 1, output: fm('date: 2021-01-05T08:06:00') },
    { code: fm('date: 2021年10月31日 08:06'), errors: 1, output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: 2021年10月31日'), errors: 1, output: fm('date: 2021-10-31') },
    { code: fm('date: 2021年10月31日'), options: { format: 'hexo', ...SH }, errors: 1, output: fm('date: 2021-10-31'), name: 'a date without time stays a date' },
    { code: fm('date: 31 Oct 2021'), errors: 1, output: fm('date: 2021-10-31') },
    { code: fm('date: October 31, 2021 08:06'), errors: 1, output: fm('date: 2021-10-31T08:06:00') },
    { code: fm('date: Sunday, 31 October 2021'), errors: 1, output: fm('date: 2021-10-31') },
    { code: fm('date: 31/10/2021'), errors: 1, output: fm('date: 2021-10-31'), name: 'day first when the first number cannot be a month' },
    { code: fm('date: 05/05/2021'), errors: 1, output: fm('date: 2021-05-05'), name: 'same day and month is not ambiguous' },
    { code: fm('date: 10/31/2021 08:06'), errors: 1, output: fm('date: 2021-10-31T08:06:00'), name: 'month first when the second number cannot be a month' },
    // epoch
    { code: fm('date: 1635638789'), errors: [{ messageId: 'convert', line: 3, column: 7, endColumn: 17 }], output: fm('date: 2021-10-31T00:06:29+00:00'), name: 'YAML integer epoch seconds' },
    { code: fm('date: 1635638789'), options: SH, errors: 1, output: fm('date: 2021-10-31T08:06:29+08:00'), name: 'epoch in the configured zone' },
    { code: fm('date: 1635638789'), options: { format: 'hexo' }, errors: 1, output: fm('date: 2021-10-31 00:06:29'), name: 'epoch, hexo format, UTC' },
    { code: fm("date: '1635638789'"), errors: 1, output: fm("date: '2021-10-31T00:06:29+00:00'"), name: 'epoch digit string keeps its quotes' },
    { code: fm('date: 1635638789123'), errors: 1, output: fm('date: 2021-10-31T00:06:29.123+00:00'), name: 'epoch milliseconds' },
    { code: fm('date: 999999999'), errors: 1, output: fm('date: 2001-09-09T01:46:39+00:00'), name: 'nine-digit epoch' },
    { code: ';;;\n"title": "t", "date": 1635638789\n;;;\n', errors: 1, output: ';;;\n"title": "t", "date": "2021-10-31T00:06:29+00:00"\n;;;\n', name: 'JSON front matter stays JSON' },
    // several keys, CRLF
    {
      code: '---\r\ndate: Sun, 31 Oct 2021 00:06:29 GMT\r\nupdated: 2021/11/01\r\n---\r\nbody\r\n',
      errors: [{ line: 2, column: 7 }, { line: 3, column: 10 }],
      output: '---\r\ndate: 2021-10-31T00:06:29+00:00\r\nupdated: 2021-11-01\r\n---\r\nbody\r\n',
    },
    { code: fm('date: 2021-10-31\ndate: 2021/10/31'), site: siteWithoutRoot('jekyll'), errors: [{ line: 4, column: 7 }], output: fm('date: 2021-10-31\ndate: 2021-10-31'), name: 'every occurrence of a repeated key is checked (Jekyll reads it)' },
    // impossible: no fix
    { code: fm('date: 2021-02-30'), errors: [{ messageId: 'impossible', line: 3, column: 7 }], output: null, name: 'Feb 30 (ISO shape)' },
    { code: fm('date: 2021-02-29 08:00:00'), errors: [{ message: /day 29 is out of range/ }], output: null, name: 'Feb 29 in a common year' },
    { code: fm('date: 2021/10/32'), errors: [{ messageId: 'impossible' }], output: null, name: 'day 32' },
    { code: fm('date: 2021-13-01'), errors: [{ messageId: 'impossible' }], output: null, name: 'month 13' },
    { code: fm('date: 2021-10-31 25:00'), errors: [{ message: /hour 25 is out of range/ }], output: null, name: '25:00' },
    { code: fm('date: 2021年2月30日'), errors: [{ messageId: 'impossible' }], output: null },
    { code: fm('date: 13/13/2021'), errors: [{ messageId: 'impossible' }], output: null },
    {
      code: fm('date: Mon, 31 Oct 2021 00:06:29 GMT'),
      errors: [{ messageId: 'impossible', message: /31 Oct 2021 is a Sunday/ }],
      output: null,
      name: 'a weekday that contradicts the date',
    },
    { code: fm('date: Sun, 32 Oct 2021 00:06:29 GMT'), errors: [{ messageId: 'impossible' }], output: null },
    { code: fm('date: Monday, 31 October 2021'), errors: [{ messageId: 'impossible' }], output: null, name: 'weekday mismatch without time' },
    // ambiguous, unknown
    { code: fm('date: 01/02/2021'), errors: [{ messageId: 'ambiguous', line: 3, column: 7 }], output: null },
    { code: fm('date: 02-01-2021 08:00'), errors: [{ messageId: 'ambiguous' }], output: null },
    { code: fm('date: yesterday'), errors: [{ messageId: 'unknown' }], output: null },
    { code: fm('date: 20211031'), errors: [{ messageId: 'unknown' }], output: null, name: 'eight digits are no epoch' },
    { code: fm('date: 1635638789.5'), errors: [{ messageId: 'unknown' }], output: null, name: 'a float is no epoch' },
    { code: fm('date: true'), errors: [{ messageId: 'unknown' }], output: null },
    { code: fm(`date: '${' '.repeat(200_000)}?http://${'1'.repeat(200_000)}'`), errors: [{ messageId: 'unknown' }], output: null, name: 'a huge value is not parsed' },
    // shape of the value
    { code: fm('date:\n  - 2021-10-31'), errors: [{ messageId: 'notScalar', message: /not a list/ }], output: null },
    { code: fm('date: { y: 2021 }'), errors: [{ messageId: 'notScalar', message: /not a mapping/ }], output: null },
    { code: fm('date:'), errors: [{ messageId: 'empty', line: 3, column: 1 }], output: null },
    { code: fm("date: ''"), errors: [{ messageId: 'empty', line: 3, column: 7 }], output: null },
    // missing
    { code: '\n---\ntitle: t\n---\nbody\n', errors: [{ messageId: 'missing', line: 2, column: 1, endColumn: 4 }], output: null },
    { code: 'body only\n', errors: [{ messageId: 'noFrontMatter', line: 1, column: 1 }], output: null },
    { code: '---\ntitle: t\n---\n', options: { keys: ['published', 'date'] }, errors: [{ message: /no "published"/ }], output: null, name: 'the first key is the required one' },
  ],
});

describe('date-format options', () => {
  it('refuses an unknown timezone when the config is read, naming what was expected', () => {
    expect(() => RuleTester.configure(rule, { timezone: 'Asia/Shang_hai' })).toThrow(/timezone "Asia\/Shang_hai" is not an IANA time zone name/);
    expect(() => RuleTester.configure(rule, { timezone: 'Asia/Shanghai' })).not.toThrow();
  });
});

describe('date-format utilities', () => {
  const moment = fc.record({
    ms: fc.integer({ min: Date.UTC(1974, 0, 1), max: Date.UTC(2099, 11, 31) }).map((n) => n - (n % 1000)),
    offset: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
  });
  it('RFC 2822 and epoch inputs keep their instant, and the fix is well-formed', () => {
    fc.assert(
      fc.property(moment, fc.constantFrom(undefined, 'Asia/Shanghai', 'America/New_York'), fc.constantFrom('iso' as const, 'hexo' as const), ({ ms, offset }, timezone, format) => {
        const dt = DateTime.fromMillis(ms, { zone: `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')}` });
        for (const input of [dt.toRFC2822()!, String(ms / 1000)]) {
          const v = checkDate(input, { format, timezone });
          expect(v.kind, input).toBe('fix');
          const fixed = (v as { value: string }).value;
          expect(checkDate(fixed, { format, timezone })).toEqual({ kind: 'ok' });
          if (format === 'iso') expect(DateTime.fromISO(fixed).toMillis()).toBe(ms);
          else {
            const zone = timezone ?? (input.includes(',') ? dt.zone : 'UTC');
            expect(DateTime.fromFormat(fixed, 'yyyy-MM-dd HH:mm:ss', { zone }).toMillis()).toBe(ms);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('wall-clock inputs keep their fields', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1971, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const w = DateTime.fromJSDate(d, { zone: 'UTC' }).startOf('minute');
        const want = w.toFormat("yyyy-MM-dd'T'HH:mm:ss");
        for (const input of [w.toFormat('yyyy/M/d H:mm'), w.toFormat("yyyy'年'M'月'd'日' HH:mm"), w.toFormat('d LLL yyyy HH:mm', { locale: 'en-US' })]) {
          expect(checkDate(input, { format: 'iso' }), input).toEqual({ kind: 'fix', value: want });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never takes long on hostile input', () => {
    const hostile = ['1'.repeat(60), ' '.repeat(60), `${'a '.repeat(30)}`, `Oct ${' '.repeat(55)}1`, '2021/'.repeat(12)];
    for (const s of hostile) {
      const t = performance.now();
      checkDate(s, { format: 'iso' });
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
  const configured = [RuleTester.configure(rule)];
  const posts = realPosts();
  it('finds the 27 posts', () => expect(posts.length).toBe(27));
  it('reports the 24 RFC 2822 dates, and only those', () => {
    const all = posts.flatMap((file) => lintText(readFileSync(file, 'utf8'), { filePath: file, rules: configured }));
    expect(all.filter((m) => m.fatal)).toEqual([]);
    expect(all.length).toBe(24);
    expect(all.every((m) => m.fix && /is not ISO 8601/.test(m.message))).toBe(true);
  });
  it('fixes only the date line, to ISO with +00:00, and leaves nothing to report', () => {
    for (const file of posts) {
      const text = readFileSync(file, 'utf8');
      const { output } = fixText(text, { filePath: file, rules: configured });
      expect(lintText(output, { filePath: file, rules: configured })).toEqual([]);
      const before = text.split('\n');
      const after = output.split('\n');
      expect(after.length).toBe(before.length);
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
      if (/^date: \d{4}-\d{2}-\d{2} /m.test(text)) expect(changed).toEqual([]);
      else {
        expect(changed.length).toBe(1);
        expect(changed[0][0]).toMatch(/^date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        expect(changed[0][1]).toMatch(/^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      }
    }
  });
  it('converts the G20 post to the same instant', () => {
    const file = posts.find((p) => p.includes('G20'))!;
    const { output } = fixText(readFileSync(file, 'utf8'), { filePath: file, rules: [RuleTester.configure(rule, SH)] });
    expect(output).toContain('\ndate: 2021-10-31T08:06:29+08:00\n');
  });
});
