// The HTML report (--format html) in a real browser: Debian's headless Chromium, driven by playwright-core. A
// report over copies of the real posts plus hostile ones (markup in messages, file names and excerpts, terminal
// escapes, a 100 KB line) must open without a console error or any request, show the JSON report's counts, and
// filter to exactly the JSON report's subsets; nothing from the posts may run.
// Without /usr/bin/chromium this file fails (it does not skip): install the Debian package `chromium`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FileResult } from '../../src/api.js';
import { escapeControl } from '../../src/formatters/escape.js';
import { newslint, tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const PWN = '<script>window.__pwned=1</script>';
const HOSTILE_NAMES = ['<img src=x onerror=window.__pwned=1> & "é" 新闻.md', 'evil \u001b[2J\u202e name.md'];
const HOSTILE_TEXT = `---
title: "${PWN}"
date: "${PWN}"
---

<p>\u001b[31m正文,测试\u001b]0;title\u0007 \u202eevil</p>
<img src="${PWN}.png" alt="${PWN}.png">
<p>${'x'.repeat(100_000)}<img src="https://a.com/b.jpg"></p>
`;

let dir: string;
let reportUrl: string;
let results: FileResult[];
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the HTML report is tested in Debian's Chromium; install it (apt-get install chromium)`);
  }
  dir = tempDir('real');
  mkdirSync(path.join(dir, 'hostile'));
  for (const name of HOSTILE_NAMES) writeFileSync(path.join(dir, 'hostile', name), HOSTILE_TEXT);
  const html = newslint(['check', '--format', 'html', '.'], dir);
  expect(html.status, html.stderr).toBe(1);
  const report = path.join(tempDir(), 'report.html'); // not in dir: the JSON run below would check it
  writeFileSync(report, html.stdout);
  reportUrl = pathToFileURL(report).href;
  const json = newslint(['check', '--format', 'json', '.'], dir);
  expect(json.status, json.stderr).toBe(1);
  results = JSON.parse(json.stdout);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Console errors and warnings (a CSP violation is one), uncaught exceptions, dialogs. */
  errors: string[];
  /** Every request the page made, the report itself included. */
  requests: string[];
}

async function open({ javaScriptEnabled = true } = {}): Promise<Opened> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const opened: Opened = { page, errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.errors.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    opened.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => opened.requests.push(r.url()));
  // anything but the report itself would be a leak: refused, and recorded above
  await page.route('**', (route) => (route.request().url() === reportUrl ? route.continue() : route.abort()));
  await page.goto(reportUrl);
  return opened;
}

type Message = FileResult['messages'][number] & { file: string };

const allMessages = (): Message[] =>
  results.flatMap((r) => r.messages.map((m) => ({ ...m, file: escapeControl(path.relative(dir, r.filePath)) })));

/** One line per problem, as the page can tell them apart: file, position, rule, severity. */
const key = (m: Message) => `${m.file}|${m.line}:${m.column}|${m.ruleId ?? ''}|${m.severity === 2 ? 'error' : 'warning'}`;

function totalsOf(messages: Message[]) {
  return {
    problems: messages.length,
    errors: messages.filter((m) => m.severity === 2).length,
    warnings: messages.filter((m) => m.severity === 1).length,
    fixable: messages.filter((m) => m.fix || m.rename).length,
    files: new Set(messages.map((m) => m.file)).size,
  };
}

function countBy(messages: Message[], by: (m: Message) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) counts[by(m)] = (counts[by(m)] ?? 0) + 1;
  return counts;
}

/** The problems a reader sees now (rendered, not hidden by a filter). */
function visibleProblems(page: Page): Promise<string[]> {
  return page.$$eval('li.problem', (lis) =>
    lis
      .filter((li) => li.checkVisibility())
      .map((li) => {
        const file = li.closest('section')!.querySelector('.path')!.textContent;
        const pos = li.querySelector('.pos')!.textContent;
        return `${file}|${pos}|${(li as HTMLElement).dataset.rule}|${(li as HTMLElement).dataset.severity}`;
      }),
  );
}

function totalsShown(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-total]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.total, Number(e.textContent)])));
}

/** The counts a chart's bars show (bars at 0 left out). */
async function barsShown(page: Page, kind: 'rule' | 'folder'): Promise<Record<string, number>> {
  const bars = await page.$$eval(`.bar[data-${kind}]`, (bars, kind) => bars.map((b) => [(b as HTMLElement).dataset[kind]!, Number(b.querySelector('.n')!.textContent)] as const), kind);
  return Object.fromEntries(bars.filter(([, n]) => n > 0));
}

