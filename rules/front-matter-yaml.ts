// Front matter that the post's generator reads, but strict YAML 1.2 readers (the `yaml` package, editors,
// other generators) reject or read to other values; and front matter the generator itself cannot load but
// publishes without (Jekyll). src/parse/front-matter.ts finds these places (FrontMatter.strictYaml) and
// withholds their positions from the other rules; this rule reports them and, where one safe minimal edit
// exists, writes the generator's own value so that both read it alike. Every fix is checked before it is
// offered: on the fixed text, the generator loads the same data and `yaml` reads it without a difference.

import jsyaml from 'js-yaml';
import { parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { defineRule, docsUrl, quote, type Article, type Fix, type FrontMatter, type Range } from '../src/rule-api.js';
import { parseFrontMatter, sameValue, yamlOptions, type StrictYaml } from '../src/parse/front-matter.js';

type Path = (string | number)[];

interface Edit {
  range: Range;
  text: string;
}

interface Finding {
  messageId: 'multiline' | 'tabs' | 'differs' | 'differsNoFix' | 'rejected';
  range: Range;
  data: Record<string, string>;
  edit?: Edit;
  /** Where in the data: the value it is about. */
  path?: Path;
}

export default defineRule({
  meta: {
    id: 'front-matter-yaml',
    description: 'Front matter must read the same in strict YAML 1.2 as in the generator, and the generator must be able to read it',
    fixable: true,
    severity: 'error',
    docs: docsUrl('front-matter-yaml'),
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      multiline:
        '{{key}} is a quoted or bracketed value continued on a line that is not indented: {{generator}} reads it as {{value}}, strict YAML 1.2 readers {{strict}}; the fix writes it on one line',
      multilineNoFix:
        '{{key}} is a quoted or bracketed value continued on a line that is not indented: {{generator}} reads it as {{value}}, strict YAML 1.2 readers {{strict}}; no one-line form both read alike: rewrite it by hand',
      tabs: 'A tab indents this line: {{generator}} reads it as two spaces, strict YAML 1.2 readers reject tabs as indentation; the fix writes the spaces',
      differs: '{{generator}} reads {{key}} as {{generatorValue}}, strict YAML 1.2 readers as {{strictValue}}; the fix writes {{fixed}}, which both read as {{generatorValue}}',
      differsNoFix: '{{generator}} reads {{key}} as {{generatorValue}}, strict YAML 1.2 readers as {{strictValue}}; no safe edit found: rewrite it by hand',
      rejected: '{{generator}} reads this front matter, but strict YAML 1.2 readers reject it ({{reason}}); no safe edit found: rewrite it by hand',
      unreadable: '{{generator}} cannot read this front matter ({{reason}}): it publishes the post without any of it (no layout, title or date)',
    },
  },
  check({ article, report }) {
    const fm = article.frontMatter;
    if (!fm) return;
    const generator = article.site.generator.title;
    if (fm.unreadable) {
      const at = fm.unreadable.offset;
      report({ messageId: 'unreadable', data: { generator, reason: quote(fm.unreadable.reason, 120) }, range: [at, lineEnd(article.text, at)] });
      return;
    }
    const strict = fm.strictYaml;
    if (!strict || (!strict.errors.length && !strict.differing.length)) return;
    const { findings, echoes } = examine(article, fm, strict);
    const accepted = acceptedEdits(article, fm, findings);
    // what follows a broken value may be its echo: reported only when nothing can be fixed this pass
    const all = accepted.size ? findings : [...findings, ...echoes].sort((x, y) => x.range[0] - y.range[0]);
    for (const f of all) {
      const fixed = accepted.has(f);
      const messageId = f.messageId === 'differs' && !fixed ? 'differsNoFix' : f.messageId === 'multiline' && !fixed ? 'multilineNoFix' : f.messageId;
      report({
        messageId,
        data: { generator, ...f.data },
        range: f.range,
        fix: fixed ? (fixer): Fix => fixer.replaceTextRange(f.edit!.range, f.edit!.text) : null,
      });
    }
  },
});

/**
 * Where `yaml` rejects the block or reads it otherwise: first each quoted or bracketed value that runs onto
 * a less indented line (the generator joins the lines; `yaml` fails, or reads less); each line indented by
 * tabs; then each other error, and each other scalar read differently. `echoes`: what follows the first
 * broken value, which may only be its consequence (`yaml` loses track of the structure after it).
 */
