// Every rule's hand-written fixtures: fixtures/rules/<id>/clean.md has no problem for that rule,
// dirty.md has at least one, and --fix on dirty.md (that rule alone) gives exactly dirty.fixed.md. A
// generator's name before the extension (dirty.jekyll.md) reads the fixture as that generator does.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../src/engine/linter.js';
import { loadBuiltinRules } from '../src/rules.js';
import { RuleTester } from '../src/rule-tester.js';
import { siteWithoutRoot, type GeneratorName } from '../src/generators/index.js';

const root = path.resolve(import.meta.dirname, '../fixtures/rules');
const rules = await loadBuiltinRules();

describe('rule fixtures', () => {
  for (const rule of rules) {
    const dir = path.join(root, rule.meta.id);
    it(`${rule.meta.id} has fixtures and a doc`, () => {
      expect(existsSync(path.join(dir, 'dirty.md')), `${dir}/dirty.md`).toBe(true);
      expect(existsSync(path.join(dir, 'clean.md')), `${dir}/clean.md`).toBe(true);
      expect(existsSync(path.resolve(root, '../../docs/rules', `${rule.meta.id}.md`))).toBe(true);
    });
    if (!existsSync(dir)) continue;
    const options = existsSync(path.join(dir, 'options.json')) ? JSON.parse(readFileSync(path.join(dir, 'options.json'), 'utf8')) : {};
    const configured = [RuleTester.configure(rule, options)];
    for (const name of readdirSync(dir).filter((n) => /\.(md|html?)$/.test(n) && !n.includes('.fixed.'))) {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      const generator = /\.(hexo|jekyll|hugo)\.[^.]+$/.exec(name)?.[1] as GeneratorName | undefined;
      const site = generator && siteWithoutRoot(generator);
      it(`${rule.meta.id}/${name}`, () => {
        const messages = lintText(text, { filePath: file, site, rules: configured });
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        if (name.startsWith('clean')) {
          expect(messages).toEqual([]);
          return;
        }
        expect(messages.length).toBeGreaterThan(0);
        const fixedFile = file.replace(/(\.[^.]+)$/, '.fixed$1');
        const { output } = fixText(text, { filePath: file, site, rules: configured });
        if (rule.meta.fixable) {
          expect(existsSync(fixedFile), `${fixedFile} must hold the expected --fix output`).toBe(true);
        }
        if (existsSync(fixedFile)) expect(output).toBe(readFileSync(fixedFile, 'utf8'));
        else expect(output).toBe(text);
      });
    }
  }
});
