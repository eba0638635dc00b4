// Inline directives (src/engine/directives.ts): where they are read, what they suppress, which fixes they keep
// out, and the unused ones reported and removed. The rules here are small test rules, so that every position
// is known; the last tests run the bundled rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText, lintText, lintTextOutcome, type ConfiguredRule, type LintTextOptions } from '../../src/engine/linter.js';
import { findDirectives } from '../../src/engine/directives.js';
import { Article } from '../../src/parse/article.js';
import type { LintMessage, Rule } from '../../src/types.js';
import { fuzzSeed } from '../helpers/seed.js';
import { describeStableFixes, HTML_PIECES } from '../helpers/stable-fix.js';
import { recommendedRules } from '../helpers/engine.js';

/** A rule reporting every `word` in the text, fixed to `to`. */
function flag(id: string, word: string, to: string): ConfiguredRule {
  const rule: Rule = {
    meta: { id, description: id, fixable: true, severity: 'error', docs: '' },
    check({ article, report }) {
      for (let i = article.text.indexOf(word); i !== -1; i = article.text.indexOf(word, i + word.length)) {
        report({ message: `${word} found`, range: [i, i + word.length], fix: (f) => f.replaceTextRange([i, i + word.length], to) });
      }
    },
  };
  return { rule, severity: 2, options: {} };
}