function examine(article: Article, fm: FrontMatter, strict: StrictYaml): { findings: Finding[]; echoes: Finding[] } {
  const { text } = article;
  const { doc, base, shift } = strictDocument(text, fm);
  const [, b] = fm.contentRange;
  const findings: Finding[] = [];
  const echoes: Finding[] = [];
  const covered: Range[] = [];
  const inCovered = (at: number) => covered.some(([x, y]) => at >= x && at <= y);
  let firstBroken = Infinity; // where the first broken quoted or bracketed value starts
  const add = (f: Finding) => (f.range[0] > firstBroken ? echoes : findings).push(f);

  for (const { node, path, shadowed } of fm.language === 'yaml' ? flowValues(doc) : []) {
    const open = base + node.range![0];
    const close = isScalar(node) ? closingQuote(text, open, b) : closingBracket(text, open, b);
    if (close === null || !/[\r\n]/.test(text.slice(open, close)) || inCovered(open)) continue;
    // a quoted value reads the same anywhere; a list's items need the generator's own reading, at its path
    const value = isScalar(node) ? quotedValue(text.slice(open, close)) : shadowed ? undefined : valueAt(fm.data, path);
    const errors = strict.errors.filter((e) => e.range[0] > open && e.range[0] <= close);
    const strictValue = asData(node, doc);
    const readsAlike = value !== undefined && sameValue(value, strictValue);
    if (!errors.length && base + node.range![1] >= close && (value === undefined || readsAlike)) continue;
    const range: Range = [open, close];
    const data = {
      key: quote(pathName(path)),
      value: shown(value),
      strict: errors.length ? `reject it (${reason(errors[0].message)})` : `read ${shown(strictValue)}`,
    };
    const written = value === undefined ? null : isScalar(node) ? flowScalar(value as string, node.type === 'QUOTE_DOUBLE') : flowCollection(value);
    const finding: Finding = { messageId: 'multiline', range, data, path, edit: written === null ? undefined : { range, text: written } };
    // after a broken value `yaml`'s paths may be wrong: a list there without a value is an echo
    if (covered.length && value === undefined && !shadowed) echoes.push(finding);
    else findings.push(finding);
    covered.push(range);
    firstBroken = Math.min(firstBroken, open);
  }
  // Tabs that indent a line: Hexo reads each as two spaces (hexo-front-matter's escapeYAML), YAML 1.2 refuses them
  for (const e of doc.errors) {
    if (e.code !== 'TAB_AS_INDENT') continue;
    const lineStart = text.lastIndexOf('\n', base + e.pos[0] - 1) + 1;
    let end = lineStart;
    while (text[end] === '\t') end++;
    if (end === lineStart || inCovered(lineStart)) continue;
    add({ messageId: 'tabs', range: [lineStart, end], data: {}, edit: { range: [lineStart, end], text: '  '.repeat(end - lineStart) } });
    covered.push([lineStart, end]);
  }
  for (const e of strict.errors) {
    if (!inCovered(e.range[0])) add({ messageId: 'rejected', range: e.range, data: { reason: reason(e.message) } });
  }
  if (!strict.errors.length) {
    const root = doc.contents as Node | null;
    for (const key of strict.differing) {
      const pair = isMap(root) ? [...root.items].reverse().find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) : undefined;
      const where: Range = pair && isScalar(pair.key) && pair.key.range ? shift(pair.key.range) : [fm.range[0], fm.range[0] + 3];
      const generatorValue = key === '*' ? fm.data : Object.hasOwn(fm.data, key) ? fm.data[key] : undefined;
      const node = key === '*' ? root : ((pair?.value as Node | null | undefined) ?? null);
      const scalars = generatorValue === undefined || !node ? null : differingScalars(node, generatorValue, key === '*' ? [] : [key]);
      if (!scalars) {
        if (node?.range && inCovered(base + node.range[0])) continue;
        const name = quote(key === '*' ? 'the front matter' : key);
        add({ messageId: 'differsNoFix', range: where, data: { key: name, generatorValue: shown(generatorValue), strictValue: node ? shown(asData(node, doc)) : 'nothing' } });
        continue;
      }
      for (const { node: n, value, path } of scalars) {
        const range = shift(n.range!);
        if (inCovered(range[0])) continue;
        const fixed = fm.language === 'yaml' ? writtenValue(value, n.type === 'QUOTE_DOUBLE') : null;
        const data = { key: quote(pathName(path)), generatorValue: shown(value), strictValue: shown(n.value), fixed: fixed === null ? '' : quote(fixed) };
        add({ messageId: 'differs', range, data, path, edit: fixed === null ? undefined : { range, text: fixed } });
      }
    }
  }
  const order = (x: Finding, y: Finding) => x.range[0] - y.range[0];
  return { findings: findings.sort(order), echoes: echoes.sort(order) };
}

