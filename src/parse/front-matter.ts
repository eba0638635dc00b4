// Front matter: found and loaded by the post's generator (src/generators/: Hexo's hexo-front-matter and
// js-yaml, Jekyll's and Hugo's own rules), so that newslint reads exactly the block and the data the
// generator reads. `data` is the generator's view. Positions come from `yaml`, which keeps every node's
// source range: `entries` (top-level keys) and `strings` (every string scalar), used by rules that report on
// or edit front matter. Where `yaml` cannot follow the block (TOML, YAML that only a lenient reader takes),
// there are no positions, so no rule edits it.

import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node, type Scalar } from 'yaml';
import type { Generator } from '../generators/types.js';
import type { Range } from '../types.js';

/** A string scalar anywhere in the front matter. */
export interface FrontMatterString {
  /** Keys and indexes from the top: ["categories", 1]. */
  path: (string | number)[];
  value: string;
  /** Source range of the scalar, quotes included. */
  range: Range;
  /** How it is written: PLAIN, QUOTE_SINGLE, QUOTE_DOUBLE, BLOCK_LITERAL, BLOCK_FOLDED. */
  style: Scalar.Type;
}

/** One top-level key. Duplicated keys appear once each, in source order. */
export interface FrontMatterEntry {
  key: string;
  keyRange: Range;
  /** Source range of the value, or null for an empty value (`key:`). */
  valueRange: Range | null;
  /** The value as plain data. */
  value: unknown;
  /** The raw source text of the value ('' when empty). */
  source: string;
}

export interface FrontMatter {
  language: 'yaml' | 'json' | 'toml';
  /** From the opening fence to the end of the closing fence. */
  range: Range;
  /** The text between the fences. */
  contentRange: Range;
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  strings: FrontMatterString[];
}

const MAX_DEPTH = 200;

export function yamlOptions() {
  return { uniqueKeys: false, prettyErrors: false, maxAliasCount: 100, strict: false } as const;
}

/** Finds and loads the front matter as the generator does. Throws ArticleError when the generator cannot read the post. */
export function parseFrontMatter(text: string, generator: Generator): { frontMatter: FrontMatter | null; bodyStart: number } {
  const loaded = generator.readFrontMatter(text);
  if (!loaded) return { frontMatter: null, bodyStart: 0 };
  const { block, data } = loaded;
  const fm: FrontMatter = {
    language: block.language,
    range: block.range,
    contentRange: block.contentRange,
    data,
    entries: [],
    strings: [],
  };
  if (block.language !== 'toml') {
    const [a, b] = block.contentRange;
    // Hexo's `;;;` JSON has no outer braces: `yaml` reads it with them, one character before the content.
    const source = block.bracesAdded ? `{${text.slice(a, b)}}` : text.slice(a, b);
    const doc = parseDocument(source, yamlOptions());
    if (!doc.errors.length) collect(doc, text, block.bracesAdded ? a - 1 : a, fm);
  }
  return { frontMatter: fm, bodyStart: block.bodyStart };
}

function collect(doc: Document.Parsed, text: string, base: number, fm: FrontMatter): void {
  const shift = (r: [number, number, number] | null | undefined): Range | null =>
    r ? [base + r[0], base + r[1]] : null;
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyRange = shift(pair.key.range);
      if (!keyRange) continue;
      const valueNode = pair.value as Node | null;
      let valueRange = valueNode && isScalar(valueNode) && valueNode.source === '' && valueNode.value === null
        ? null
        : shift(valueNode?.range);
      if (valueRange) {
        // a block collection's range runs through its last line break: trim it to the value's text
        let end = valueRange[1];
        while (end > valueRange[0] && /\s/.test(text[end - 1])) end--;
        valueRange = [valueRange[0], end];
      }
      fm.entries.push({
        key: String(pair.key.value),
        keyRange,
        valueRange,
        value: valueNode ? nodeToJS(valueNode, doc) : null,
        source: valueRange ? text.slice(valueRange[0], valueRange[1]) : '',
      });
    }
  }
  walk(root as Node | null, [], 0);

  function walk(node: Node | null, path: (string | number)[], depth: number): void {
    if (!node || depth > MAX_DEPTH) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.range) {
        fm.strings.push({ path, value: node.value, range: shift(node.range)!, style: node.type ?? 'PLAIN' });
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value as Node | null, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, [...path, i], depth + 1));
    }
  }
}

function nodeToJS(node: Node, doc: Document.Parsed): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return null;
  }
}