const sorted = (a: string[]) => [...a].sort();

describe('the HTML report in headless Chromium', () => {
  it('opens with no console error, no page error, no dialog and no request but itself', async () => {
    const { page, errors, requests } = await open();
    expect(await page.isVisible('#filters')).toBe(true); // the script ran: its hash matches the CSP
    expect(errors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
    await page.context().close();
  });

  it('shows the JSON report\'s totals, per-rule and per-folder counts, and every problem', async () => {
    const messages = allMessages();
    expect(messages.length).toBeGreaterThan(300); // the fixtures hit many rules, both severities
    expect(new Set(messages.map((m) => m.ruleId)).size).toBeGreaterThan(10);
    const { page, errors } = await open();
    expect(await totalsShown(page)).toEqual(totalsOf(messages));
    expect(await barsShown(page, 'rule')).toEqual(countBy(messages, (m) => m.ruleId ?? ''));
    const byFolder = countBy(messages, (m) => path.dirname(m.file));
    expect(await barsShown(page, 'folder')).toEqual(byFolder);
    expect(sorted(await visibleProblems(page))).toEqual(sorted(messages.map(key)));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a click on a rule\'s bar, then unticking warnings, show exactly the JSON report\'s subsets', async () => {
    const messages = allMessages();
    const { page, errors } = await open();
    const expectShown = async (subset: Message[]) => {
      expect(sorted(await visibleProblems(page))).toEqual(sorted(subset.map(key)));
      expect(await totalsShown(page)).toEqual(totalsOf(subset));
    };

    await page.click('.bar[data-rule="image-alt"]');
    const imageAlt = messages.filter((m) => m.ruleId === 'image-alt');
    expect(imageAlt.length).toBeGreaterThan(0);
    await expectShown(imageAlt);
    expect(await page.inputValue('#filter-rule')).toBe('image-alt');

    await page.click('.bar[data-rule="image-alt"]'); // a second click clears the rule filter
    await expectShown(messages);

    await page.uncheck('#filter-warning');
    const errorsOnly = messages.filter((m) => m.severity === 2);
    expect(errorsOnly.length).toBeLessThan(messages.length);
    await expectShown(errorsOnly);
    // the rule chart follows the severity filter
    expect(await barsShown(page, 'rule')).toEqual(countBy(errorsOnly, (m) => m.ruleId ?? ''));

    await page.selectOption('#filter-folder', 'hostile');
    await expectShown(errorsOnly.filter((m) => path.dirname(m.file) === 'hostile'));

    await page.check('#filter-warning');
    await page.selectOption('#filter-folder', { index: 0 });
    await page.selectOption('#filter-rule', 'cjk-punctuation');
    await expectShown(messages.filter((m) => m.ruleId === 'cjk-punctuation'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs nothing from the posts and shows their text as text, controls made visible', async () => {
    const { page, errors } = await open();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.$$eval('section.file script, section.file img', (els) => els.length)).toBe(0);
    const paths = await page.$$eval('.path', (els) => els.map((e) => e.textContent));
    expect(paths).toContain(`hostile/${HOSTILE_NAMES[0]}`);
    expect(paths).toContain('hostile/evil \\u001b[2J\\u202e name.md');
    const text = await page.locator('section.file', { hasText: HOSTILE_NAMES[0] }).innerText();
    expect(text).toContain(`Image alt "${PWN}.png" is a file name`); // the message, as text
    expect(text).toContain('\\u001b[31m正文,测试\\u001b]0;title\\u0007 \\u202eevil'); // the excerpt, controls shown
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cuts the excerpt of a 100 KB line to a window around the problem', async () => {
    const { page } = await open();
    const section = page.locator('section.file', { hasText: HOSTILE_NAMES[0] });
    const excerpt = await section.locator('li.problem', { hasText: 'Image has no alt text' }).locator('.excerpt').innerText();
    expect(excerpt.length).toBeLessThan(400);
    expect(excerpt).toContain('<img src="https://a.com/b.jpg">');
    expect(excerpt).toMatch(/^\s*8\s*…x+<img/);
    await page.context().close();
  });

  it('reads with JavaScript off: totals and every problem shown, filters hidden', async () => {
    const messages = allMessages();
    const { page, errors } = await open({ javaScriptEnabled: false });
    expect(await totalsShown(page)).toEqual(totalsOf(messages));
    expect(sorted(await visibleProblems(page))).toEqual(sorted(messages.map(key)));
    expect(await page.isVisible('#filters')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
