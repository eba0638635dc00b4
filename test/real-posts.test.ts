// The real scraped posts: after fixing with the default config, nothing fixable remains, the visible text is
// unchanged (up to what a rule's doc says it changes: CJK punctuation width and quotes), and fixing again
// changes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/linter.js';
import { Article } from '../src/parse/article.js';
import { checkedFix, recommendedRules, visibleText } from './helpers/engine.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/real');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
const rules = await recommendedRules();

/** cjk-punctuation's documented changes: full-width punctuation and curly quotes for their ASCII forms. */
const normalize = (s: string) =>
  s.replace(/[“”]/g, '"').replace(/[，]/g, ',').replace(/[：]/g, ':').replace(/[；]/g, ';').replace(/[！]/g, '!').replace(/[？]/g, '?');

const body = (text: string) => {
  const a = new Article(text);
  return text.slice(a.bodyStart);
};

describe('real posts', () => {
  it('are all there', () => expect(files.length).toBe(27));
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const { output, first, last } = checkedFix(text, rules, file);
      expect(first.filter((m) => m.fatal)).toEqual([]);
      expect(last.filter((m) => m.fix)).toEqual([]);
      expect(normalize(visibleText(body(output)))).toBe(normalize(visibleText(body(text))));
      expect(fixText(output, { rules, filePath: file }).output).toBe(output);
    });
  }
});
