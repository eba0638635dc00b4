// Pins what lint and fix produce today on every post the repository holds (the real posts, also with CRLF and
// CR-only line breaks, the rule fixtures, the fixture sites' posts as their site reads them), under the
// default config and with every rule on: the messages (fixes included) and the fixed text, byte for byte.
// Work on speed (lazy parsing, cheaper fix passes, skipping micromark) must leave every one of them alone.
// The digests live in pinned-outputs.json; NEWSLINT_PIN_WRITE=1 rewrites it (only for a deliberate change of
// behaviour, said so in the commit).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NewsLint, type LintMessage } from '../../src/api.js';
import { loadBuiltinRules } from '../../src/rules.js';

// Messages name instants in the machine's zone: pin it (this file runs in its own process).
process.env.TZ = 'UTC';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PINS = path.join(import.meta.dirname, 'pinned-outputs.json');
const WRITE = Boolean(process.env.NEWSLINT_PIN_WRITE);

const posts = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|markdown|html?)$/.test(f) && !/(^|\/)(themes|_layouts|_includes)\//.test(f))
    .sort()
    .map((f) => path.join(ROOT, dir, f));

interface Case {
  name: string;
  cwd: string;
  file: string;
  text: string;
}

const cases: Case[] = [];
for (const file of posts('fixtures/real')) {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(ROOT, file);
  cases.push({ name: rel, cwd: ROOT, file, text });
  cases.push({ name: `${rel} (CRLF)`, cwd: ROOT, file, text: text.replace(/\r?\n/g, '\r\n') });
  cases.push({ name: `${rel} (CR)`, cwd: ROOT, file, text: text.replace(/\r?\n/g, '\r') });
}
for (const file of posts('fixtures/rules')) cases.push({ name: path.relative(ROOT, file), cwd: ROOT, file, text: readFileSync(file, 'utf8') });
for (const site of ['hexo', 'jekyll', 'hugo']) {
  const cwd = path.join(ROOT, 'fixtures/sites', site);
  for (const file of posts(`fixtures/sites/${site}`)) cases.push({ name: path.relative(ROOT, file), cwd, file, text: readFileSync(file, 'utf8') });
}

const digest = (value: unknown) => createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16);
/** Messages without the machine's paths (rename targets are absolute). */
const portable = (messages: LintMessage[]) => JSON.parse(JSON.stringify(messages).split(JSON.stringify(ROOT).slice(1, -1)).join('<root>'));

const allOn = Object.fromEntries((await loadBuiltinRules()).map((r) => [r.meta.id, 'error' as const]));

async function pinsOf(c: Case, ruleOverrides?: Record<string, 'error'>) {
  const check = await NewsLint.create({ cwd: c.cwd, ruleOverrides });
  const fix = await NewsLint.create({ cwd: c.cwd, ruleOverrides, fix: true });
  const site = await check.siteFor(c.file);
  const linted = check.lintText(c.text, { filePath: c.file, site });
  const fixed = fix.lintText(c.text, { filePath: c.file, site });
  return {
    problems: linted.messages.length,
    lint: digest(portable(linted.messages)),
    output: fixed.output === undefined ? null : digest(fixed.output),
    fixed: digest(portable(fixed.messages)),
  };
}

const pinned: Record<string, unknown> = existsSync(PINS) ? JSON.parse(readFileSync(PINS, 'utf8')) : {};
const seen: Record<string, unknown> = {};

describe('lint and fix outputs stay byte-identical', () => {
  it('cover every post in the repository', () => {
    expect(cases.length).toBeGreaterThan(140);
    if (!WRITE) expect(Object.keys(pinned).sort()).toEqual(cases.map((c) => c.name).sort());
  });
  for (const c of cases) {
    it(c.name, async () => {
      const now = { recommended: await pinsOf(c), allRulesOn: await pinsOf(c, allOn) };
      seen[c.name] = now;
      if (!WRITE) expect(now).toEqual(pinned[c.name]);
    });
  }
});

afterAll(() => {
  if (WRITE) writeFileSync(PINS, `${JSON.stringify(seen, null, 1)}\n`);
});
