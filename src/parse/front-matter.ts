// Front matter: found as Hexo finds it (blank lines before the opening fence are allowed), split by
// gray-matter, parsed by `yaml` with every node's source range kept. Only YAML and JSON are read:
// gray-matter's JavaScript/CoffeeScript engines would execute the post, so every other language is refused
// before gray-matter sees it, and its code-running engines are replaced by ones that throw.

import matter from 'gray-matter';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node, type Scalar } from 'yaml';
import { ArticleError } from './errors.js';
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
  language: 'yaml' | 'json';
  /** From the opening fence to the end of the closing fence. */
  range: Range;
  /** The text between the fences. */
  contentRange: Range;
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  strings: FrontMatterString[];
}

const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\n|\r))*/;
const SAFE_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);
const MAX_DEPTH = 200;

function refuse(name: string) {
  return () => {
    throw new ArticleError(`front matter in ${name} is not read: newslint never executes front matter`);
  };
}

export function yamlOptions() {
  return { uniqueKeys: false, prettyErrors: false, maxAliasCount: 100, strict: false } as const;
}

/** Finds and parses the front matter. Returns null when the file has none; throws ArticleError when it is broken. */
export function parseFrontMatter(text: string): { frontMatter: FrontMatter | null; bodyStart: number } {
  const start = LEADING_BLANK_LINES.exec(text)![0].length;
  if (!text.startsWith('---', start) || text.charAt(start + 3) === '-') {
    return { frontMatter: null, bodyStart: 0 };
  }
  const rest = text.slice(start);
  const language = matter.language(rest);
  const name = language.name.toLowerCase();
  if (!SAFE_LANGUAGES.has(name)) {
    throw new ArticleError(
      `front matter in "${language.name}" is not read: only YAML and JSON are supported, and newslint never executes front matter`,
      start,
    );
  }
  const contentStart = start + 3 + language.raw.length;
  if (text.indexOf('\n---', contentStart) === -1) {
    throw new ArticleError('front matter is opened by "---" but never closed by a "---" line', start);
  }

  let doc: Document.Parsed | undefined;
  const parseYaml = (source: string) => {
    // gray-matter ends the block at "\n---": in a CRLF file its last "\r" belongs to the fence's line break
    doc = parseDocument(source.endsWith('\r') ? source.slice(0, -1) : source, yamlOptions());
    const err = doc.errors[0];
    if (err) throw new ArticleError(`front matter: ${firstLine(err.message)}`, contentStart + err.pos[0]);
    try {
      return doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      // an unresolved alias, or an alias bomb over maxAliasCount: yaml throws a ReferenceError
      throw new ArticleError(`front matter: ${firstLine((e as Error).message)}`, contentStart);
    }
  };
  const file = matter(rest, {
    language: 'yaml',
    engines: {
      yaml: parseYaml,
      yml: parseYaml,
      json: (source: string) => {
        const data = JSON.parse(source);
        try {
          parseYaml(source); // positions only; JSON that YAML cannot read still lints, without ranges
        } catch {
          doc = undefined;
        }
        return data;
      },
      javascript: refuse('JavaScript'),
      js: refuse('JavaScript'),
      coffee: refuse('CoffeeScript'),
      coffeescript: refuse('CoffeeScript'),
      cson: refuse('CSON'),
      toml: refuse('TOML'),
    },
  } as any);
  const data: unknown = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleError('front matter must be a mapping of keys to values', contentStart);
  }
  const contentEnd = contentStart + file.matter.length;
  const bodyStart = text.length - file.content.length;
  const fm: FrontMatter = {
    language: name === 'json' ? 'json' : 'yaml',
    range: [start, closingFenceEnd(text, contentEnd)],
    contentRange: [contentStart, contentEnd],
    data: data as Record<string, unknown>,
    entries: [],
    strings: [],
  };
  if (doc) collect(doc, text, contentStart, fm);
  return { frontMatter: fm, bodyStart };
}

function closingFenceEnd(text: string, contentEnd: number): number {
  // contentEnd points at the "\n" before the closing "---"
  let i = contentEnd + 4;
  while (i < text.length && text.charCodeAt(i) === 45 /* - */) i++;
  return i;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
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
