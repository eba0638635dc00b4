// Front matter: found and loaded by the post's generator (src/generators/: Hexo's hexo-front-matter and
// js-yaml, Jekyll's Psych, Hugo's yaml.v2 / TOML / JSON), so that newslint reads exactly the block and the
// data the generator reads. `data` is the generator's view.
//
// Positions come from the `yaml` package (strict YAML 1.2), which keeps every node's source range:
// `entries` (top-level keys) and `strings` (every string scalar), used by rules that report on or edit front
// matter. They are given only where `yaml` reads what the generator reads: not at all when `yaml` rejects
// the block, and not for a top-level key whose value `yaml` reads differently (a Jekyll `yes` that Psych
// reads as true, say). `strictYaml` says where and why; the front-matter-yaml rule reports and fixes those
// places, and the other rules' front-matter fixes follow in the next pass. A plain timestamp counts as
// read alike: the generator's Date, `yaml`'s string (YAML 1.2 has no timestamps). TOML has no positions.

import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node, type Scalar } from 'yaml';
import type { Site } from '../generators/types.js';
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
  /** The value as YAML 1.2 reads the text: the generator's value, except that a timestamp is its string. */
  value: unknown;
  /** The raw source text of the value ('' when empty). */
  source: string;
}

/** Where strict YAML 1.2 does not read what the generator reads. */
export interface StrictYaml {
  /** `yaml`'s errors: it rejects the block. */
  errors: { message: string; range: Range }[];
  /** Top-level keys (of the generator's data or `yaml`'s) whose values the two read differently. */
  differing: string[];
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
  /** For YAML and JSON blocks: where `yaml` disagrees with the generator (empty lists: nowhere). Null for TOML. */
  strictYaml: StrictYaml | null;
  /** The generator found the block but cannot load it, and publishes the post without its data (Jekyll). */
  unreadable?: { reason: string; offset: number };
}

const MAX_DEPTH = 200;

export function yamlOptions() {
  return { uniqueKeys: false, prettyErrors: false, maxAliasCount: 100, strict: false } as const;
}

/** Finds and loads the front matter as the site's generator does. Throws ArticleError when the generator cannot read the post. */
export function parseFrontMatter(text: string, site: Site): { frontMatter: FrontMatter | null; bodyStart: number } {
  const loaded = site.generator.readFrontMatter(text, site.settings);
  if (!loaded) return { frontMatter: null, bodyStart: 0 };
  const { block, data } = loaded;
  const fm: FrontMatter = {
    language: block.language,
    range: block.range,
    contentRange: block.contentRange,
    data,
    entries: [],
    strings: [],
    strictYaml: null,
    unreadable: loaded.unreadable,
  };
  if (block.language !== 'toml' && !loaded.unreadable) {
    const [a, b] = block.contentRange;
    // Hexo's `;;;` JSON has no outer braces: `yaml` reads it with them, one character before the content.
    const base = block.bracesAdded ? a - 1 : a;
    const doc = parseDocument(block.bracesAdded ? `{${text.slice(a, b)}}` : text.slice(a, b), yamlOptions());
    const clamp = (o: number) => Math.min(Math.max(o, a), b);
    fm.strictYaml = { errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0], range: [clamp(base + e.pos[0]), clamp(base + e.pos[1])] })), differing: [] };
    if (!doc.errors.length) {
      fm.strictYaml.differing = differingKeys(data, nodeToJS(doc.contents as Node | null, doc));
      collect(doc, text, base, fm, new Set(fm.strictYaml.differing));
    }
  }
  return { frontMatter: fm, bodyStart: block.bodyStart };
}

/** Top-level keys whose values differ between the generator's data and `yaml`'s; ['*'] when the roots differ in kind. */
function differingKeys(generator: unknown, strict: unknown): string[] {
  const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
  // the generator reads an empty block as no data
  if (strict === null && isMapping(generator) && !Object.keys(generator).length) return [];
  if (!isMapping(generator) || !isMapping(strict)) return sameValue(generator, strict) ? [] : ['*'];
  const keys = new Set([...Object.keys(generator), ...Object.keys(strict)]);
  return [...keys].filter((k) => !(Object.hasOwn(generator, k) && Object.hasOwn(strict, k) && sameValue(generator[k], strict[k])));
}

/** Deep equality of loaded values, where a generator's Date equals `yaml`'s string of a plain timestamp. */
export function sameValue(generator: unknown, strict: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (generator instanceof Date) return typeof strict === 'string' && /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|$)/.test(strict);
  if (typeof generator === 'number' && typeof strict === 'number') return Object.is(generator, strict) || generator === strict;
  if (generator === null || strict === null || typeof generator !== 'object' || typeof strict !== 'object') return generator === strict;
  if (Array.isArray(generator) !== Array.isArray(strict) || strict instanceof Date) return false;
  if (Array.isArray(generator)) {
    const s = strict as unknown[];
    return generator.length === s.length && generator.every((v, i) => sameValue(v, s[i], depth + 1));
  }
  if (!isPlain(generator) || !isPlain(strict)) return false; // a Uint8Array from !!binary, a Map from !!omap…
  const g = generator as Record<string, unknown>;
  const s = strict as Record<string, unknown>;
  const keys = Object.keys(g);
  return keys.length === Object.keys(s).length && keys.every((k) => Object.hasOwn(s, k) && sameValue(g[k], s[k], depth + 1));
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function collect(doc: Document.Parsed, text: string, base: number, fm: FrontMatter, differing: ReadonlySet<string>): void {
  if (differing.has('*')) return;
  const shift = (r: [number, number, number] | null | undefined): Range | null =>
    r ? [base + r[0], base + r[1]] : null;
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyRange = shift(pair.key.range);
      if (!keyRange || differing.has(String(pair.key.value))) continue;
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
        if (depth === 0 && differing.has(key)) continue;
        walk(pair.value as Node | null, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, [...path, i], depth + 1));
    }
  }
}

function nodeToJS(node: Node | null, doc: Document.Parsed): unknown {
  if (!node) return null;
  try {
    return node.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return null;
  }
}
