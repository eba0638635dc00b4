// The verbs a rule's fix function uses to build text edits. All edits are on the original text.

import { parse as parseYaml } from 'yaml';
import jsYaml from 'js-yaml';
import type { Fix, Range } from '../types.js';
import type { FrontMatterString } from '../parse/front-matter.js';
import type { AttrValue } from '../parse/article.js';

export class RuleFixer {
  constructor(private readonly text: string) {}

  replaceTextRange(range: Range, text: string): Fix {
    return { range: [range[0], range[1]], text };
  }

  insertTextBefore(offset: number, text: string): Fix {
    return { range: [offset, offset], text };
  }

  insertTextAfter(offset: number, text: string): Fix {
    return this.insertTextBefore(offset, text);
  }

  removeRange(range: Range): Fix {
    return this.replaceTextRange(range, '');
  }

  /**
   * Removes a range and, when nothing but whitespace shares its line with it, the whole line
   * (its line break included), so that no blank line is left behind.
   */
  removeRangeWithLine(range: Range): Fix {
    const t = this.text;
    let a = range[0];
    let b = range[1];
    while (a > 0 && (t[a - 1] === ' ' || t[a - 1] === '\t')) a--;
    while (b < t.length && (t[b] === ' ' || t[b] === '\t')) b++;
    const startsLine = a === 0 || t[a - 1] === '\n' || t[a - 1] === '\r';
    const endsLine = b === t.length || t[b] === '\n' || t[b] === '\r';
    if (!startsLine || !endsLine) return this.removeRange(range);
    if (t[b] === '\r' && t[b + 1] === '\n') b += 2;
    else if (b < t.length) b += 1;
    return this.removeRange([a, b]);
  }

  /** Replaces an attribute's value, keeping its quoting; `value` is the raw (already escaped) text. */
  replaceAttrValue(attr: AttrValue, value: string): Fix {
    if (attr.quote) return this.replaceTextRange(attr.range, escapeQuote(value, attr.quote));
    const needsQuotes = value === '' || /[\s"'=<>`]/.test(value);
    return this.replaceTextRange(attr.range, needsQuotes ? `"${value.replace(/"/g, '&quot;')}"` : value);
  }

  /** Replaces a front-matter string with `value`, written in the same YAML style where that style can hold it. */
  replaceYamlString(str: FrontMatterString, value: string): Fix {
    return this.replaceTextRange(str.range, yamlScalar(value, str.style));
  }
}

/** Escapes the quote character of an attribute value written between `quote`s. */
export function escapeQuote(raw: string, quote: '"' | "'"): string {
  return raw.split(quote).join(quote === '"' ? '&quot;' : '&#39;');
}

/** Renders a string as a YAML flow scalar, preferring `style`, always re-reading as exactly `value`. */
export function yamlScalar(value: string, style: string): string {
  const oneLine = !/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(value);
  if (style === 'PLAIN' && oneLine && value !== '' && readsAsString(value)) return value;
  if (style !== 'QUOTE_DOUBLE' && oneLine) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/**
 * Whether every generator's YAML reader takes the plain scalar for exactly this string: YAML 1.2 (`yaml`,
 * editors), js-yaml (Hexo: its timestamps) and YAML 1.1 (Jekyll's Psych, Hugo's yaml.v2: yes/no/on/off,
 * 010, 1:30, timestamps). A fix that wrote `2021-10-31` or `yes` unquoted would change what a site reads.
 */
function readsAsString(plain: string): boolean {
  const source = `k: ${plain}\n`;
  const same = (data: unknown) => data !== null && typeof data === 'object' && (data as { k?: unknown }).k === plain;
  try {
    return same(parseYaml(source)) && same(parseYaml(source, { version: '1.1' })) && same(jsYaml.load(source));
  } catch {
    return false;
  }
}