const RULES = [flag('aa', 'AA', 'a'), flag('bb', 'BB', 'b')];
const KNOWN = new Set(['aa', 'bb', 'cc']);
const html = (text: string, more: Partial<LintTextOptions> = {}) => lintTextOutcome(text, { rules: RULES, filePath: 'post.html', knownRuleIds: KNOWN, ...more });
const md = (text: string, more: Partial<LintTextOptions> = {}) => lintTextOutcome(text, { rules: RULES, filePath: 'post.md', knownRuleIds: KNOWN, ...more });
/** Messages as `line:column ruleId`. */
const at = (messages: LintMessage[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

describe('block directives', () => {
  it('newslint-disable without ids suppresses every rule up to newslint-enable', () => {
    const r = html('AA BB\n<!-- newslint-disable -->\nAA BB\n<!-- newslint-enable -->\nAA BB\n');
    expect(at(r.messages)).toEqual(['1:1 aa', '1:4 bb', '5:1 aa', '5:4 bb']);
    expect(at(r.suppressedMessages)).toEqual(['3:1 aa', '3:4 bb']);
    expect(r.suppressedMessages[0]).toMatchObject({ ruleId: 'aa', message: 'AA found', suppressions: [{ kind: 'directive', justification: '' }] });
  });

  it('holds to the end of the file without an enable, and only from where the comment starts', () => {
    const r = html('AA <!-- newslint-disable --> AA\nBB');
    expect(at(r.messages)).toEqual(['1:1 aa']);
    expect(at(r.suppressedMessages)).toEqual(['1:30 aa', '2:1 bb']);
  });

  it('with ids, only those rules: separated by commas, spaces or both', () => {
    for (const ids of ['aa', 'aa,cc', 'aa cc', ' aa ,  cc ']) {
      const r = html(`<!-- newslint-disable ${ids} -->\nAA BB`);
      expect(at(r.messages), ids).toEqual(['2:4 bb']);
      expect(at(r.suppressedMessages), ids).toEqual(['2:1 aa']);
    }
    expect(at(html('<!--newslint-disable aa,bb-->AA BB').suppressedMessages)).toEqual(['1:30 aa', '1:33 bb']);
  });

  it('nests per rule as ESLint does: an enable of one rule inside a disable of all, a disable of one ended by an enable of all', () => {
    const text = [
      '<!-- newslint-disable -->',
      'AA BB', // both off
      '<!-- newslint-enable aa -->',
      'AA BB', // aa back on
      '<!-- newslint-disable aa -->',
      'AA BB', // both off again
      '<!-- newslint-enable -->',
      'AA BB', // both on
      '<!-- newslint-disable bb -->',
      '<!-- newslint-enable aa -->',
      'AA BB', // bb off (enabling aa, which was on, changes nothing)
      '<!-- newslint-enable bb -->',
      'AA BB',
    ].join('\n');
    const r = html(text);
    expect(at(r.messages)).toEqual(['4:1 aa', '8:1 aa', '8:4 bb', '11:1 aa', '13:1 aa', '13:4 bb']);
    expect(at(r.suppressedMessages)).toEqual(['2:1 aa', '2:4 bb', '4:4 bb', '6:1 aa', '6:4 bb', '11:4 bb']);
  });

  it('takes the text after " -- " as the justification', () => {
    const r = html('<!-- newslint-disable aa -- imported from the old site, see #12 -->AA');
    expect(r.suppressedMessages[0].suppressions).toEqual([{ kind: 'directive', justification: 'imported from the old site, see #12' }]);
    // `--` glued to a word is not the separator (ESLint's rule): it is an id, and unknown
    expect(at(html('<!-- newslint-disable aa --why -->AA').messages)).toEqual(['1:26 null']);
  });

  it('is not a directive unless the comment starts with the keyword and is closed', () => {
    for (const text of ['<!-- see newslint-disable -->AA', '<!-- newslint-disabled -->AA', '<!-- newslint-disable AA', '<!--> newslint-disable -->AA', '<p title="<!-- newslint-disable -->">AA</p>']) {
      expect(html(text).suppressedMessages, text).toEqual([]);
    }
  });
});

describe('line directives', () => {
  it('newslint-disable-line covers its whole line, before and after the comment', () => {
    const r = html('AA\nAA BB <!-- newslint-disable-line --> AA\nAA');
    expect(at(r.messages)).toEqual(['1:1 aa', '3:1 aa']);
    expect(at(r.suppressedMessages)).toEqual(['2:1 aa', '2:4 bb', '2:38 aa']);
  });

  it('newslint-disable-next-line covers the next line only, for its ids', () => {
    const r = html('<!-- newslint-disable-next-line bb -- a quote -->\nAA BB\nBB');
    expect(at(r.messages)).toEqual(['2:1 aa', '3:1 bb']);
    expect(r.suppressedMessages).toMatchObject([{ line: 2, column: 4, suppressions: [{ kind: 'directive', justification: 'a quote' }] }]);
  });

  it('suppresses a problem by its first line: a problem spanning lines is suppressed from the line it starts on', () => {
    const span: ConfiguredRule = {
      ...flag('span', 'X', 'X'),
      rule: { meta: { id: 'span', description: '', fixable: false, severity: 'error', docs: '' }, check: ({ article, report }) => report({ message: 'x', range: [article.text.indexOf('<b>'), article.text.indexOf('</b>') + 4] }) },
    };
    const rules = [span];
    expect(lintTextOutcome('<b>\n</b> <!-- newslint-disable-line span -->', { rules, filePath: 'p.html' }).messages).toHaveLength(1);
    expect(lintTextOutcome('<b> <!-- newslint-disable-line span -->\n</b>', { rules, filePath: 'p.html' }).suppressedMessages).toHaveLength(1);
  });

  it('spanning several lines is an error, and does nothing', () => {
    for (const type of ['disable-line', 'disable-next-line']) {
      const r = html(`AA <!-- newslint-${type}\n aa -->\nAA`);
      expect(r.suppressedMessages, type).toEqual([]);
      expect(r.messages.find((m) => m.ruleId === null), type).toEqual({ ruleId: null, severity: 2, message: `newslint-${type} comment should not span multiple lines`, line: 1, column: 4 });
    }
  });
});

describe('where directives are read', () => {
  it('in Markdown, in raw HTML (blocks and inline), never in code or escaped text', () => {
    expect(at(md('<!-- newslint-disable -->\n\nAA').suppressedMessages)).toEqual(['3:1 aa']);
    expect(at(md('text <!-- newslint-disable-line --> AA\n').suppressedMessages)).toEqual(['1:37 aa']);
    const notDirectives = [
      '```\n<!-- newslint-disable -->\n```\nAA\n',
      '~~~html\n<!-- newslint-disable -->\n~~~\n\nAA\n',
      'para\n\n    <!-- newslint-disable -->\n\nAA\n',
      'code `<!-- newslint-disable -->` AA\n',
      'code ``x <!-- newslint-disable --> x`` AA\n',
      '\\<!-- newslint-disable --> AA\n',
    ];
    for (const text of notDirectives) {
      const r = md(text);
      expect(r.suppressedMessages, text).toEqual([]);
      expect(r.messages.filter((m) => m.ruleId === 'aa'), text).toHaveLength(1);
    }
  });

  it('in HTML, every comment of the body', () => {
    expect(at(html('<div><span><!-- newslint-disable-next-line --></span>\nAA</div>').suppressedMessages)).toEqual(['2:1 aa']);
  });

  it('never in front matter (YAML has no HTML comments)', () => {
    for (const text of ['---\ntitle: "<!-- newslint-disable -->"\n---\nAA\n', '---\n# <!-- newslint-disable -->\ntitle: a\n---\nAA\n']) {
      expect(md(text).suppressedMessages, text).toEqual([]);
      expect(findDirectives(new Article(text))).toEqual([]);
    }
  });

  it('finds each form with its ids, their places and the justification', () => {
    const text = 'x <!-- newslint-disable-line aa, bb -- why -->';
    expect(findDirectives(new Article(text, { filePath: 'p.html' }))).toEqual([
      { type: 'disable-line', range: [2, text.length], ids: [{ id: 'aa', range: [29, 31] }, { id: 'bb', range: [33, 35] }], justification: 'why', error: null },
    ]);
  });
});

describe('messages that are never suppressed', () => {
  it('fatal messages and messages without a rule', () => {
    const broken = '---\ntitle: [unclosed\n---\n<!-- newslint-disable -->\n';
    const r = md(broken);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0].fatal).toBe(true);
    const unknown = html('<!-- newslint-disable -->\n<!-- newslint-disable-line nope -->');
    expect(unknown.messages).toEqual([{ ruleId: null, severity: 2, message: "Definition for rule 'nope' was not found (newslint-disable-line directive)", line: 2, column: 28 }]);
  });

  it('an unknown rule id is reported only when the known ids are given', () => {
    expect(lintText('<!-- newslint-disable nope -->', { rules: RULES, filePath: 'p.html' })).toEqual([]);
    expect(at(html('<!-- newslint-disable aa, nope -->AA').messages)).toEqual(['1:27 null']);
  });
});

