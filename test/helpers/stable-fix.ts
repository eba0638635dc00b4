// A property shared by the HTML rules' tests: fixing text spliced from awkward pieces (code, raw blocks,
// unclosed and misnested tags) twice changes nothing and leaves nothing fixable.
import fc from 'fast-check';
import { fuzzSeed } from './seed.js';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/linter.js';
import { RuleTester } from '../../src/rule-tester.js';
import type { Rule } from '../../src/types.js';
import type { Site } from '../../src/generators/index.js';

export const HTML_PIECES = [
  '<div>', '</div>', '<span>', '</span>', ' ', '\n', 'x', '中', '<p>', '</p>', '<br>', '&nbsp;', '<b>', '</b>',
  '<a name="n">', '<a href="javascript:x">', '</a>', ' onclick ', '<div onclick class="c">', '<iframe src="//h/v">',
  '</iframe>', '<iframe>', '<script>', '</script>', '<style>', '</style>', '&#123;', '&#125;', '{', '{{', '{%', '{#',
  '%}', '`', '```\n', '    ', '<pre>', '</pre>', '<code>', '</code>', '{% raw %}', '{% endraw %}',
  '<div data-x="u">', '<!-- c -->', '\u200b', '<svg>', '</svg>', '<textarea>', '</textarea>', '"', "'", '>', '<',
];

/** `site`: read the text as that site's generator does (a rootless Hexo site by default). */
export function describeStableFixes(rule: Rule, pieces: string[] = HTML_PIECES, numRuns = 2000, site?: Site): void {
  describe(`fixing random HTML is stable${site ? ` (${site.generator.title})` : ''}`, () => {
    it('fixing twice changes nothing and leaves nothing fixable', () => {
      const rules = [RuleTester.configure(rule)];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
          const once = fixText(parts.join(''), { rules, site }).output;
          const twice = fixText(once, { rules, site });
          expect(twice.output).toBe(once);
          expect(twice.messages.filter((m) => m.fix)).toEqual([]);
        }),
        { numRuns, seed: fuzzSeed(`stable-fix ${rule.meta.id}${site ? ` ${site.generator.name}` : ''}`) },
      );
    }, 120_000);
  });
}
