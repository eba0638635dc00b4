// Takes docs/html-report.png, the README's picture of the HTML report: the report over fixtures/real, written by
// the built CLI (run `npm run build` first) and shown in headless Chromium (/usr/bin/chromium, or
// CHROMIUM_PATH). The posts' names are Chinese: without a CJK font (Debian: fonts-wqy-zenhei) they show as boxes.
// Usage: node scripts/screenshot-html-report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const run = spawnSync(process.execPath, [path.join(root, 'bin/newslint.js'), 'check', '--format', 'html', '.'], {
  cwd: path.join(root, 'fixtures/real'),
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0 && run.status !== 1) throw new Error(`newslint exited ${run.status}: ${run.stderr}`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-shot-'));
const report = path.join(dir, 'report.html');
writeFileSync(report, run.stdout);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, colorScheme: 'light' });
  await page.goto(pathToFileURL(report).href);
  const out = path.join(root, 'docs/html-report.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
