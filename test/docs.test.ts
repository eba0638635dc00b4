// Every rule's documentation examples are tests (as html-validate does): each code block under "## Wrong"
// makes the rule report at least one problem, each under "## Right" none. YAML blocks are front matter.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { loadBuiltinRules } from '../src/rules.js';
import { RuleTester } from '../src/rule-tester.js';

const docs = path.resolve(import.meta.dirname, '../docs/rules');
const rules = await loadBuiltinRules();

function examples(markdown: string, heading: string): { lang: string; code: string }[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) return [];
  return [...section.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```\s*$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

function asArticle({ lang, code }: { lang: string; code: string }): { text: string; filePath: string } {
  if (/^ya?ml$/.test(lang) && !code.startsWith('---')) return { text: `---\n${code}---\n`, filePath: 'example.md' };
  return { text: code, filePath: lang === 'html' && !/^\s*---/.test(code) ? 'example.html' : 'example.md' };
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
        const { text, filePath } = asArticle(ex);
        const found = lintText(text, { filePath, rules: configured }).filter((m) => m.ruleId === id);
        expect(found.length, `Wrong example reports nothing:\n${ex.code}`).toBeGreaterThan(0);
      }
      for (const ex of right) {
        const { text, filePath } = asArticle(ex);
        const found = lintText(text, { filePath, rules: configured }).filter((m) => m.ruleId === id || m.fatal);
        expect(found.map((m) => m.message), `Right example reports:\n${ex.code}`).toEqual([]);
      }
    });
  }
});
