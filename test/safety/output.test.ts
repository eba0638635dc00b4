// Output cannot be hijacked: whatever a post's title, URL or file name holds, no formatter lets it move the
// cursor, recolour, retitle or clear the terminal, reorder text (bidi), or add lines to the report; JSON stays
// valid JSON carrying the exact text. Every formatter in src/formatters/index.ts runs through the same checks,
// so a format added later is covered without touching this file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResults, formatters } from '../../src/formatters/index.js';
import { summarize, type FileResult } from '../../src/api.js';
import type { LintMessage } from '../../src/types.js';
import { cli, tempDir } from './helpers.js';

const EVIL = [
  '\u001b[2J\u001b[H', // clear the screen
  '\u001b]0;pwned\u0007', // set the window title
  '\u001b[31mred\u001b[0m',
  '\r✔ 0 problems', // overwrite the line
  '\nfake.md\n  1:1  error  fake problem',
  '\u2028line separator\u2029',
  '\u202eevil\u202c \u2066isolate\u2069 \u200e\u200f',
  '\u0000nul \u0008bs \u007fdel \u0085nel \u009bcsi',
  '\ud800 lone \udc00 surrogates',
  '<script>alert(1)</script> & "quotes" \'single\'',
  'https://cors.zfour.workers.dev/?http://a.com/\u001b[0m.jpg',
];
const EVIL_ALL = EVIL.join(' ');

function results(withNewlines = true): FileResult[] {
  const t = (s: string) => (withNewlines ? s : s.replace(/[\n\r\u2028\u2029\u0085]/g, '_'));
  return EVIL.map((e, i) => {
    const messages: LintMessage[] = [
      { ruleId: 'image-alt', severity: 2, message: t(`Title ${e} and URL ${e}`), line: i + 1, column: 1, endLine: i + 1, endColumn: 5, fix: { range: [0, 1], text: t(e) } },
      { ruleId: null, severity: 1, message: t(`note ${e}`), line: 1, column: 1 },
    ];
    const r = summarize(t(`/posts/${e}/post ${i}.md`), messages);
    r.output = t(`fixed ${e}`);
    r.source = t(`source ${e}`);
    return r;
  });
}

const UNSAFE_RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ctx = { cwd: '/posts', color: false, rulesMeta: { 'image-alt': { docs: 'https://x', fixable: true } } };

describe('every formatter', () => {
  for (const name of Object.keys(formatters)) {
    const format = (results: FileResult[], context: typeof ctx) => formatResults(name, results, context);
    describe(name, () => {
      it('prints no raw control, bidi or separator character from content or file names', () => {
        for (const color of [false, true]) {
          const out = format(results(), { ...ctx, color });
          const stripped = color ? out.replace(/\u001b\[[0-9;]*m/g, '') : out; // its own colours only
          const bad = UNSAFE_RAW.exec(stripped);
          expect(bad && JSON.stringify(stripped.slice(Math.max(0, bad.index - 30), bad.index + 30))).toBeNull();
        }
      });

      it('content cannot add lines: newlines in content give the same line count as none', () => {
        const withNl = format(results(true), ctx);
        const without = format(results(false), ctx);
        expect(withNl.split('\n').length).toBe(without.split('\n').length);
      });

      it('every problem still shows (nothing swallowed by an escape sequence)', () => {
        const out = format(results(), ctx);
        // SARIF names files by URI, where the space is %20
        for (let i = 0; i < EVIL.length; i++) expect([`post ${i}.md`, `post%20${i}.md`].some((name) => out.includes(name))).toBe(true);
      });
    });
  }

  it('json is valid JSON and carries the exact text, whatever it holds', () => {
    const input = results();
    const parsed = JSON.parse(formatResults('json', input, ctx));
    expect(parsed.map((r: FileResult) => r.filePath)).toEqual(input.map((r) => r.filePath));
    expect(parsed.map((r: FileResult) => r.messages.map((m) => m.message))).toEqual(input.map((r) => r.messages.map((m) => m.message)));
  });
});

describe('through the CLI', () => {
  it('stylish, json, html and the --fix-dry-run diff escape titles, URLs and file names', () => {
    const dir = tempDir();
    const name = 'evil \u001b[2J\n+++ forged.md\n@@ -1 +1 @@\u202e.md';
    const text = `---\ntitle: "${EVIL_ALL.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u0000/g, '\\0')}"\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n---\n\n<p>\u001b[31m正文\u001b]0;t\u0007</p><p></p>\n<img src="https://a.com/\u001b[2J.jpg">\n`;
    writeFileSync(path.join(dir, name), text);
    for (const args of [['check', '.'], ['check', '--format', 'json', '.'], ['check', '--format', 'html', '.'], ['check', '--fix-dry-run', '.'], ['check', '--fix-dry-run', '--format', 'json', '.']]) {
      const r = cli(args, dir);
      expect([0, 1], r.stderr).toContain(r.status);
      const bad = UNSAFE_RAW.exec(r.stdout);
      expect(bad && `${args.join(' ')}: ${JSON.stringify(r.stdout.slice(Math.max(0, bad.index - 40), bad.index + 40))}`).toBeNull();
      expect(UNSAFE_RAW.test(r.stderr)).toBe(false);
      if (args.includes('json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
      // the file name cannot forge a diff header or a report line
      expect(r.stdout).not.toMatch(/^\+\+\+ forged\.md/m);
      expect(r.stdout).not.toMatch(/^@@ -1 \+1 @@/m);
    }
  });
});