/** The block as `yaml` reads it, tolerantly; `base` maps its offsets to the article's. */
function strictDocument(text: string, fm: FrontMatter): { doc: Document.Parsed; base: number; shift: (r: readonly number[]) => Range } {
  const [a, b] = fm.contentRange;
  // Hexo's `;;;` JSON has no outer braces (Hugo's JSON has them)
  const wrapped = fm.language === 'json' && text[a] !== '{';
  const base = wrapped ? a - 1 : a;
  const doc = parseDocument(wrapped ? `{${text.slice(a, b)}}` : text.slice(a, b), yamlOptions());
  return { doc, base, shift: (r) => [base + r[0], base + r[1]] };
}

/** What a lenient reader (js-yaml, as every generator's) makes of a quoted scalar: its lines joined. */
function quotedValue(source: string): string | undefined {
  try {
    const v = jsyaml.load(source, { schema: jsyaml.FAILSAFE_SCHEMA });
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `yaml`'s value of a node; undefined where it refuses to build one (an alias bomb). */
function asData(node: Node, doc: Document.Parsed): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/**
 * Deep equality of two loadings of the generator's data (Dates by instant, NaN equal to NaN), within a
 * budget: js-yaml shares aliased values, so an alias bomb is small as data but huge to walk. Over budget:
 * not equal, and no fix is offered.
 */
function sameData(a: unknown, b: unknown, budget = { left: 100_000 }): boolean {
  if (--budget.left < 0) return false;
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], budget));
}

function reason(message: string): string {
  return message.replace(/ at line.*$/, '');
}

/** The scalars under `node` that `yaml` reads otherwise than the generator's `value`; null where the shapes differ. */
function differingScalars(node: Node, value: unknown, path: Path): { node: Scalar; value: unknown; path: Path }[] | null {
  if (isScalar(node)) {
    if (sameValue(value, node.value)) return [];
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? [{ node, value, path }] : null;
  }
  if (isSeq(node)) {
    if (!Array.isArray(value) || value.length !== node.items.length) return null;
    const parts = node.items.map((item, i) => differingScalars(item as Node, value[i], [...path, i]));
    return parts.includes(null) ? null : parts.flat() as { node: Scalar; value: unknown; path: Path }[];
  }
  if (isMap(node)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const out: { node: Scalar; value: unknown; path: Path }[] = [];
    const seen = new Set<string>();
    for (const pair of [...node.items].reverse()) {
      if (!isScalar(pair.key)) return null;
      const k = String(pair.key.value);
      if (seen.has(k)) continue; // an earlier repeat: the generator keeps the last
      seen.add(k);
      if (!Object.hasOwn(value, k)) return null;
      const part = differingScalars(pair.value as Node, (value as Record<string, unknown>)[k], [...path, k]);
      if (!part) return null;
      out.push(...part);
    }
    return seen.size === Object.keys(value).length ? out : null;
  }
  return null;
}

/**
 * Every quoted scalar and outermost flow collection in a (possibly broken) document, with its path;
 * `shadowed` under a top-level key that is repeated later (the generator keeps the last one).
 */
function flowValues(doc: Document.Parsed): { node: Scalar | YAMLSeq | YAMLMap; path: Path; shadowed: boolean }[] {
  const out: { node: Scalar | YAMLSeq | YAMLMap; path: Path; shadowed: boolean }[] = [];
  const keyOf = (pair: { key: unknown }) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
  const walk = (node: unknown, path: Path, depth: number, shadowed: boolean) => {
    if (!node || depth > 100) return;
    if (isScalar(node)) {
      if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && node.range) out.push({ node, path, shadowed });
    } else if ((isMap(node) || isSeq(node)) && node.flow && node.range) {
      out.push({ node, path, shadowed });
    } else if (isMap(node)) {
      node.items.forEach((pair, i) => {
        const later = depth === 0 && node.items.slice(i + 1).some((p) => keyOf(p) === keyOf(pair));
        walk(pair.value, [...path, keyOf(pair)], depth + 1, shadowed || later);
      });
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i], depth + 1, shadowed));
  };
  walk(doc.contents, [], 0, false);
  return out;
}

