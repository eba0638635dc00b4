// Times one rule's check (and building its fixes) on an already parsed article, so that the parser's own
// cost on hostile input does not count against the rule.
import { Article } from '../../src/parse/article.js';
import { RuleFixer } from '../../src/engine/rule-fixer.js';
import { RuleTester } from '../../src/rule-tester.js';
import type { Rule } from '../../src/types.js';

/** Megabyte lines of the shapes that make URL code backtrack: runs of ?http://, &t=, params, spaces, quotes, %. */
export const HOSTILE_URL_TEXT = [
  `<a href="https://cors.zfour.workers.dev/?http://a.com/${'?http://'.repeat(150_000)}">x</a>`,
  `<a href="https://c.duomai.com/track.php?t=${'&t='.repeat(200_000)}">`,
  `<a href="https://a.com/?${'utm_a=1&'.repeat(120_000)}">y</a> ${' '.repeat(1_000_000)}"${'"'.repeat(200_000)}`,
  `[z](https://link.zhihu.com/?target=${'%'.repeat(300_000)}) [w](https://wsrv.nl/?url=${'ssl:'.repeat(200_000)})`,
].join('\n');

export function timeRuleCheck(rule: Rule, text: string, options: Record<string, unknown> = {}): { ms: number; problems: number } {
  const article = new Article(text);
  const configured = RuleTester.configure(rule, options);
  const fixer = new RuleFixer(text);
  let problems = 0;
  const t = performance.now();
  rule.check({
    ruleId: rule.meta.id,
    article,
    options: configured.options,
    report: (d) => {
      problems++;
      d.fix?.(fixer);
    },
  });
  return { ms: performance.now() - t, problems };
}
