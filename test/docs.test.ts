// Every rule's documentation examples are tests (as html-validate does): each code block under "## Wrong"
// makes the rule report at least one problem, each under "## Right" none. YAML blocks are front matter.
// A generator's name in the fence's info string (```yaml jekyll) reads the example as that generator does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { loadBuiltinRules } from '../src/rules.js';
import { RuleTester } from '../src/rule-tester.js';
import { GENERATOR_NAMES, siteWithoutRoot, type Site } from '../src/generators/index.js';

const docs = path.resolve(import.meta.dirname, '../docs/rules');
const rules = await loadBuiltinRules();

interface Example {
  lang: string;
  code: string;
  site?: Site;
}

function examples(markdown: string, heading: string): Example[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) return [];
  return [...section.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```\s*$/gm)].flatMap((m) => {
    const generator = GENERATOR_NAMES.find((g) => m[2].split(/\s+/).includes(g));
    const site = generator && siteWithoutRoot(generator);
    // A YAML block whose every line sets the same key lists alternatives: each line is an example of its own.
    const lines = m[3].split('\n').filter((l) => l.trim());
    const keys = new Set(lines.map((l) => /^([\w-]+):/.exec(l)?.[1]));
    if (/^ya?ml$/.test(m[1]) && lines.length > 1 && keys.size === 1 && !keys.has(undefined)) {
      return lines.map((l) => ({ lang: m[1], code: `${l}\n`, site }));
    }
    return [{ lang: m[1], code: m[3], site }];
  });
}

function asArticle({ lang, code, site }: Example): { text: string; filePath: string; site?: Site } {
  if (/^ya?ml$/.test(lang) && !code.startsWith('---')) return { text: `---\n${code}---\n`, filePath: 'example.md', site };
  return { text: code, filePath: lang === 'html' && !/^\s*---/.test(code) ? 'example.html' : 'example.md', site };
}

describe('rule docs', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    const file = path.join(docs, `${id}.md`);
    it(`${id}: page exists, links back, and its examples behave as it says`, () => {
      expect(existsSync(file), file).toBe(true);
      expect(rule.meta.docs.endsWith(`/docs/rules/${id}.md`)).toBe(true);
      const doc = readFileSync(file, 'utf8');
      expect(doc.startsWith(`# ${id}\n`)).toBe(true);
      const wrong = examples(doc, 'Wrong');
      const right = examples(doc, 'Right');
      expect(wrong.length, 'a "## Wrong" section with examples').toBeGreaterThan(0);
      expect(right.length, 'a "## Right" section with examples').toBeGreaterThan(0);
      const configured = [RuleTester.configure(rule)];
      for (const ex of wrong) {
        const found = lintText(asArticle(ex).text, { ...asArticle(ex), rules: configured }).filter((m) => m.ruleId === id);
        expect(found.length, `Wrong example reports nothing:\n${ex.code}`).toBeGreaterThan(0);
      }
      for (const ex of right) {
        const found = lintText(asArticle(ex).text, { ...asArticle(ex), rules: configured }).filter((m) => m.ruleId === id || m.fatal);
        expect(found.map((m) => m.message), `Right example reports:\n${ex.code}`).toEqual([]);
      }
    });
  }
});
