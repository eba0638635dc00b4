// What a rule file imports: the types, defineRule, and the helpers rules share.

import type { Rule } from './types.js';

export type { Rule, RuleContext, RuleMeta, ReportDescriptor, Fix, Range } from './types.js';
export type { Article, AttrValue, Element, Node, TextNode, FrontMatter, FrontMatterEntry, FrontMatterString, MarkdownImage, MarkdownLink, Span } from './parse/article.js';
export { isElement, isText, childNodes } from './parse/article.js';
export type { RuleFixer } from './engine/rule-fixer.js';

const DOCS_BASE = 'https://github.com/newslint/newslint/blob/main/docs/rules/';

/** The documentation URL of a bundled rule. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** Identity, for type inference: `export default defineRule<Options>({ meta, check })`. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export { quote } from './util/quote.js';