describe('fixes and disabled text', () => {
  const opts = { rules: RULES, filePath: 'post.html', knownRuleIds: KNOWN };

  it('a suppressed problem is not fixed; the disabled text stays byte for byte', () => {
    const text = 'AA\n<!-- newslint-disable -->\nAA BB\n<!-- newslint-enable -->\nAA\n';
    const out = fixText(text, opts);
    expect(out.output).toBe('a\n<!-- newslint-disable -->\nAA BB\n<!-- newslint-enable -->\na\n');
    expect(at(out.suppressedMessages)).toEqual(['3:1 aa', '3:4 bb']);
    expect(out.messages).toEqual([]);
  });

  it('only the disabled rule is kept out: another rule still fixes there', () => {
    expect(fixText('<!-- newslint-disable aa -->AA BB', opts).output).toBe('<!-- newslint-disable aa -->AA b');
  });

  it('a reported problem whose fix reaches into text where its rule is disabled keeps its message and loses its fix', () => {
    // `wide` reports at "W" and rewrites from there to the next space: here across the line break, into a line
    // where it is disabled (but not over the comment)
    const wide: ConfiguredRule = {
      rule: {
        meta: { id: 'wide', description: '', fixable: true, severity: 'error', docs: '' },
        check({ article, report }) {
          const i = article.text.indexOf('W');
          if (i !== -1) report({ message: 'w', range: [i, i + 1], fix: (f) => f.replaceTextRange([i, article.text.indexOf(' ', i)], 'fixed') });
        },
      },
      severity: 2,
      options: {},
    };
    const text = 'W\nthis <!-- newslint-disable-line wide -->\n';
    const r = lintTextOutcome(text, { rules: [wide], filePath: 'p.html' });
    expect(r.messages).toEqual([{ ruleId: 'wide', severity: 2, message: 'w', line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    expect(fixText(text, { rules: [wide], filePath: 'p.html' }).output).toBe(text);
    // the same fix, with only another rule disabled there, is applied
    expect(fixText('W\nthis <!-- newslint-disable-line aa -->\n', { rules: [wide], filePath: 'p.html' }).output).toBe('fixed <!-- newslint-disable-line aa -->\n');
  });

  it('a fix that would edit a directive comment is dropped', () => {
    const eater: ConfiguredRule = {
      ...flag('eat', 'X', ''),
      rule: {
        meta: { id: 'eat', description: '', fixable: true, severity: 'error', docs: '' },
        check: ({ article, report }) => report({ message: 'e', range: [0, 1], fix: (f) => f.replaceTextRange([0, article.text.length], '') }),
      },
    };
    const text = 'X <!-- newslint-disable-line aa --> AA';
    expect(fixText(text, { rules: [eater], filePath: 'p.html' }).output).toBe(text);
  });

  it('disable-next-line keeps fixes out from the comment to the end of the next line', () => {
    const text = '<!-- newslint-disable-next-line -->AA\nAA BB\nAA\n';
    expect(fixText(text, opts).output).toBe('<!-- newslint-disable-next-line -->AA\nAA BB\na\n');
  });
});

describe('unused directives', () => {
  const warn = { reportUnusedDisableDirectives: 'warn' as const };

  it('are not reported unless asked', () => {
    expect(html('<!-- newslint-disable -->\n').messages).toEqual([]);
    expect(html('<!-- newslint-disable -->\n', { reportUnusedDisableDirectives: 'off' }).messages).toEqual([]);
  });

  it('a directive that suppresses nothing is reported at the severity asked, with a fix that removes it', () => {
    const text = 'AA\n<!-- newslint-disable bb -->\n<!-- newslint-enable bb -->\nok\n';
    const [m] = html(text, warn).messages.filter((x) => x.ruleId === null);
    expect(m).toEqual({ ruleId: null, severity: 1, message: "Unused newslint-disable directive (no problems were reported from 'bb')", line: 2, column: 1, fix: { range: [3, 32], text: '' } });
    expect(html(text, { reportUnusedDisableDirectives: 'error' }).messages.find((x) => x.ruleId === null)?.severity).toBe(2);
    // enable directives are never reported; the fix removes the whole line the comment stood alone on
    expect(fixText(text, { ...opts(), ...warn }).output).toBe('a\n<!-- newslint-enable bb -->\nok\n');
  });

  it('names every unused id, and the message without ids for a directive of every rule', () => {
    const messages = html('<!-- newslint-disable-line --> x\n<!-- newslint-disable-next-line aa, bb, cc -->\nx', warn).messages.map((m) => m.message);
    expect(messages).toEqual(['Unused newslint-disable-line directive (no problems were reported)', "Unused newslint-disable-next-line directive (no problems were reported from 'aa', 'bb', or 'cc')"]);
  });

  it('an unused id beside used ones: only that id is removed from the list', () => {
    const text = 'AA <!-- newslint-disable-line bb, aa, cc -->\n';
    const r = html(text, warn);
    expect(r.messages.map((m) => [m.column, m.message])).toEqual([
      [31, "Unused newslint-disable-line directive (no problems were reported from 'bb')"],
      [39, "Unused newslint-disable-line directive (no problems were reported from 'cc')"],
    ]);
    expect(fixText(text, { ...opts(), ...warn }).output).toBe('AA <!-- newslint-disable-line aa -->\n');
  });

  it('a line directive under a block directive that already suppresses the problem is unused (ESLint applies blocks first)', () => {
    const r = html('<!-- newslint-disable -->\nAA <!-- newslint-disable-line aa -->', warn);
    expect(r.messages.map((m) => m.line)).toEqual([2]);
  });

  it('are found on the final text of a fix: a directive whose problem another rule fixed is removed too, and fixing again changes nothing', () => {
    // bb turns "AB" into "A", which aa reports no more: the directive for aa has nothing left to suppress
    const rules = [flag('aa', 'AB', 'AB'), flag('bb', 'B', '')];
    const text = 'text\n<!-- newslint-disable-next-line aa -->\nAB\nmore\n';
    const options = { rules, filePath: 'p.md', ...warn };
    const once = fixText(text, options);
    expect(once.output).toBe('text\n\nA\nmore\n'); // between two lines of Markdown text: the line stays, empty
    expect(once.messages).toEqual([]);
    expect(fixText(once.output, options).output).toBe(once.output);
  });

  it('removal keeps what the rest renders to: blanks before a comment that ends a line, after one that starts it', () => {
    const cases: [string, string][] = [
      ['para  <!-- newslint-disable-line -->\nnext\n', 'para\nnext\n'],
      ['<!-- newslint-disable-line -->     code?\n', 'code?\n'],
      ['a <!-- newslint-disable-line --> b\n', 'a b\n'],
      ['a<!-- newslint-disable-line -->b\n', 'ab\n'],
      ['para\n\n<!-- newslint-disable -->\n\nnext\n', 'para\n\n\nnext\n'],
      ['<!-- newslint-disable -->', ''],
      ['x\r\n<!-- newslint-disable -->\r\ny\r\n', 'x\r\n\r\ny\r\n'],
    ];
    for (const [text, fixed] of cases) expect(fixText(text, { rules: RULES, filePath: 'p.md', ...warn }).output, text).toBe(fixed);
    expect(fixText('x\n<!-- newslint-disable -->\ny\n', { rules: RULES, filePath: 'p.html', ...warn }).output).toBe('x\ny\n');
  });

  function opts() {
    return { rules: RULES, filePath: 'post.html', knownRuleIds: KNOWN };
  }
});

describe('property: random directive placement', () => {
  // Pieces that rules fix (AA, BB, empty paragraphs, text around) and directives of every rule. Whatever the
  // order, --fix leaves every disabled stretch byte for byte as it was, and fixing again changes nothing.
  const PIECES = ['AA', 'BB', ' ', '\n', 'x', '<p></p>', '<p>', '</p>', '<!-- newslint-disable -->', '<!-- newslint-enable -->', '<!-- newslint-disable-line -->', '<!-- newslint-disable-next-line -->', '<!-- c -->', '<div>', '</div>'];

  it('never changes a byte where every rule is disabled, and is idempotent', async () => {
    const rules = [...RULES, ...(await recommendedRules()).filter((r) => r.rule.meta.id === 'no-empty-paragraph' || r.rule.meta.id === 'no-empty-element')];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const options = { rules, filePath: 'post.html' };
        const out = fixText(text, options).output;
        let from = 0;
        for (const region of disabledRegions(text)) {
          const i = out.indexOf(region, from);
          expect(i, `${JSON.stringify(region)} kept in ${JSON.stringify(out)}`).toBeGreaterThanOrEqual(from);
          from = i + region.length;
        }
        expect(fixText(out, options).output).toBe(out);
      }),
      { numRuns: 1500, seed: fuzzSeed('directives: disabled text is never fixed') },
    );
  }, 120_000);

  /** The stretches of `text` where every rule is disabled (with the comments that disable them), merged, in order. */
  function disabledRegions(text: string): string[] {
    const article = new Article(text, { filePath: 'post.html' });
    const { lines } = article;
    const lineEnd = (line: number) => (line < lines.lineCount ? lines.lineStart(line + 1) : text.length);
    const ranges: [number, number][] = [];
    let open: number | null = null;
    for (const d of findDirectives(article)) {
      const line = article.position(d.range[0]).line;
      if (d.type === 'disable' && open === null) open = d.range[0];
      else if (d.type === 'enable' && open !== null) (ranges.push([open, d.range[0]]), (open = null));
      else if (d.type === 'disable-line') ranges.push([lines.lineStart(line), lineEnd(line)]);
      else if (d.type === 'disable-next-line' && line < lines.lineCount) ranges.push([d.range[1], lineEnd(line + 1)]);
    }
    if (open !== null) ranges.push([open, text.length]);
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged.at(-1);
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([...r]);
    }
    return merged.map(([a, b]) => text.slice(a, b));
  }
});