/** Where a flow collection that opens at `open` closes (brackets inside quotes do not count); the offset after it. */
function closingBracket(text: string, open: number, limit: number): number | null {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if ((c === "'" || c === '"') && /[[{,:\s]/.test(text[i - 1])) {
      const end = closingQuote(text, i, limit);
      if (end === null) return null;
      i = end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i + 1;
  }
  return null;
}

/** Where a quoted scalar that opens at `open` closes, as YAML reads quotes (`''` and `\"` are escapes); the offset after it. */
function closingQuote(text: string, open: number, limit: number): number | null {
  const q = text[open];
  for (let i = open + 1; i < limit; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return null;
}

/** A value written so that YAML 1.1 and 1.2 readers alike read it back, as one line; null when not possible. */
function writtenValue(value: unknown, preferDouble: boolean): string | null {
  if (typeof value === 'string') return flowScalar(value, preferDouble);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? String(value) : null;
  }
  return null;
}

/** A string as one quoted line: single quotes unless it needs escapes or double quotes were used. */
function flowScalar(value: string, preferDouble: boolean): string {
  const needsEscapes = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value);
  if (!preferDouble && !needsEscapes) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A list or mapping of scalars as one flow line; plain words stay plain. Null when a value cannot be written. */
function flowCollection(value: unknown, depth = 0): string | null {
  if (depth > 20) return null;
  const item = (v: unknown) => (v !== null && typeof v === 'object' ? flowCollection(v, depth + 1) : typeof v === 'string' && SAFE_PLAIN.test(v) && !YAML_WORD.test(v) ? v : writtenValue(v, false));
  if (Array.isArray(value)) {
    const items = value.map(item);
    return items.includes(null) ? null : `[${items.join(', ')}]`;
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return null;
  const entries = Object.entries(value).map(([k, v]) => [item(k), item(v)]);
  return entries.some(([k, v]) => k === null || v === null) ? null : `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** Words and numbers that some reader takes for something other than a string (YAML 1.1 and 1.2). */
const YAML_WORD = /^(?:y|n|yes|no|on|off|true|false|null|~|[-+.]?\d.*)$/i;
const SAFE_PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N} _./+-]*(?<! )$/u;

/**
 * The findings whose edits to offer. An edit is offered only when it is safe and makes progress: on the
 * edited text the generator loads exactly the same data, and `yaml` has fewer errors or, with none, fewer
 * values it reads otherwise. All edits together when they pass together; else those that pass alone, if
 * those pass together; else the first that passes alone (the engine lints again after each pass).
 */
function acceptedEdits(article: Article, fm: FrontMatter, findings: Finding[]): Set<Finding> {
  const candidates = findings.filter((f) => f.edit);
  const before = score(article.text, fm);
  const passes = (set: Finding[]) => {
    const text = applyEdits(article.text, set.map((f) => f.edit!));
    if (text === null) return false;
    let after: FrontMatter | null;
    try {
      after = parseFrontMatter(text, article.site).frontMatter;
    } catch {
      return false;
    }
    if (!after || after.unreadable || !sameData(after.data, fm.data)) return false;
    const [errors, differences, tail] = score(text, after);
    return errors < before[0] || (errors > 0 && tail < before[2]) || (errors === 0 && before[0] === 0 && differences < before[1]);
  };
  if (!candidates.length) return new Set();
  if (passes(candidates)) return new Set(candidates);
  const alone = candidates.filter((f) => passes([f]));
  if (alone.length > 1 && passes(alone)) return new Set(alone);
  return new Set(alone.slice(0, 1));
}

/**
 * How far `yaml` is from the generator: its errors, the scalars it reads otherwise (a value of another shape
 * counts once), and how much text follows its first error.
 */
function score(text: string, fm: FrontMatter): [number, number, number] {
  const strict = fm.strictYaml!;
  if (strict.errors.length) return [strict.errors.length, 0, text.length - Math.min(...strict.errors.map((e) => e.range[0]))];
  const root = strictDocument(text, fm).doc.contents as Node | null;
  let differences = 0;
  for (const key of strict.differing) {
    const pair = isMap(root) ? [...root.items].reverse().find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) : undefined;
    const node = key === '*' ? root : ((pair?.value as Node | null | undefined) ?? null);
    const value = key === '*' ? fm.data : fm.data[key];
    differences += (node && Object.hasOwn(fm.data, key) ? differingScalars(node, value, []) : null)?.length ?? 1;
  }
  return [0, differences, 0];
}

function applyEdits(text: string, edits: Edit[]): string | null {
  const sorted = [...edits].sort((x, y) => x.range[0] - y.range[0]);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.range[0] < pos) return null;
    out += text.slice(pos, e.range[0]) + e.text;
    pos = e.range[1];
  }
  return out + text.slice(pos);
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function pathName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `a mapping of ${Object.keys(value).map((k) => quote(k, 20)).join(', ') || 'nothing'}`;
  return `${typeof value === 'boolean' ? 'the boolean' : 'the number'} ${String(value)}`;
}

function lineEnd(text: string, at: number): number {
  const m = /[\r\n]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}