// The HTML rules' stable-fix property, over pieces that include directives: fixing twice changes nothing.
describeStableFixes(
  (await recommendedRules()).find((r) => r.rule.meta.id === 'no-empty-paragraph')!.rule,
  [...HTML_PIECES, '<!-- newslint-disable -->', '<!-- newslint-enable -->', '<!-- newslint-disable-line no-empty-paragraph -->', '<!-- newslint-disable-next-line -->'],
  500,
);

describe('hostile directives', () => {
  it('200,000 ids in one comment, one of them used, unused ones reported: no crash, linear time', () => {
    const n = 200_000;
    const text = `AA <!-- newslint-disable-line aa, ${'bb, '.repeat(n)}cc -->\n`;
    const t = Date.now();
    const r = html(text, { reportUnusedDisableDirectives: 'warn' });
    expect(r.suppressedMessages).toHaveLength(1);
    expect(r.messages).toHaveLength(n + 1);
    fixText(text, { rules: RULES, filePath: 'p.html', reportUnusedDisableDirectives: 'warn' });
    expect(Date.now() - t).toBeLessThan(30_000);
  }, 60_000);

  it('40,000 directives of every form among 50,000 problems: under 30 s', () => {
    const parts = ['<!-- newslint-disable aa -->AA BB', '<!-- newslint-enable aa --> AA <!-- newslint-disable-line bb -->\n', '<!-- newslint-disable-next-line -->\nAA BB\n'];
    const text = Array.from({ length: 30_000 }, (_, i) => parts[i % 3]).join('');
    const t = Date.now();
    const r = html(text, { reportUnusedDisableDirectives: 'error' });
    expect(r.suppressedMessages.length + r.messages.length).toBe(50_000); // every directive is used
    expect(Date.now() - t).toBeLessThan(30_000);
  }, 60_000);
});
